"""The triage queue, the waiting list and the community organisation's referral list, paged
with true counts, sorted and filtered (reads, already scoped by the queues they build on).

Each list is one COUNT and one page query however many rows there are; filters are codes only
(practice, service, status group, sort), so nothing a person typed reaches a URL.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from linkwork.casework.models import Case, ServiceLink
from linkwork.casework.queues import portal_links, triage_queue, waiting_list

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

    from linkwork.core.policy import Actor

PER_PAGE = 25
S = ServiceLink.Status

#: Sorts offered on the triage queue and the waiting list: code -> (label, ordering).
TRIAGE_SORTS: dict[str, tuple[_StrPromise, tuple[str, ...]]] = {
    "oldest": (_("Waited longest first"), ("opened_at", "id")),
    "newest": (_("Newest first"), ("-opened_at", "-id")),
    "name": (_("Name"), ("person__family_name", "person__given_name", "id")),
}
#: Sorts offered on the portal list.
PORTAL_SORTS: dict[str, tuple[_StrPromise, tuple[str, ...]]] = {
    "newest": (_("Newest first"), ("-sent_at", "-id")),
    "oldest": (_("Oldest first"), ("sent_at", "id")),
}
#: The portal's groups of referrals: code -> (label, statuses).
PORTAL_GROUPS: dict[str, tuple[_StrPromise, tuple[str, ...]]] = {
    "waiting": (_("Waiting for your reply"), (S.SENT,)),
    "current": (_("Accepted and attending"), (S.ACCEPTED, S.ATTENDING)),
    "finished": (_("Finished"), (S.DECLINED, S.STOPPED, S.WITHDRAWN)),
}


def _number(query: QueryDict, key: str) -> int | None:
    value = query.get(key, "")
    return int(value) if value.isdigit() and int(value) > 0 else None


def _uuid(query: QueryDict, key: str) -> str | None:
    try:
        return str(uuid.UUID(query.get(key, "")))
    except ValueError:
        return None


def _query_string(values: dict[str, object]) -> str:
    query = QueryDict(mutable=True)
    for key, value in values.items():
        if value not in ("", None):
            query[key] = str(value)
    return query.urlencode()


@dataclass(frozen=True)
class TriageFilter:
    """What a person chose on the triage page (codes only); each list pages on its own."""

    practice: int | None = None
    sort: str = "oldest"
    queue_page: int = 1
    waiting_page: int = 1

    @classmethod
    def from_query(cls, query: QueryDict) -> TriageFilter:
        sort = query.get("sort", "oldest")
        return cls(
            practice=_number(query, "practice"),
            sort=sort if sort in TRIAGE_SORTS else "oldest",
            queue_page=_number(query, "queue_page") or 1,
            waiting_page=_number(query, "waiting_page") or 1,
        )

    def query_string(self, *, without: str) -> str:
        """The choices as a query string for one list's pager (which adds its own page)."""
        values: dict[str, object] = {
            "practice": self.practice or "",
            "sort": self.sort,
            "queue_page": self.queue_page if self.queue_page > 1 else "",
            "waiting_page": self.waiting_page if self.waiting_page > 1 else "",
        }
        values.pop(without)
        return _query_string(values)


def _filtered(cases: QuerySet[Case], choice: TriageFilter) -> QuerySet[Case]:
    if choice.practice:
        cases = cases.filter(practice_id=choice.practice)
    return cases


def triage_page(user: Actor, choice: TriageFilter, per_page: int | None = None) -> Page[Case]:
    cases = _filtered(triage_queue(user), choice).order_by(*TRIAGE_SORTS[choice.sort][1])
    return Paginator(cases, per_page or PER_PAGE).get_page(choice.queue_page)


def waiting_page(user: Actor, choice: TriageFilter, per_page: int | None = None) -> Page[Case]:
    """The waiting list, grouped by practice (so ordered by practice first, then the sort)."""
    ordering = ("practice__name", *TRIAGE_SORTS[choice.sort][1])
    cases = _filtered(waiting_list(user), choice).order_by(*ordering)
    return Paginator(cases, per_page or PER_PAGE).get_page(choice.waiting_page)


@dataclass(frozen=True)
class PortalFilter:
    """What a community organisation chose on its referral list (codes only)."""

    group: str = "waiting"
    #: A directory service's id (a UUID), or None for all.
    service: str | None = None
    sort: str = "newest"
    page: int = 1

    @classmethod
    def from_query(cls, query: QueryDict) -> PortalFilter:
        group = query.get("show", "waiting")
        sort = query.get("sort", "newest")
        return cls(
            group=group if group in PORTAL_GROUPS else "waiting",
            service=_uuid(query, "service"),
            sort=sort if sort in PORTAL_SORTS else "newest",
            page=_number(query, "page") or 1,
        )

    def query_string(self, **changes: object) -> str:
        values: dict[str, object] = {
            "show": self.group,
            "service": self.service or "",
            "sort": self.sort,
            **changes,
        }
        return _query_string(values)


@dataclass(frozen=True)
class PortalList:
    page: Page[ServiceLink]
    #: True count of each group (same service filter), in PORTAL_GROUPS order.
    counts: dict[str, int]
    #: (id, name) of the services that have referrals here, for the filter.
    services: list[tuple[str, str]]


def portal_list(user: Actor, choice: PortalFilter, per_page: int | None = None) -> PortalList:
    links = portal_links(user)
    services = [
        (str(pk), name)
        for pk, name in links.order_by("service__name", "service_id")
        .values_list("service_id", "service__name")
        .distinct()
    ]
    if choice.service:
        links = links.filter(service_id=choice.service)
    counts = links.order_by().aggregate(
        **{
            code: Count("id", filter=Q(status__in=statuses))
            for code, (_label, statuses) in PORTAL_GROUPS.items()
        }
    )
    shown = links.filter(status__in=PORTAL_GROUPS[choice.group][1]).order_by(
        *PORTAL_SORTS[choice.sort][1]
    )
    return PortalList(
        page=Paginator(shown, per_page or PER_PAGE).get_page(choice.page),
        counts={code: int(n) for code, n in counts.items()},
        services=services,
    )
