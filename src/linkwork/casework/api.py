"""The casework endpoints of the application API (/api/v1/): thin adapters over the same
selectors (reads, scoped by the core policy) and services (writes, one permission check
each) as the pages. Every operation is declared with its action in ``casework/policy.py``.

Every read of personal data is audited (lists name the records shown); pages hold at most
``MAX_PAGE`` rows. Writes with a session need the CSRF token (django-ninja's session auth
checks it); scripts send ``Authorization: Bearer <token>``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.db import models
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from linkwork.casework import services
from linkwork.casework.models import Case, Encounter, Goal, Person, Referral, ServiceLink
from linkwork.casework.queues import portal_links
from linkwork.casework.selectors import (
    referring_organisations,
    visible_cases,
    visible_people,
    visible_referrals,
)
from linkwork.casework.services.referrals import REFERRAL_PERSON_FIELDS
from linkwork.casework.states import IllegalTransition
from linkwork.core import audit, policy
from linkwork.core.api_auth import staff_auth
from linkwork.core.models import Organisation
from linkwork.core.permissions import acting_user
from linkwork.directory.models import Service

router = Router(tags=["casework"], auth=staff_auth)

#: The most rows one page of a list may hold (``?limit=`` above it is refused with 422).
MAX_PAGE = 100
#: The furthest a list may be paged (beyond it, narrow the query).
MAX_OFFSET = 1_000_000


class BoundedPagination(LimitOffsetPagination):
    """Limit/offset paging with a ceiling, so one request cannot return every person; the
    page shown is audited (which records, by id)."""

    class Input(Schema):
        limit: int = Field(20, ge=1, le=MAX_PAGE)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=MAX_PAGE, **kwargs)

    def paginate_queryset(
        self, queryset: QuerySet[Any], pagination: Any, request: HttpRequest, **params: Any
    ) -> Any:
        page = super().paginate_queryset(queryset, pagination, request, **params)
        page[self.items_attribute] = rows = list(page[self.items_attribute])
        _audit_list(request, queryset.model, rows)
        return page


def _need(request: HttpRequest, action: str) -> None:
    """403 for a user holding no role the action allows (objects outside scope are 404)."""
    if not policy.holds_role_for(request.user, action):
        raise HttpError(403, "You do not have permission to do this.")


def _audit_list(request: HttpRequest, model: type[models.Model], rows: list[Any]) -> None:
    shown = sorted(int(r.pk if hasattr(r, "pk") else r["id"]) for r in rows)
    audit.record(
        audit.Action.VIEW,
        model,
        actor=acting_user(request),
        detail={
            "via": "api",
            "query_kind": "list",
            "count": len(shown),
            "related_type": model._meta.label_lower,
            "related_id": shown,
        },
    )


def _audit_one(request: HttpRequest, target: models.Model) -> None:
    audit.record(audit.Action.VIEW, target, actor=acting_user(request), detail={"via": "api"})


class PersonOut(Schema):
    id: int
    chi: str
    given_name: str
    family_name: str
    preferred_name: str
    date_of_birth: dt.date | None
    phone: str
    mobile: str
    email: str
    postcode: str
    contact_methods: list[str]
    preferred_language: str
    interpreter_needed: bool
    gp_practice_id: int | None
    data_zone: str
    simd_decile: int | None
    simd_quintile: int | None
    simd_version: str
    version: int


class PersonIn(Schema):
    practice_id: int
    chi: str = ""
    given_name: str
    family_name: str = ""
    preferred_name: str = ""
    date_of_birth: dt.date | None = None
    phone: str = ""
    mobile: str = ""
    email: str = ""
    postcode: str = ""
    contact_methods: list[str] = []
    preferred_language: str = ""
    interpreter_needed: bool = False


class PersonPatch(Schema):
    version: int
    chi: str | None = None
    given_name: str | None = None
    family_name: str | None = None
    preferred_name: str | None = None
    date_of_birth: dt.date | None = None
    phone: str | None = None
    mobile: str | None = None
    email: str | None = None
    postcode: str | None = None
    contact_methods: list[str] | None = None
    preferred_language: str | None = None
    interpreter_needed: bool | None = None
    reason: str = Field("", max_length=500, description="Why (kept in the correction history)")


class PeopleSearchIn(Schema):
    family_name_starts: str = Field("", max_length=100)


@router.get("/people", response=list[PersonOut], summary="People whose records you may see")
@paginate(BoundedPagination)
def list_people(request: HttpRequest) -> QuerySet[Person]:
    _need(request, "casework.view_person")
    return visible_people(request.user).order_by("family_name", "given_name", "id")


@router.post(
    "/people/search",
    response=list[PersonOut],
    summary=(
        "Find people by name (the first 100 matches; the name travels in the body, never in "
        "the URL)"
    ),
)
def search_people(request: HttpRequest, payload: PeopleSearchIn) -> list[Person]:
    _need(request, "casework.view_person")
    people = visible_people(request.user)
    if payload.family_name_starts:
        people = people.filter(family_name__istartswith=payload.family_name_starts)
    rows = list(people.order_by("family_name", "given_name", "id")[:MAX_PAGE])
    _audit_list(request, Person, rows)
    return rows


@router.get("/people/{person_id}", response=PersonOut)
def get_person(request: HttpRequest, person_id: int) -> Person:
    _need(request, "casework.view_person")
    person = get_object_or_404(visible_people(request.user), pk=person_id)
    _audit_one(request, person)
    return person


@router.post(
    "/people",
    response={201: PersonOut},
    summary="Record a person at a practice you work at (refused if the CHI is on file there)",
)
def create_person(request: HttpRequest, payload: PersonIn) -> Status[Person]:
    _need(request, "casework.register_person")
    data = payload.dict()
    practice = get_object_or_404(
        Organisation.objects.filter(kind=Organisation.Kind.GP_PRACTICE), pk=data.pop("practice_id")
    )
    try:
        person = services.create_person(actor=acting_user(request), practice=practice, data=data)
    except services.DuplicatePerson as exc:
        raise HttpError(409, "A person with this CHI number is already recorded.") from exc
    return Status(201, person)


@router.patch(
    "/people/{person_id}", response=PersonOut, summary="Edit a person (send the version you read)"
)
def update_person(request: HttpRequest, person_id: int, payload: PersonPatch) -> Person:
    _need(request, "casework.edit_person")
    person = get_object_or_404(visible_people(request.user, "casework.edit_person"), pk=person_id)
    data = {
        k: v for k, v in payload.dict(exclude_unset=True).items() if k not in ("version", "reason")
    }
    try:
        return services.update_person(
            person=person,
            actor=acting_user(request),
            expected_version=payload.version,
            data=data,
            reason=payload.reason,
        )
    except services.DuplicatePerson as exc:
        raise HttpError(409, "A person with this CHI number is already recorded.") from exc
    except services.EditConflict as exc:
        raise HttpError(409, str(exc)) from exc


class ReferralOut(Schema):
    id: int
    person_id: int
    person_name: str
    source: str
    reasons: list[str]
    received_at: dt.datetime
    status: str
    case_id: int

    @staticmethod
    def resolve_person_name(obj: Referral | dict[str, Any]) -> str:
        return obj["person_name"] if isinstance(obj, dict) else obj.person.full_name

    @staticmethod
    def resolve_status(obj: Referral | dict[str, Any]) -> str:
        return obj["status"] if isinstance(obj, dict) else obj.case.status

    @staticmethod
    def resolve_case_id(obj: Referral | dict[str, Any]) -> int:
        return obj["case_id"] if isinstance(obj, dict) else obj.case.pk


class ReferralPersonIn(Schema):
    chi: str = ""
    given_name: str
    family_name: str = ""
    date_of_birth: dt.date | None = None
    phone: str = ""
    email: str = ""
    postcode: str = ""
    contact_methods: list[str] = []
    preferred_language: str = ""
    interpreter_needed: bool = False


class ReferralIn(Schema):
    practice_id: int
    person: ReferralPersonIn
    reasons: list[str]
    reason_detail: str = ""
    person_agreed: bool
    consent_to_share: bool = False


def _referral_out(r: Referral) -> dict[str, Any]:
    return {
        "id": r.pk,
        "person_id": r.person_id,
        "person_name": r.person.full_name,
        "source": r.source,
        "reasons": r.reasons,
        "received_at": r.received_at,
        "status": r.case.status,
        "case_id": r.case.pk,
    }


@router.get("/referrals", response=list[ReferralOut], summary="Referrals you made or may see")
@paginate(BoundedPagination)
def list_referrals(request: HttpRequest) -> QuerySet[Referral]:
    _need(request, "casework.view_referral")
    return visible_referrals(request.user).select_related("person", "case").order_by("-received_at")


@router.get("/referrals/{referral_id}", response=ReferralOut)
def get_referral(request: HttpRequest, referral_id: int) -> dict[str, Any]:
    _need(request, "casework.view_referral")
    r = get_object_or_404(
        visible_referrals(request.user).select_related("person", "case"), pk=referral_id
    )
    _audit_one(request, r)
    return _referral_out(r)


@router.post("/referrals", response={201: ReferralOut}, summary="Refer a person (practice staff)")
def create_referral(request: HttpRequest, payload: ReferralIn) -> Status[dict[str, Any]]:
    _need(request, "casework.refer")
    practice = (
        referring_organisations(request.user, Organisation.Kind.GP_PRACTICE)
        .filter(pk=payload.practice_id)
        .first()
    )
    if practice is None:
        raise HttpError(403, "You can only refer from your own practice.")
    person = {k: v for k, v in payload.person.dict().items() if k in REFERRAL_PERSON_FIELDS}
    referral = services.refer(
        actor=acting_user(request),
        source=Referral.Source.PRACTICE,
        practice=practice,
        referring_organisation=practice,
        person=person,
        reasons=payload.reasons,
        reason_detail=payload.reason_detail,
        person_agreed=payload.person_agreed,
        consent_to_share=payload.consent_to_share,
        referrer_name=acting_user(request).get_full_name() or request.user.get_username(),
    )
    # What was sent, never what is on file: the name answered is the name typed in.
    out = _referral_out(referral)
    out["person_name"] = f"{payload.person.given_name} {payload.person.family_name}".strip()
    return Status(201, out)


class CaseOut(Schema):
    id: int
    person_id: int
    practice_id: int
    status: str
    link_worker_id: int | None
    opened_at: dt.datetime
    status_changed_at: dt.datetime
    next_follow_up: dt.date | None
    version: int


class TransitionIn(Schema):
    to_status: str
    note: str = ""
    version: int


def _case(request: HttpRequest, case_id: int, action: str = "casework.view_case") -> Case:
    _need(request, action)
    return get_object_or_404(visible_cases(request.user, action), pk=case_id)


@router.get("/cases", response=list[CaseOut], summary="Cases you may see")
@paginate(BoundedPagination)
def list_cases(request: HttpRequest, status: str = "", mine: bool = False) -> QuerySet[Case]:
    _need(request, "casework.view_case")
    cases = visible_cases(request.user)
    if status:
        cases = cases.filter(status=status)
    if mine:
        cases = cases.filter(link_worker_id=request.user.pk)
    return cases.order_by("-opened_at", "-id")


@router.get("/cases/{case_id}", response=CaseOut)
def get_case(request: HttpRequest, case_id: int) -> Case:
    case = _case(request, case_id)
    _audit_one(request, case)
    return case


@router.post(
    "/cases/{case_id}/transitions",
    response=CaseOut,
    summary="Move an open case on (ending a case is a discharge)",
)
def transition_case(request: HttpRequest, case_id: int, payload: TransitionIn) -> Case:
    case = _case(request, case_id, "casework.transition_case")
    try:
        return services.transition(
            case=case,
            to_status=payload.to_status,
            actor=acting_user(request),
            note=payload.note,
            expected_version=payload.version,
        )
    except IllegalTransition as exc:
        raise HttpError(422, str(exc)) from exc
    except services.EditConflict as exc:
        raise HttpError(409, str(exc)) from exc


class EncounterOut(Schema):
    id: int
    case_id: int
    occurred_at: dt.datetime
    mode: str
    attendance: str
    duration_minutes: int | None
    notes: str


class EncounterIn(Schema):
    occurred_at: dt.datetime
    mode: Encounter.Mode
    attendance: Encounter.Attendance = Encounter.Attendance.ATTENDED
    duration_minutes: int | None = Field(None, ge=0, le=600)
    notes: str = ""


@router.get("/cases/{case_id}/encounters", response=list[EncounterOut])
def list_encounters(request: HttpRequest, case_id: int) -> list[Encounter]:
    rows = list(_case(request, case_id).encounters.order_by("-occurred_at")[:MAX_PAGE])
    _audit_list(request, Encounter, rows)
    return rows


@router.post("/cases/{case_id}/encounters", response={201: EncounterOut})
def create_encounter(request: HttpRequest, case_id: int, payload: EncounterIn) -> Status[Encounter]:
    case = _case(request, case_id, "casework.record_encounter")
    return Status(
        201, services.record_encounter(case=case, actor=acting_user(request), **payload.dict())
    )


class GoalOut(Schema):
    id: int
    case_id: int
    what: str
    why: str
    target_date: dt.date | None
    status: str
    ratings: list[int]
    version: int

    @staticmethod
    def resolve_ratings(obj: Goal) -> list[int]:
        return [p.rating for p in obj.progress.all()]


class GoalIn(Schema):
    what: str = Field(..., max_length=300)
    why: str = ""
    target_date: dt.date | None = None
    first_rating: int | None = Field(None, ge=0, le=10)


class RatingIn(Schema):
    rating: int = Field(..., ge=0, le=10)
    note: str = Field("", max_length=300)


@router.get("/cases/{case_id}/goals", response=list[GoalOut])
def list_goals(request: HttpRequest, case_id: int) -> list[Goal]:
    rows = list(_case(request, case_id).goals.prefetch_related("progress")[:MAX_PAGE])
    _audit_list(request, Goal, rows)
    return rows


@router.post("/cases/{case_id}/goals", response={201: GoalOut})
def create_goal(request: HttpRequest, case_id: int, payload: GoalIn) -> Status[Goal]:
    case = _case(request, case_id, "casework.add_goal")
    return Status(201, services.add_goal(case=case, actor=acting_user(request), **payload.dict()))


@router.post("/goals/{goal_id}/progress", response={201: GoalOut})
def rate_goal(request: HttpRequest, goal_id: int, payload: RatingIn) -> Status[Goal]:
    _need(request, "casework.rate_goal")
    goals = policy.scope_queryset(request.user, "casework.rate_goal", Goal.objects.all())
    goal = get_object_or_404(goals, pk=goal_id)
    services.rate_goal(
        goal=goal, actor=acting_user(request), rating=payload.rating, note=payload.note
    )
    return Status(201, goal)


class LinkOut(Schema):
    id: int
    case_id: int
    service_id: uuid.UUID
    kind: str
    status: str
    receiving_organisation_id: int | None
    sent_at: dt.datetime | None
    first_attended_on: dt.date | None
    response_reason: str
    version: int


class LinkIn(Schema):
    service_id: uuid.UUID
    kind: ServiceLink.Kind
    note_to_organisation: str = ""


class LinkStatusIn(Schema):
    to_status: ServiceLink.Status
    reason: str = ""
    first_attended_on: dt.date | None = None
    version: int | None = None


@router.get("/cases/{case_id}/links", response=list[LinkOut])
def list_links(request: HttpRequest, case_id: int) -> list[ServiceLink]:
    rows = list(_case(request, case_id).links.all()[:MAX_PAGE])
    _audit_list(request, ServiceLink, rows)
    return rows


@router.post("/cases/{case_id}/links", response={201: LinkOut})
def create_link(request: HttpRequest, case_id: int, payload: LinkIn) -> Status[ServiceLink]:
    case = _case(request, case_id, "casework.link")
    service = Service.objects.select_related("organization").filter(pk=payload.service_id).first()
    if service is None:
        raise Http404
    link = services.create_link(
        case=case,
        service_obj=service,
        kind=payload.kind,
        actor=acting_user(request),
        note_to_organisation=payload.note_to_organisation,
    )
    return Status(201, link)


@router.get("/portal/links", response=list[LinkOut], summary="Referrals sent to your organisation")
@paginate(BoundedPagination)
def list_portal_links(request: HttpRequest) -> QuerySet[ServiceLink]:
    _need(request, "casework.view_portal")
    return portal_links(request.user)


@router.post(
    "/portal/links/{link_id}/status", response=LinkOut, summary="Accept, decline, record attendance"
)
def update_portal_link(request: HttpRequest, link_id: int, payload: LinkStatusIn) -> ServiceLink:
    _need(request, "casework.respond_to_link")
    link = get_object_or_404(portal_links(request.user), pk=link_id)
    try:
        return services.update_link_status(
            link=link,
            to_status=payload.to_status,
            actor=acting_user(request),
            as_organisation=True,
            reason=payload.reason,
            first_attended_on=payload.first_attended_on,
            expected_version=payload.version,
        )
    except services.EditConflict as exc:
        raise HttpError(409, str(exc)) from exc
