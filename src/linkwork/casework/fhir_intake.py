"""The one call FHIR makes into casework to record a referral (a thin adapter: the casework
service decides who the person is and what the referrer may see)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction

from linkwork.casework import fhir, services
from linkwork.casework.models import Person, Referral
from linkwork.core.models import Organisation

if TYPE_CHECKING:
    from linkwork.core.models import User

#: Our field names -> where they came from in the ServiceRequest.
EXPRESSIONS = {
    "chi": "Patient.identifier",
    "given_name": "Patient.name.given",
    "family_name": "Patient.name.family",
    "date_of_birth": "Patient.birthDate",
    "phone": "Patient.telecom",
    "email": "Patient.telecom",
    "postcode": "Patient.address.postalCode",
    "reasons": "ServiceRequest.reasonCode",
}


def create_referral(*, user: User, practice: Organisation, data: dict[str, Any]) -> Referral:
    """Record the referral from `practice`; raises FhirInvalid naming what is wrong."""
    try:
        with transaction.atomic():
            person = Person.objects.filter(chi=data["chi"], merged_into__isnull=True).first()
            if person is None:
                fields = ("chi", "given_name", "family_name", "date_of_birth", "phone", "email",
                          "postcode")  # fmt: skip
                person = services.create_person(
                    actor=user,
                    data={k: data[k] for k in fields if data[k]} | {"gp_practice": practice},
                )
            return services.create_referral(
                person=person,
                source=Referral.Source.FHIR,
                practice=practice,
                referring_organisation=practice,
                actor=user,
                reasons=data["reasons"],
                reason_detail=data["reason_detail"],
                external_id=data["external_id"],
                referrer_name=user.get_full_name() or user.get_username(),
            )
    except ValidationError as exc:
        issues = [
            (severity, code, text, EXPRESSIONS.get(where, where))
            for severity, code, text, where in fhir.as_validation_issues(exc)
        ]
        raise fhir.FhirInvalid(issues, 422) from exc
