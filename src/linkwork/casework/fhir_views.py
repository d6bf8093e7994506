"""FHIR R4 interactions under /fhir/ (see fhir_server for how they speak FHIR): referrals in
as ServiceRequest, their progress as Task, the discharge message as Communication, and the
Patient and Organization those reference, each as far as the caller may see it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse

from linkwork.casework import fhir, fhir_intake
from linkwork.casework.fhir_server import (
    FhirError,
    caller,
    count_and_offset,
    interaction,
    numeric_id,
    read_body,
    reference_id,
    respond,
    searchset,
    version_of,
    versioned_headers,
)
from linkwork.casework.models import Discharge, Person, Referral
from linkwork.casework.selectors import referring_organisations, visible_referrals
from linkwork.core import audit, policy
from linkwork.core.models import Organisation

if TYPE_CHECKING:
    from linkwork.core.models import User


def _referrals(user: User) -> QuerySet[Referral]:
    """Referrals the caller may follow: their case scope, or those their organisation sent."""
    if not policy.holds_role_for(user, "casework.view_referral"):
        raise FhirError(403, "forbidden", "Your role cannot read referrals.")
    return visible_referrals(user).select_related("case__practice", "case__discharge", "person",
                                           "referring_organisation")  # fmt: skip


def _service_request(request: HttpRequest, referral: Referral, status: int) -> HttpResponse:
    changed = fhir.last_updated(referral)
    body = fhir.service_request_for(referral, version_of(changed))
    headers = versioned_headers(request, f"ServiceRequest/{referral.pk}", changed)
    prefer = request.headers.get("Prefer", "")
    if request.method == "POST" and "return=minimal" in prefer:
        response = HttpResponse(status=status)
        for key, value in headers.items():
            response[key.replace("_", "-")] = value
        return response
    return respond(body, status, **headers)


@interaction("GET")
def metadata(request: HttpRequest) -> HttpResponse:
    return respond(fhir.capability_statement(request.build_absolute_uri("/fhir/")))


@interaction("GET", "POST")
def service_requests(request: HttpRequest) -> HttpResponse:
    user = caller(request)
    if request.method == "POST":
        return _create(request, user)
    return _search_service_requests(request, user)


def _practice_for(user: User, data: dict[str, Any]) -> Organisation:
    practices = referring_organisations(user, Organisation.Kind.GP_PRACTICE)
    if data["practice_code"]:
        practice = practices.filter(code=data["practice_code"]).first()
    elif str(data["practice_id"] or "").isascii() and str(data["practice_id"]).isdigit():
        practice = practices.filter(pk=int(data["practice_id"])).first()
    else:
        practice = None
    if practice is None:
        raise FhirError(
            403,
            "forbidden",
            "The requester is not a practice you work for.",
            "ServiceRequest.requester",
        )
    return practice


def _existing(request: HttpRequest, user: User, external_id: str) -> Referral | None:
    """Conditional create (If-None-Exist: identifier=system|value) and resubmission of the
    same requester identifier both find the referral already made."""
    condition = request.headers.get("If-None-Exist", "").strip()
    made = _referrals(user).filter(
        referring_organisation__in=referring_organisations(user, Organisation.Kind.GP_PRACTICE)
    )
    if condition:
        name, _, value = condition.partition("=")
        if name.strip() != "identifier" or not value.strip():
            raise FhirError(400, "not-supported", "If-None-Exist supports identifier=system|value.")
        found = list(made.filter(_identifier_q(value.strip()))[:2])
        if len(found) > 1:
            raise FhirError(412, "duplicate", "More than one ServiceRequest matches.")
        if found:
            return found[0]
    if external_id:
        return made.filter(external_id=external_id).order_by("pk").first()
    return None


def _create(request: HttpRequest, user: User) -> HttpResponse:
    if not policy.holds_role_for(user, "casework.refer"):
        raise FhirError(403, "forbidden", "Only GP practice staff accounts may send referrals.")
    body = read_body(request)
    sr = fhir.parse_service_request(body)
    data = fhir.referral_input(sr)
    practice = _practice_for(user, data)
    existing = _existing(request, user, data["external_id"])
    if existing is not None:
        audit.record(audit.Action.VIEW, existing, actor=user, detail={"via": "fhir"})
        return _service_request(request, existing, 200)
    referral = fhir_intake.create_referral(user=user, practice=practice, data=data)
    referral = _referrals(user).get(pk=referral.pk)
    return _service_request(request, referral, 201)


def _identifier_q(token: str) -> Q:
    """identifier=system|value, |value or value, against the sender's identifier."""
    system, bar, value = token.rpartition("|")
    if not bar:
        return Q(external_id=value) | Q(external_id__endswith=f"|{value}")
    if not system:
        return Q(external_id=value)
    return Q(external_id=f"{system}|{value}")


def _page(
    request: HttpRequest, user: User, resource_type: str, rows: QuerySet, render: Any
) -> HttpResponse:
    count, offset = count_and_offset(request)
    total = rows.count()
    chosen = list(rows.order_by("pk")[offset : offset + count])
    audit.record(
        audit.Action.VIEW,
        resource_type,
        "",
        actor=user,
        detail={"via": "fhir", "count": len(chosen)},
    )
    return searchset(request, resource_type, [render(r) for r in chosen], total, count, offset)


