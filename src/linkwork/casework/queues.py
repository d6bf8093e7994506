"""Reads for the working lists: triage queue, waiting list, caseload, portal. Each is already
scoped (built on selectors) and does a fixed number of queries however much data there is."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from linkwork.casework.models import Case, ServiceLink
from linkwork.casework.selectors import visible_cases, visible_links
from linkwork.casework.states import CaseStatus
from linkwork.core.policy import Actor
from linkwork.governance.agreements import links_under_agreement
from linkwork.governance.models import SharingPurpose

#: A supported referral with no reply after this many days is "stalled".
STALLED_AFTER_DAYS: int = getattr(settings, "CASEWORK_STALLED_AFTER_DAYS", 10)
#: A referral not triaged after this many days is "overdue".
TRIAGE_DUE_DAYS: int = getattr(settings, "CASEWORK_TRIAGE_DUE_DAYS", 5)
#: Follow-ups due within this many days show on the caseload.
FOLLOW_UP_WINDOW_DAYS = 7


def days_since(moment: dt.datetime, now: dt.datetime | None = None) -> int:
    return ((now or timezone.now()) - moment).days


def _with_person(qs: QuerySet[Case]) -> QuerySet[Case]:
    return qs.select_related("person", "practice", "referral", "link_worker")


def triage_queue(user: Actor) -> QuerySet[Case]:
    return _with_person(
        visible_cases(user, "casework.view_triage").filter(status=CaseStatus.RECEIVED)
    ).order_by("opened_at", "id")


def waiting_list(user: Actor) -> QuerySet[Case]:
    return _with_person(
        visible_cases(user, "casework.view_triage").filter(
            status__in=(CaseStatus.TRIAGED, CaseStatus.WAITING)
        )
    ).order_by("practice__name", "opened_at", "id")


@dataclass
class Caseload:
    active: list[Case]
    follow_ups_due: list[Case]
    overdue_referrals: list[Case]
    waiting_by_practice: list[dict[str, Any]]
    stalled_links: list[ServiceLink] = field(default_factory=list)


def caseload(user: Actor, *, today: dt.date | None = None, limit: int = 50) -> Caseload:
    """The link worker's own cases, follow-ups, overdue referrals and stalled links, scoped
    like every case page: a worker who has left a practice sees none of its cases here."""
    today = today or timezone.localdate()
    now = timezone.now()
    scoped = visible_cases(user, "casework.view_caseload")
    mine = _with_person(
        scoped.filter(
            link_worker_id=getattr(user, "pk", None),
            status__in=(CaseStatus.ALLOCATED, CaseStatus.ACTIVE),
        )
    )
    active = list(mine.order_by("next_follow_up", "opened_at")[:limit])
    due = list(
        mine.filter(next_follow_up__lte=today + dt.timedelta(days=FOLLOW_UP_WINDOW_DAYS)).order_by(
            "next_follow_up"
        )[:limit]
    )
    overdue = list(
        triage_queue(user).filter(opened_at__lt=now - dt.timedelta(days=TRIAGE_DUE_DAYS))[:limit]
    )
    from django.db.models import Count, Min

    waiting: list[dict[str, Any]] = [
        dict(row)
        for row in visible_cases(user, "casework.view_triage")
        .filter(status__in=(CaseStatus.TRIAGED, CaseStatus.WAITING))
        .values("practice__name")
        .annotate(count=Count("id"), oldest=Min("opened_at"))
        .order_by("practice__name")
    ]
    for row in waiting:
        row["days"] = days_since(row["oldest"], now)
    stalled = list(
        ServiceLink.objects.filter(
            case__in=scoped,
            case__link_worker_id=getattr(user, "pk", None),
            status=ServiceLink.Status.SENT,
            sent_at__lt=now - dt.timedelta(days=STALLED_AFTER_DAYS),
        )
        .select_related("case__person", "service")
        .order_by("sent_at")[:limit]
    )
    return Caseload(active, due, overdue, waiting, stalled)


def portal_links(user: Actor) -> QuerySet[ServiceLink]:
    """Supported referrals sent to the user's community organisations (nothing else), while
    a data-sharing agreement for referrals is in force with them (governance's gate)."""
    return (
        links_under_agreement(visible_links(user), SharingPurpose.REFERRAL)
        .select_related("service", "case__person", "case__referral", "receiving_organisation")
        .order_by("-sent_at", "-id")
    )


def is_stalled(link: ServiceLink, now: dt.datetime | None = None) -> bool:
    return bool(
        link.status == ServiceLink.Status.SENT
        and link.sent_at
        and days_since(link.sent_at, now) >= STALLED_AFTER_DAYS
    )
