"""Reads for the DPO pages, already scoped to the DPO's organisations."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.utils import timezone

from linkwork.casework.models import Person
from linkwork.core import policy
from linkwork.core.models import AuditEntry, Organisation, User
from linkwork.core.policy import Scope
from linkwork.governance import conf

if TYPE_CHECKING:
    from linkwork.core.policy import Actor

PERSON_TYPE = "casework.person"


def organisations_in_scope(user: Actor | None, action: str) -> set[int] | None:
    """Organisation ids the user may perform ``action`` for; None means every organisation;
    PermissionDenied when none."""
    policy.check(user, action)
    ids: set[int] = set()
    for rule in policy.rules_for(action):
        if not (user is not None and user.is_authenticated and user.has_role(rule.role)):
            continue
        if rule.scope == Scope.ANY:
            return None
        ids |= policy.organisation_scope(user, rule.scope)
    return ids


def _person_q(ids: set[int]) -> Q:
    return Q(gp_practice_id__in=ids) | Q(cases__practice_id__in=ids)


def people_in_scope(user: Actor | None, action: str) -> QuerySet[Person]:
    ids = organisations_in_scope(user, action)
    people = Person.objects.all()
    if ids is None:
        return people
    return people.filter(pk__in=Person.objects.filter(_person_q(ids)).values("pk"))


def person_in_scope(user: Actor | None, action: str, person_id: int) -> Person | None:
    return people_in_scope(user, action).filter(pk=person_id).first()


def _person_ids_as_text(people: QuerySet[Person]) -> QuerySet[Any, Any]:
    return people.annotate(text_id=Cast("pk", output_field=CharField())).values("text_id")


def _entries_about_organisations(ids: set[int]) -> Q:
    """Entries by a member of these organisations, or about a person who belongs to them
    (so a DPO sees access to their people by anyone, and what their own staff did)."""
    members = User.objects.filter(memberships__organisation_id__in=ids).values("pk")
    people = Person.objects.filter(_person_q(ids))
    return Q(actor_id__in=members) | Q(
        object_type=PERSON_TYPE, object_id__in=_person_ids_as_text(people)
    )


def audit_entries(user: Actor | None, action: str) -> QuerySet[AuditEntry]:
    ids = organisations_in_scope(user, action)
    entries = AuditEntry.objects.all()
    if ids is not None:
        entries = entries.filter(_entries_about_organisations(ids))
    return entries.order_by("-seq")


@dataclass(frozen=True)
class AuditFilter:
    person_id: int | None = None
    username: str = ""
    organisation_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    action: str = ""


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def search(user: Actor | None, criteria: AuditFilter, action: str) -> QuerySet[AuditEntry]:
    entries = audit_entries(user, action)
    if criteria.person_id is not None:
        entries = entries.filter(object_type=PERSON_TYPE, object_id=str(criteria.person_id))
    if criteria.username:
        entries = entries.filter(actor_username=criteria.username)
    if criteria.organisation_id is not None:
        entries = entries.filter(_entries_about_organisations({criteria.organisation_id}))
    if criteria.date_from:
        entries = entries.filter(at__gte=_start_of(criteria.date_from))
    if criteria.date_to:
        entries = entries.filter(at__lt=_start_of(criteria.date_to + dt.timedelta(days=1)))
    if criteria.action:
        entries = entries.filter(action=criteria.action)
    return entries


def organisations_for_filter(user: Actor | None, action: str) -> QuerySet[Organisation]:
    ids = organisations_in_scope(user, action)
    orgs = Organisation.objects.order_by("name")
    return orgs if ids is None else orgs.filter(pk__in=ids)


def person_access(user: Actor | None, person: Person, action: str) -> QuerySet[AuditEntry]:
    """Who has seen or changed this person's record (the person must be in scope)."""
    if person_in_scope(user, action, person.pk) is None:
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied(action)
    return AuditEntry.objects.filter(object_type=PERSON_TYPE, object_id=str(person.pk)).order_by(
        "-seq"
    )


# --- Unusual access ---------------------------------------------------------------------


@dataclass
class UserFindings:
    username: str
    outside_caseload: int = 0
    odd_hours: int = 0
    busiest_api_day: int = 0
    reasons: list[str] = field(default_factory=list)


def unusual_access(
    user: Actor | None, action: str, now: dt.datetime | None = None
) -> list[UserFindings]:
    """Users in the window who viewed many people outside their caseload, viewed records at
    odd hours or read many records through the API on one day (thresholds in conf)."""
    now = now or timezone.now()
    since = now - dt.timedelta(days=conf.get("GOVERNANCE_UNUSUAL_WINDOW_DAYS"))
    views = (
        audit_entries(user, action)
        .filter(at__gte=since, action=AuditEntry.Action.VIEW)
        .exclude(actor_username="")
        .values_list("actor_id", "actor_username", "object_type", "object_id", "at", "detail")
    )
    start, end = conf.get("GOVERNANCE_WORKING_HOURS")
    people_seen: dict[str, set[str]] = defaultdict(set)
    actor_ids: dict[str, int | None] = {}
    odd: Counter[str] = Counter()
    api_days: Counter[tuple[str, dt.date]] = Counter()
    for actor_id, username, object_type, object_id, at, detail in views.iterator():
        actor_ids[username] = actor_id
        local = timezone.localtime(at)
        if not start <= local.hour <= end:
            odd[username] += 1
        if isinstance(detail, dict) and detail.get("via") == "api":
            api_days[(username, local.date())] += max(int(detail.get("count") or 1), 1)
        if object_type == PERSON_TYPE and object_id:
            people_seen[username].add(object_id)
    caseload: dict[int, set[str]] = defaultdict(set)
    ids = [i for i in actor_ids.values() if i is not None]
    for worker_id, person_id in Person.objects.filter(cases__link_worker_id__in=ids).values_list(
        "cases__link_worker_id", "pk"
    ):
        caseload[worker_id].add(str(person_id))
    findings: list[UserFindings] = []
    for username in sorted(actor_ids):
        own = caseload.get(actor_ids[username] or 0, set())
        f = UserFindings(
            username=username,
            outside_caseload=len(people_seen[username] - own),
            odd_hours=odd[username],
            busiest_api_day=max(
                (n for (u, _day), n in api_days.items() if u == username), default=0
            ),
        )
        if f.outside_caseload >= conf.get("GOVERNANCE_OUTSIDE_CASELOAD_THRESHOLD"):
            f.reasons.append("outside_caseload")
        if f.odd_hours >= conf.get("GOVERNANCE_ODD_HOURS_THRESHOLD"):
            f.reasons.append("odd_hours")
        if f.busiest_api_day >= conf.get("GOVERNANCE_BULK_API_READS_PER_DAY"):
            f.reasons.append("bulk_api")
        if f.reasons:
            findings.append(f)
    return findings