def _search_service_requests(request: HttpRequest, user: User) -> HttpResponse:
    rows = _referrals(user)
    params = request.GET
    if "identifier" in params:
        rows = rows.filter(_identifier_q(params["identifier"]))
    if "subject" in params:
        rows = rows.filter(person_id=reference_id(params["subject"], "Patient", "subject"))
    if "requester" in params:
        org = reference_id(params["requester"], "Organization", "requester")
        rows = rows.filter(referring_organisation_id=org)
    if "_id" in params:
        rows = rows.filter(pk=numeric_id(params["_id"], "ServiceRequest"))
    _refuse_unknown(params, {"identifier", "subject", "requester", "_id"})
    return _page(
        request,
        user,
        "ServiceRequest",
        rows,
        lambda r: (str(r.pk), fhir.service_request_for(r, version_of(fhir.last_updated(r)))),
    )


def _refuse_unknown(params: Any, known: set[str]) -> None:
    unknown = set(params) - known - {"_count", "_offset", "_format"}
    if unknown:
        name = sorted(unknown)[0]
        raise FhirError(400, "not-supported", f"Search parameter {name} is not supported.", name)


def _one_referral(user: User, pk: str, what: str) -> Referral:
    referral = _referrals(user).filter(pk=numeric_id(pk, what)).first()
    if referral is None:
        raise FhirError(404, "not-found", f"{what}/{pk} is not known.")
    audit.record(audit.Action.VIEW, referral, actor=user, detail={"via": "fhir"})
    return referral


@interaction("GET")
def service_request_read(request: HttpRequest, pk: str, version: str = "") -> HttpResponse:
    user = caller(request)
    referral = _one_referral(user, pk, "ServiceRequest")
    if version and version != version_of(fhir.last_updated(referral)):
        raise FhirError(404, "not-found", "Only the current version is kept.")
    return _service_request(request, referral, 200)


@interaction("GET")
def task_search(request: HttpRequest) -> HttpResponse:
    user = caller(request)
    rows = _referrals(user).filter(case__isnull=False)
    if "based-on" in request.GET:
        ref = reference_id(request.GET["based-on"], "ServiceRequest", "based-on")
        rows = rows.filter(pk=ref)
    if "_id" in request.GET:
        rows = rows.filter(pk=numeric_id(request.GET["_id"], "Task"))
    _refuse_unknown(request.GET, {"based-on", "_id"})
    return _page(request, user, "Task", rows, lambda r: (str(r.pk), fhir.task_for(r, r.case)))


@interaction("GET")
def task_read(request: HttpRequest, pk: str) -> HttpResponse:
    user = caller(request)
    referral = _one_referral(user, pk, "Task")
    return respond(fhir.task_for(referral, referral.case))


def _discharges(user: User) -> QuerySet[Discharge]:
    if not policy.holds_role_for(user, "casework.view_discharge"):
        raise FhirError(403, "forbidden", "Your role cannot read discharge messages.")
    letters = policy.scope_queryset(user, "casework.view_discharge", Discharge.objects.all())
    return letters.select_related("case__person", "case__practice", "case__referral")


@interaction("GET")
def communication_search(request: HttpRequest) -> HttpResponse:
    user = caller(request)
    rows = _discharges(user)
    if "based-on" in request.GET:
        ref = reference_id(request.GET["based-on"], "ServiceRequest", "based-on")
        rows = rows.filter(case__referral_id=ref)
    _refuse_unknown(request.GET, {"based-on"})
    return _page(
        request,
        user,
        "Communication",
        rows,
        lambda d: (f"discharge-{d.pk}", fhir.discharge_communication(d)),
    )


@interaction("GET")
def communication_read(request: HttpRequest, pk: str) -> HttpResponse:
    user = caller(request)
    number = numeric_id(pk.removeprefix("discharge-"), "Communication")
    discharge = _discharges(user).filter(pk=number).first()
    if discharge is None or not pk.startswith("discharge-"):
        raise FhirError(404, "not-found", f"Communication/{pk[:64]} is not known.")
    audit.record(audit.Action.EXPORT, discharge, actor=user, detail={"format": "fhir"})
    return respond(fhir.discharge_communication(discharge))


@interaction("GET")
def patient_read(request: HttpRequest, pk: str) -> HttpResponse:
    user = caller(request)
    number = numeric_id(pk, "Patient")
    person = Person.objects.filter(pk=number, pk__in=_referrals(user).values("person_id")).first()
    if person is None:
        raise FhirError(404, "not-found", f"Patient/{pk} is not known.")
    audit.record(audit.Action.VIEW, person, actor=user, detail={"via": "fhir"})
    return respond(fhir.patient_for(person))


@interaction("GET")
def organization_read(request: HttpRequest, pk: str) -> HttpResponse:
    user = caller(request)
    if not policy.can(user, "casework.fhir_read_organisation"):
        raise FhirError(403, "forbidden", "Your role cannot read this.")
    organisation = Organisation.objects.filter(pk=numeric_id(pk, "Organization")).first()
    if organisation is None:
        raise FhirError(404, "not-found", f"Organization/{pk} is not known.")
    return respond(fhir.organization_for(organisation))


@interaction("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")
def unknown(request: HttpRequest, path: str = "") -> HttpResponse:
    raise FhirError(404, "not-supported", f"/fhir/{path[:100]} is not an interaction offered here.")
