"""FHIR endpoints: plain Django views answering application/fhir+json."""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from linkwork.casework import fhir, services
from linkwork.casework.models import Discharge, Person, Referral
from linkwork.casework.selectors import referrals_made_by, visible_referrals
from linkwork.core import audit
from linkwork.core.models import Organisation
from linkwork.core.permissions import has_role, is_admin, practice_ids
from linkwork.core.roles import Role
from linkwork.core.tokens import authenticate_token

FHIR_JSON = "application/fhir+json"


def _json(body: dict[str, Any], status: int = 200, **headers: str) -> HttpResponse:
    response = HttpResponse(json.dumps(body), status=status, content_type=FHIR_JSON)
    for k, v in headers.items():
        response[k] = v
    return response


def _outcome(status: int, code: str, diagnostics: str, expression: str = "") -> HttpResponse:
    return _json(fhir.operation_outcome([("error", code, diagnostics, expression)]), status)


def _user(request: HttpRequest) -> Any:
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        user = authenticate_token(header[7:].strip())
        if user is not None:
            request.user = user
            from linkwork.core.context import current_user_var

            current_user_var.set(user)
        return user
    return request.user if request.user.is_authenticated else None


def metadata(request: HttpRequest) -> HttpResponse:
    return _json(fhir.capability_statement(request.build_absolute_uri("/fhir/")))


@csrf_exempt
@require_http_methods(["POST"])
def service_request_create(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if user is None:
        return _outcome(401, "login", "Send Authorization: Bearer <token>.")
    if not has_role(user, Role.PRACTICE_STAFF):
        return _outcome(403, "forbidden", "Only GP practice staff accounts may send referrals.")
    try:
        body = json.loads(request.body or b"null")
    except ValueError:
        return _outcome(400, "structure", "The body is not JSON.")
    try:
        sr = fhir.parse_service_request(body)
        data = fhir.referral_input(sr)
    except fhir.FhirInvalid as exc:
        return _json(fhir.operation_outcome(exc.issues), exc.status)
    practices = Organisation.objects.filter(kind=Organisation.Kind.GP_PRACTICE)
    if not is_admin(user):
        practices = practices.filter(id__in=practice_ids(user))
    practice = (
        practices.filter(code=data["practice_code"]).first()
        if data["practice_code"]
        else practices.filter(
            pk=data["practice_id"] if str(data["practice_id"]).isdigit() else -1
        ).first()
    )
    if practice is None:
        return _outcome(
            403,
            "forbidden",
            "The requester is not a practice you work for.",
            "ServiceRequest.requester",
        )
    try:
        with transaction.atomic():
            person = Person.objects.filter(chi=data["chi"], merged_into__isnull=True).first()
            if person is None:
                person = services.create_person(
                    actor=user,
                    data={
                        k: data[k]
                        for k in (
                            "chi",
                            "given_name",
                            "family_name",
                            "date_of_birth",
                            "phone",
                            "email",
                            "postcode",
                        )
                        if data[k]
                    }
                    | {"gp_practice": practice},
                )
            referral = services.create_referral(
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
        return _json(fhir.operation_outcome(fhir.as_validation_issues(exc)), 422)
    task = fhir.task_for(referral, referral.case)
    return _json(task, 201, Location=f"/fhir/Task/{referral.pk}")


def _task_scope(user: Any):  # type: ignore[no-untyped-def]
    return (visible_referrals(user) | referrals_made_by(user)).distinct()


def task_read(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    if user is None:
        return _outcome(401, "login", "Send Authorization: Bearer <token>.")
    referral = _task_scope(user).select_related("case__practice", "person").filter(pk=pk).first()
    if referral is None:
        return _outcome(404, "not-found", f"Task/{pk} is not known.")
    audit.record(audit.Action.VIEW, referral, actor=user, detail={"via": "fhir"})
    return _json(fhir.task_for(referral, referral.case))


def task_search(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if user is None:
        return _outcome(401, "login", "Send Authorization: Bearer <token>.")
    based_on = request.GET.get("based-on", "")
    ref = based_on.rsplit("/", 1)[-1]
    if not ref.isdigit():
        return _outcome(400, "invalid", "based-on must be ServiceRequest/<id>.", "based-on")
    rows = list(_task_scope(user).select_related("case__practice", "person").filter(pk=int(ref)))
    bundle = {
        "resourceType": "Bundle",
        "type": "searchset",
        "total": len(rows),
        "entry": [
            {
                "fullUrl": request.build_absolute_uri(f"/fhir/Task/{r.pk}"),
                "resource": fhir.task_for(r, r.case),
            }
            for r in rows
        ],
    }
    return _json(bundle)


def communication_read(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    if user is None:
        return _outcome(401, "login", "Send Authorization: Bearer <token>.")
    discharge = (
        Discharge.objects.select_related("case__person", "case__practice", "case__referral")
        .filter(pk=pk, case__referral__in=_task_scope(user))
        .first()
    )
    if discharge is None:
        return _outcome(404, "not-found", f"Communication/discharge-{pk} is not known.")
    audit.record(audit.Action.EXPORT, discharge, actor=user, detail={"format": "fhir"})
    return _json(fhir.discharge_communication(discharge))
