"""The one call FHIR makes into casework to record a referral (a thin adapter: the casework
service decides who the person is and what the referrer may see)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError

from linkwork.casework import fhir, services
from linkwork.casework.fhir_server import FhirError
from linkwork.casework.models import Referral
from linkwork.core.models import Organisation

if TYPE_CHECKING:
    from linkwork.core.models import User

#: What a ServiceRequest's contained Patient may say about the person.
PATIENT_FIELDS = ("chi", "given_name", "family_name", "date_of_birth", "phone", "email", "postcode")
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
    """Record the referral from `practice` through the one intake service (`refer`), which
    decides who the person is and never reveals another practice's record; raises
    FhirInvalid naming what is wrong."""
    try:
        return services.refer(
            actor=user,
            source=Referral.Source.FHIR,
            practice=practice,
            referring_organisation=practice,
            person={k: data[k] for k in PATIENT_FIELDS if data[k]},
            reasons=data["reasons"],
            reason_detail=data["reason_detail"],
            person_agreed=True,
            external_id=data["external_id"],
            referrer_name=user.get_full_name() or user.get_username(),
        )
    except PermissionDenied as exc:
        raise FhirError(403, "forbidden", "You may not refer from this practice.") from exc
    except ValidationError as exc:
        issues = [
            (severity, code, text, EXPRESSIONS.get(where, where))
            for severity, code, text, where in fhir.as_validation_issues(exc)
        ]
        raise fhir.FhirInvalid(issues, 422) from exc
