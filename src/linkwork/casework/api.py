"""The casework endpoints of the application API (/api/v1/). Scoping is the pages' scoping:
the same selectors decide what each user sees, and the same services do every write."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from linkwork.casework import services
from linkwork.casework.models import Case, Encounter, Goal, Person, Referral, ServiceLink
from linkwork.casework.queues import portal_links
from linkwork.casework.selectors import visible_cases, visible_people, visible_referrals
from linkwork.core import audit
from linkwork.core.api_auth import staff_auth
from linkwork.core.permissions import has_role, is_admin, practice_ids
from linkwork.core.roles import Role

router = Router(tags=["casework"], auth=staff_auth)

READERS = (Role.LINK_WORKER, Role.PROGRAMME_MANAGER)
WRITERS = (Role.LINK_WORKER,)


def _need(request: HttpRequest, *roles: str) -> None:
    if not has_role(request.user, *roles):
        raise PermissionDenied


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


@router.get("/people", response=list[PersonOut], summary="People whose records you may see")
@paginate(LimitOffsetPagination)
def list_people(request: HttpRequest, q: str = "") -> QuerySet[Person]:
    _need(request, *READERS)
    people = visible_people(request.user)
    if q:
        people = people.filter(family_name__istartswith=q)
    audit.record(
        audit.Action.VIEW, Person, actor=request.user, detail={"via": "api", "query_kind": "list"}
    )
    return people.order_by("family_name", "given_name", "id")


@router.get("/people/{person_id}", response=PersonOut)
def get_person(request: HttpRequest, person_id: int) -> Person:
    _need(request, *READERS)
    person = get_object_or_404(visible_people(request.user), pk=person_id)
    audit.record(audit.Action.VIEW, person, actor=request.user, detail={"via": "api"})
    return person


@router.post(
    "/people", response={201: PersonOut}, summary="Record a person (refused if the CHI is known)"
)
def create_person(request: HttpRequest, payload: PersonIn) -> Status[Person]:
    _need(request, *WRITERS)
    try:
        person = services.create_person(actor=request.user, data=payload.dict())
    except services.DuplicatePerson as exc:
        raise HttpError(409, "A person with this CHI number is already recorded.") from exc
    return Status(201, person)


@router.patch(
    "/people/{person_id}", response=PersonOut, summary="Edit a person (send the version you read)"
)
def update_person(request: HttpRequest, person_id: int, payload: PersonPatch) -> Person:
    _need(request, *WRITERS)
    person = get_object_or_404(visible_people(request.user), pk=person_id)
    data = {k: v for k, v in payload.dict(exclude_unset=True).items() if k != "version"}
    try:
        return services.update_person(
            person=person, actor=request.user, expected_version=payload.version, data=data
        )
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


class ReferralIn(Schema):
    practice_id: int
    person: PersonIn
    reasons: list[str]
    reason_detail: str = ""
    person_agreed: bool


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
@paginate(LimitOffsetPagination)
def list_referrals(request: HttpRequest) -> list[dict[str, Any]]:
    qs = visible_referrals(request.user).select_related("person", "case").order_by("-received_at")
    return [_referral_out(r) for r in qs[:1000]]


@router.get("/referrals/{referral_id}", response=ReferralOut)
def get_referral(request: HttpRequest, referral_id: int) -> dict[str, Any]:
    r = get_object_or_404(
        visible_referrals(request.user).select_related("person", "case"), pk=referral_id
    )
    return _referral_out(r)


@router.post("/referrals", response={201: ReferralOut}, summary="Refer a person (practice staff)")
def create_referral(request: HttpRequest, payload: ReferralIn) -> Status[dict[str, Any]]:
    from django.db import transaction

    from linkwork.core.models import Organisation

    _need(request, Role.PRACTICE_STAFF)
    practices = Organisation.objects.filter(kind=Organisation.Kind.GP_PRACTICE)
    if not is_admin(request.user):
        practices = practices.filter(id__in=practice_ids(request.user))
    practice = practices.filter(pk=payload.practice_id).first()
    if practice is None:
        raise PermissionDenied("You can only refer from your own practice.")
    with transaction.atomic():
        data = payload.person.dict()
        person = None
        if data.get("chi"):
            person = Person.objects.filter(chi=data["chi"], merged_into__isnull=True).first()
        if person is None:
            person = services.create_person(
                actor=request.user, data={**data, "gp_practice": practice}
            )
        referral = services.create_referral(
            person=person,
            source=Referral.Source.PRACTICE,
            practice=practice,
            referring_organisation=practice,
            actor=request.user,
            reasons=payload.reasons,
            reason_detail=payload.reason_detail,
            person_agreed=payload.person_agreed,
        )
    return Status(201, _referral_out(referral))


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


def _case(request: HttpRequest, case_id: int) -> Case:
    _need(request, *READERS)
    return get_object_or_404(visible_cases(request.user), pk=case_id)


@router.get("/cases", response=list[CaseOut], summary="Cases you may see")
@paginate(LimitOffsetPagination)
def list_cases(request: HttpRequest, status: str = "", mine: bool = False) -> QuerySet[Case]:
    _need(request, *READERS)
    cases = visible_cases(request.user)
    if status:
        cases = cases.filter(status=status)
    if mine:
        cases = cases.filter(link_worker_id=request.user.pk)
    return cases.order_by("-opened_at", "-id")


@router.get("/cases/{case_id}", response=CaseOut)
def get_case(request: HttpRequest, case_id: int) -> Case:
    case = _case(request, case_id)
    audit.record(audit.Action.VIEW, case.person, actor=request.user, detail={"via": "api"})
    return case


@router.post("/cases/{case_id}/transitions", response=CaseOut, summary="Move a case on")
def transition_case(request: HttpRequest, case_id: int, payload: TransitionIn) -> Case:
    from linkwork.casework.states import IllegalTransition

    case = _case(request, case_id)
    _need(request, *WRITERS)
    try:
        return services.transition(
            case=case,
            to_status=payload.to_status,
            actor=request.user,
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
    duration_minutes: int | None = None
    notes: str = ""


@router.get("/cases/{case_id}/encounters", response=list[EncounterOut])
def list_encounters(request: HttpRequest, case_id: int) -> QuerySet[Encounter]:
    return _case(request, case_id).encounters.order_by("-occurred_at")


@router.post("/cases/{case_id}/encounters", response={201: EncounterOut})
def create_encounter(request: HttpRequest, case_id: int, payload: EncounterIn) -> Status[Encounter]:
    case = _case(request, case_id)
    _need(request, *WRITERS)
    return Status(201, services.record_encounter(case=case, actor=request.user, **payload.dict()))


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
    what: str
    why: str = ""
    target_date: dt.date | None = None
    first_rating: int | None = None


class RatingIn(Schema):
    rating: int
    note: str = ""


@router.get("/cases/{case_id}/goals", response=list[GoalOut])
def list_goals(request: HttpRequest, case_id: int) -> QuerySet[Goal]:
    return _case(request, case_id).goals.prefetch_related("progress")


@router.post("/cases/{case_id}/goals", response={201: GoalOut})
def create_goal(request: HttpRequest, case_id: int, payload: GoalIn) -> Status[Goal]:
    case = _case(request, case_id)
    _need(request, *WRITERS)
    return Status(201, services.add_goal(case=case, actor=request.user, **payload.dict()))


@router.post("/goals/{goal_id}/progress", response={201: GoalOut})
def rate_goal(request: HttpRequest, goal_id: int, payload: RatingIn) -> Status[Goal]:
    _need(request, *WRITERS)
    goal = get_object_or_404(Goal.objects.filter(case__in=visible_cases(request.user)), pk=goal_id)
    services.rate_goal(goal=goal, actor=request.user, rating=payload.rating, note=payload.note)
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
def list_links(request: HttpRequest, case_id: int) -> QuerySet[ServiceLink]:
    return _case(request, case_id).links.all()


@router.post("/cases/{case_id}/links", response={201: LinkOut})
def create_link(request: HttpRequest, case_id: int, payload: LinkIn) -> Status[ServiceLink]:
    from linkwork.directory.models import Service

    case = _case(request, case_id)
    _need(request, *WRITERS)
    service = Service.objects.select_related("organization").filter(pk=payload.service_id).first()
    if service is None:
        raise Http404
    link = services.create_link(
        case=case,
        service_obj=service,
        kind=payload.kind,
        actor=request.user,
        note_to_organisation=payload.note_to_organisation,
    )
    return Status(201, link)


@router.get("/portal/links", response=list[LinkOut], summary="Referrals sent to your organisation")
@paginate(LimitOffsetPagination)
def list_portal_links(request: HttpRequest) -> QuerySet[ServiceLink]:
    _need(request, Role.COMMUNITY_EDITOR)
    return portal_links(request.user)


@router.post(
    "/portal/links/{link_id}/status", response=LinkOut, summary="Accept, decline, record attendance"
)
def update_portal_link(request: HttpRequest, link_id: int, payload: LinkStatusIn) -> ServiceLink:
    _need(request, Role.COMMUNITY_EDITOR)
    link = get_object_or_404(portal_links(request.user), pk=link_id)
    try:
        return services.update_link_status(
            link=link,
            to_status=payload.to_status,
            actor=request.user,
            as_organisation=True,
            reason=payload.reason,
            first_attended_on=payload.first_attended_on,
            expected_version=payload.version,
        )
    except services.EditConflict as exc:
        raise HttpError(409, str(exc)) from exc
