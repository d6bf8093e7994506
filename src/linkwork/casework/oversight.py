"""Managers' oversight of their programme's caseloads (reads, already scoped).

Per link worker: open cases by state, overdue follow-ups and stalled community referrals;
for the programme: the triage queue and the waiting list per practice. A fixed number of
grouped queries however many cases there are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Count, Min, Q
from django.utils import timezone

from linkwork.casework.models import ServiceLink
from linkwork.casework.queues import STALLED_AFTER_DAYS, days_since
from linkwork.casework.selectors import visible_cases
from linkwork.casework.states import CaseStatus
from linkwork.core.models import User
from linkwork.core.roles import Role

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from linkwork.casework.models import Case

WORKING = (CaseStatus.ALLOCATED, CaseStatus.ACTIVE)


@dataclass
class WorkerRow:
    worker: User
    allocated: int = 0
    active: int = 0
    overdue: int = 0
    stalled: int = 0
    practices: list[str] = field(default_factory=list)

    @property
    def open(self) -> int:
        return self.allocated + self.active


@dataclass
class WaitingRow:
    practice: str
    received: int
    waiting: int
    longest_days: int | None


@dataclass
class Oversight:
    workers: list[WorkerRow]
    waiting: list[WaitingRow]
    unallocated_open: int


def workers_in_scope(cases: QuerySet[Case]) -> QuerySet[User]:
    """Link workers of the practices these cases belong to."""
    return (
        User.objects.filter(
            is_active=True,
            groups__name=Role.LINK_WORKER,
            memberships__organisation_id__in=cases.values("practice_id"),
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def oversight(user: User, *, today: dt.date | None = None) -> Oversight:
    today = today or timezone.localdate()
    now = timezone.now()
    cases = visible_cases(user)
    per_worker = (
        cases.filter(status__in=WORKING)
        .values("link_worker_id")
        .annotate(
            allocated=Count("id", filter=Q(status=CaseStatus.ALLOCATED)),
            active=Count("id", filter=Q(status=CaseStatus.ACTIVE)),
            overdue=Count("id", filter=Q(next_follow_up__lt=today)),
        )
    )
    counts: dict[int | None, dict[str, int]] = {
        row["link_worker_id"]: {k: int(row[k]) for k in ("allocated", "active", "overdue")}
        for row in per_worker
    }
    stalled = dict(
        ServiceLink.objects.filter(
            case__in=cases.filter(status__in=WORKING),
            status=ServiceLink.Status.SENT,
            sent_at__lt=now - dt.timedelta(days=STALLED_AFTER_DAYS),
        )
        .values("case__link_worker_id")
        .annotate(n=Count("id"))
        .values_list("case__link_worker_id", "n")
    )
    rows = []
    for worker in workers_in_scope(cases):
        row: dict[str, int] = counts.get(worker.pk, {})
        rows.append(
            WorkerRow(
                worker=worker,
                allocated=row.get("allocated", 0),
                active=row.get("active", 0),
                overdue=row.get("overdue", 0),
                stalled=stalled.get(worker.pk, 0),
            )
        )
    waiting = [
        WaitingRow(
            practice=row["practice__name"],
            received=row["received"],
            waiting=row["waiting"],
            longest_days=days_since(row["oldest"], now) if row["oldest"] else None,
        )
        for row in cases.filter(
            status__in=(CaseStatus.RECEIVED, CaseStatus.TRIAGED, CaseStatus.WAITING)
        )
        .values("practice__name")
        .annotate(
            received=Count("id", filter=Q(status=CaseStatus.RECEIVED)),
            waiting=Count("id", filter=Q(status__in=(CaseStatus.TRIAGED, CaseStatus.WAITING))),
            oldest=Min("opened_at"),
        )
        .order_by("practice__name")
    ]
    unallocated: dict[str, int] = counts.get(None, {})
    return Oversight(
        workers=rows,
        waiting=waiting,
        unallocated_open=unallocated.get("allocated", 0) + unallocated.get("active", 0),
    )
