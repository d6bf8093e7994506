"""FHIR endpoints: plain Django views answering application/fhir+json."""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from linkwork.casework import fhir, services
from linkwork.casework.models import Discharge, Referral
from linkwork.casework.selectors import referring_organisations, visible_referrals
from linkwork.core import audit, policy
from linkwork.core.context import current_user_var
from linkwork.core.models import Organisation, User
from linkwork.core.tokens import authenticate_token

FHIR_JSON = "application/fhir+json"
#: What a ServiceRequest's contained Patient may say about the person.
_PATIENT_FIELDS = (
    "chi",
    "given_name",
    "family_name",
    "date_of_birth",
    "phone",
    "email",
    "postcode",
)


def _json(body: dict[str, Any], status: int = 200, **headers: str) -> HttpResponse:
    response = HttpResponse(json.dumps(body), status=status, content_type=FHIR_JSON)
    for k, v in headers.items():
        response[k] = v
    return response


def _outcome(status: int, code: str, diagnostics: str, expression: str = "") -> HttpResponse:
    return _json(fhir.operation_outcome([("error", code, diagnostics, expression)]), status)


def _user(request: HttpRequest) -> User | None:
    """The user of ``Authorization: Bearer <token>``; FHIR never takes the browser session
    (the endpoints are CSRF-exempt, so a session would let any web page post referrals)."""
    header = request.headers.get("Authorization", "")
    if not header.lower().startswith("bearer "):
        return None
    user = authenticate_token(header[7:].strip())
    if user is not None:
        request.user = user
        current_user_var.set(user)
    return user


def metadata(request: HttpRequest) -> HttpResponse:
    return _json(fhir.capability_statement(request.build_absolute_uri("/fhir/")))


@csrf_exempt
@require_http_methods(["POST"])
def service_request_create(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if user is None:
        return _outcome(401, "login", "Send Authorization: Bearer <token>.")
    if not policy.holds_role_for(user, "casework.refer"):
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
    practices = referring_organisations(user, Organisation.Kind.GP_PRACTICE)
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
        referral = services.refer(
            actor=user,
            source=Referral.Source.FHIR,
            practice=practice,
            referring_organisation=practice,
            person={k: data[k] for k in _PATIENT_FIELDS if data[k]},
            reasons=data["reasons"],
            reason_detail=data["reason_detail"],
            person_agreed=True,
            external_id=data["external_id"],
            referrer_name=user.get_full_name() or user.get_username(),
        )
    except PermissionDenied:
        return _outcome(403, "forbidden", "Only GP practice staff accounts may send referrals.")
    except ValidationError as exc:
        return _json(fhir.operation_outcome(fhir.as_validation_issues(exc)), 422)
    task = fhir.task_for(referral, referral.case)
    return _json(task, 201, Location=f"/fhir/Task/{referral.pk}")


def _task_scope(user: User) -> QuerySet[Referral]:
    return visible_referrals(user)


def task_read(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    if user is None:
        return _outcome(401, "login", "Send Authorization: Bearer <token>.")
    if not policy.holds_role_for(user, "casework.view_referral"):
        return _outcome(403, "forbidden", "Your role cannot read this.")
    referral = _task_scope(user).select_related("case__practice", "person").filter(pk=pk).first()
    if referral is None:
        return _outcome(404, "not-found", f"Task/{pk} is not known.")
    audit.record(audit.Action.VIEW, referral, actor=user, detail={"via": "fhir"})
    return _json(fhir.task_for(referral, referral.case))


def task_search(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if user is None:
        return _outcome(401, "login", "Send Authorization: Bearer <token>.")
    if not policy.holds_role_for(user, "casework.view_referral"):
        return _outcome(403, "forbidden", "Your role cannot read this.")
    based_on = request.GET.get("based-on", "")
    ref = based_on.rsplit("/", 1)[-1]
    if not ref.isdigit():
        return _outcome(400, "invalid", "based-on must be ServiceRequest/<id>.", "based-on")
    rows = list(_task_scope(user).select_related("case__practice", "person").filter(pk=int(ref)))
    audit.record(
        audit.Action.VIEW,
        Referral,
        actor=user,
        detail={
            "via": "fhir",
            "query_kind": "list",
            "count": len(rows),
            "related_type": "casework.referral",
            "related_id": [r.pk for r in rows],
        },
    )
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
    if not policy.holds_role_for(user, "casework.view_discharge"):
        return _outcome(403, "forbidden", "Your role cannot read this.")
    letters = policy.scope_queryset(user, "casework.view_discharge", Discharge.objects.all())
    discharge = (
        letters.select_related("case__person", "case__practice", "case__referral")
        .filter(pk=pk)
        .first()
    )
    if discharge is None:
        return _outcome(404, "not-found", f"Communication/discharge-{pk} is not known.")
    audit.record(audit.Action.EXPORT, discharge, actor=user, detail={"format": "fhir"})
    return _json(fhir.discharge_communication(discharge))
