"""Reads for insight, already scoped: a user sees only programmes the policy lets them see,
and a programme's figures come only from cases held by its member practices."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils import timezone

from linkwork.casework.models import Case
from linkwork.core import policy
from linkwork.core.models import Organisation
from linkwork.insight.models import CaseFact, Programme
from linkwork.insight.policy import VIEW, VIEW_UNSUPPRESSED
from linkwork.places.models import DataZone

SIMD_VERSION = "SIMD 2020v2"


def programmes_for(user: policy.Actor) -> QuerySet[Programme]:
    """The programmes whose insight this user may see."""
    return policy.scope_queryset(user, VIEW, Programme.objects.all()).order_by("name")


def programme_for(user: policy.Actor, programme_id: int | None) -> Programme:
    """The programme asked for (or the user's first), or PermissionDenied; never says whether
    another programme exists."""
    allowed = programmes_for(user)
    chosen = allowed.filter(pk=programme_id).first() if programme_id else allowed.first()
    if chosen is None:
        raise PermissionDenied(VIEW)
    policy.check(user, VIEW, chosen)
    return chosen


def sees_small_counts(user: policy.Actor, programme: Programme) -> bool:
    return policy.can(user, VIEW_UNSUPPRESSED, programme)


@dataclass(frozen=True)
class Filters:
    """What the dashboards are narrowed to; dates are of the referral's receipt."""

    start: dt.date
    end: dt.date
    practice_id: int | None = None
    hscp: str | None = None
    link_worker_id: int | None = None

    @classmethod
    def default(cls) -> Filters:
        today = timezone.localdate()
        return cls(start=today - dt.timedelta(days=365), end=today)

    def as_query(self) -> dict[str, str]:
        out = {"start": self.start.isoformat(), "end": self.end.isoformat()}
        if self.practice_id:
            out["practice"] = str(self.practice_id)
        if self.hscp:
            out["hscp"] = self.hscp
        if self.link_worker_id:
            out["worker"] = str(self.link_worker_id)
        return out


def practices(programme: Programme) -> QuerySet[Organisation]:
    return Organisation.objects.filter(
        programme_id=programme.pk, kind=Organisation.Kind.GP_PRACTICE
    ).order_by("name")


def _bounds(filters: Filters) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(filters.start, dt.time.min, tzinfo=dt.UTC)
    end = dt.datetime.combine(filters.end + dt.timedelta(days=1), dt.time.min, tzinfo=dt.UTC)
    return start, end


def cases(programme: Programme, filters: Filters) -> QuerySet[Case]:
    """The programme's cases whose referral arrived in the period, narrowed by the filters."""
    start, end = _bounds(filters)
    qs = Case.objects.filter(
        practice__programme_id=programme.pk,
        referral__received_at__gte=start,
        referral__received_at__lt=end,
    )
    if filters.practice_id:
        qs = qs.filter(practice_id=filters.practice_id)
    if filters.link_worker_id:
        qs = qs.filter(link_worker_id=filters.link_worker_id)
    if filters.hscp:
        zones = DataZone.objects.filter(hscp_id=filters.hscp).values("code")
        qs = qs.filter(person__data_zone__in=zones)
    return qs


def facts(programme: Programme, filters: Filters) -> QuerySet[CaseFact]:
    """The kept facts (decision 0014) of the same cases as `cases`: the only way insight reads
    them, so they are scoped exactly as the cases are (one programme, its practices' cases)."""
    start, end = _bounds(filters)
    qs = CaseFact.objects.filter(
        programme_id=programme.pk, received_at__gte=start, received_at__lt=end
    )
    if filters.practice_id:
        qs = qs.filter(practice_id=filters.practice_id)
    if filters.link_worker_id:
        qs = qs.filter(link_worker_id=filters.link_worker_id)
    if filters.hscp:
        qs = qs.filter(hscp=filters.hscp)
    return qs


#: What a dashboard counts: the kept facts, or the cases themselves (before the facts are
#: built); every figure is the same from either.
Rows = QuerySet[CaseFact] | QuerySet[Case]


@dataclass(frozen=True)
class Counted:
    rows: Rows
    #: When the kept facts were last brought up to date; None: counted from the source rows.
    as_of: dt.datetime | None


def counted(programme: Programme, filters: Filters) -> Counted:
    """The rows a dashboard counts for a programme and filters: the kept facts, brought up to
    date first when few changes wait (`kept.current`), else the cases themselves."""
    from linkwork.insight import kept

    as_of = kept.current()
    if as_of is None:
        return Counted(cases(programme, filters), None)
    return Counted(facts(programme, filters), as_of)


#: Source-row paths of what the dashboards group by; the kept facts name them as the keys.
CASE_FIELDS = {
    "received_at": "referral__received_at",
    "source": "referral__source",
    "reasons": "referral__reasons",
    "data_zone": "person__data_zone",
    "case_id": "id",
}


def kept_rows(rows: Rows) -> bool:
    return rows.model is CaseFact


def path(rows: Rows, name: str) -> str:
    """The path of ``name`` (a key of CASE_FIELDS) in ``rows``' model."""
    return name if kept_rows(rows) else CASE_FIELDS[name]
