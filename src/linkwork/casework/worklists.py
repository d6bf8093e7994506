"""Paged, sorted and filtered lists of cases, with true counts (reads, already scoped).

Every list of people or cases is built on the scoped selectors (``visible_cases``) and pages
with Django's Paginator: one COUNT and one page query however many rows there are. Filters are
codes only (status, practice, follow-up window): nothing typed by a person goes in a URL.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from linkwork.casework.models import Case
from linkwork.casework.queues import FOLLOW_UP_WINDOW_DAYS
from linkwork.casework.selectors import visible_cases
from linkwork.casework.states import CaseStatus

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

    from linkwork.core.models import User

PER_PAGE = 25
#: The statuses of a link worker's own open cases.
WORKING = (CaseStatus.ALLOCATED, CaseStatus.ACTIVE)

#: Sort keys offered on case lists: code -> (label, ordering).
SORTS: dict[str, tuple[_StrPromise, tuple[str, ...]]] = {
    "follow_up": (_("Next follow-up"), ("next_follow_up", "opened_at", "id")),
    "name": (_("Name"), ("person__family_name", "person__given_name", "id")),
    "oldest": (_("Oldest referral first"), ("opened_at", "id")),
    "newest": (_("Newest referral first"), ("-opened_at", "-id")),
}
#: Follow-up windows offered as a filter.
FOLLOW_UPS: dict[str, _StrPromise] = {
    "": _("Any"),
    "overdue": _("Overdue"),
    "week": _("Due this week"),
    "none": _("No follow-up set"),
}


@dataclass(frozen=True)
class CaseFilter:
    """What a person chose on a case list (codes only)."""

    status: str = ""
    practice: int | None = None
    follow_up: str = ""
    sort: str = "follow_up"
    page: int = 1

    @classmethod
    def from_query(cls, query: QueryDict, *, statuses: tuple[str, ...]) -> CaseFilter:
        status = query.get("status", "")
        practice = query.get("practice", "")
        follow_up = query.get("follow_up", "")
        sort = query.get("sort", "follow_up")
        page = query.get("page", "1")
        return cls(
            status=status if status in statuses else "",
            practice=int(practice) if practice.isdigit() else None,
            follow_up=follow_up if follow_up in FOLLOW_UPS else "",
            sort=sort if sort in SORTS else "follow_up",
            page=int(page) if page.isdigit() and int(page) > 0 else 1,
        )

    def query_string(self, **changes: object) -> str:
        """The filter as a query string (for paging links that keep the choices)."""
        values = {
            "status": self.status,
            "practice": self.practice or "",
            "follow_up": self.follow_up,
            "sort": self.sort,
            **changes,
        }
        query = QueryDict(mutable=True)
        for key, value in values.items():
            if value not in ("", None):
                query[key] = str(value)
        return query.urlencode()


def filter_cases(
    cases: QuerySet[Case], choice: CaseFilter, *, today: dt.date | None = None
) -> QuerySet[Case]:
    today = today or timezone.localdate()
    if choice.status:
        cases = cases.filter(status=choice.status)
    if choice.practice:
        cases = cases.filter(practice_id=choice.practice)
    if choice.follow_up == "overdue":
        cases = cases.filter(next_follow_up__lt=today)
    elif choice.follow_up == "week":
        cases = cases.filter(
            next_follow_up__gte=today,
            next_follow_up__lte=today + dt.timedelta(days=FOLLOW_UP_WINDOW_DAYS),
        )
    elif choice.follow_up == "none":
        cases = cases.filter(next_follow_up__isnull=True)
    return cases.order_by(*SORTS[choice.sort][1])


def page_of(cases: QuerySet[Case], page: int, per_page: int = PER_PAGE) -> Page[Case]:
    """One page with the true count (a page past the end shows the last page)."""
    return Paginator(cases.select_related("person", "practice", "link_worker"), per_page).get_page(
        page
    )


def my_cases(user: User) -> QuerySet[Case]:
    """The cases a link worker holds, within what they may see."""
    return visible_cases(user).filter(link_worker=user)


@dataclass(frozen=True)
class CaseloadSummary:
    """True counts for the caseload page, and the follow-ups split by urgency."""

    open_count: int
    overdue_count: int
    this_week_count: int
    overdue: list[Case]
    this_week: list[Case]


def caseload_summary(
    user: User, *, today: dt.date | None = None, show: int = 10
) -> CaseloadSummary:
    today = today or timezone.localdate()
    week_end = today + dt.timedelta(days=FOLLOW_UP_WINDOW_DAYS)
    mine = my_cases(user).filter(status__in=WORKING)
    counts = mine.aggregate(
        open=Count("id"),
        overdue=Count("id", filter=Q(next_follow_up__lt=today)),
        week=Count("id", filter=Q(next_follow_up__gte=today, next_follow_up__lte=week_end)),
    )
    people = mine.select_related("person", "practice")
    return CaseloadSummary(
        open_count=counts["open"],
        overdue_count=counts["overdue"],
        this_week_count=counts["week"],
        overdue=list(people.filter(next_follow_up__lt=today).order_by("next_follow_up")[:show]),
        this_week=list(
            people.filter(next_follow_up__gte=today, next_follow_up__lte=week_end).order_by(
                "next_follow_up"
            )[:show]
        ),
    )
