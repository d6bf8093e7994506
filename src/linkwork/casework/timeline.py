"""A case's timeline: everything recorded on it, newest first, in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone

from linkwork.casework.models import (
    Case,
    Goal,
    GoalProgress,
    ServiceLink,
    ServiceLinkChange,
)


@dataclass
class Event:
    at: dt.datetime
    kind: str  # status, encounter, what_matters, goal, goal_progress, link, link_change, ...
    obj: Any


def _midday(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


def load_case(case_id: int, cases: Any) -> Case:
    """The case with everything the case page shows, prefetched."""
    return (
        cases.select_related("person", "practice", "referral", "link_worker", "discharge")
        .prefetch_related(
            "status_changes__by",
            "encounters__recorded_by",
            "what_matters",
            Prefetch(
                "goals",
                queryset=Goal.objects.prefetch_related(
                    Prefetch("progress", queryset=GoalProgress.objects.order_by("rated_on", "id"))
                ),
            ),
            Prefetch(
                "links",
                queryset=ServiceLink.objects.select_related(
                    "service", "receiving_organisation"
                ).prefetch_related(
                    Prefetch("changes", queryset=ServiceLinkChange.objects.select_related("by"))
                ),
            ),
            "concerns",
        )
        .get(pk=case_id)
    )


def timeline(case: Case) -> list[Event]:
    events: list[Event] = []
    events += [Event(s.at, "status", s) for s in case.status_changes.all()]
    events += [Event(e.occurred_at, "encounter", e) for e in case.encounters.all()]
    events += [Event(_midday(w.held_on), "what_matters", w) for w in case.what_matters.all()]
    for g in case.goals.all():
        events.append(Event(g.created_at, "goal", g))
    for link in case.links.all():
        for change in link.changes.all():
            events.append(Event(change.at, "link_change", (link, change)))
    events += [Event(c.raised_at, "concern", c) for c in case.concerns.all()]
    discharge = getattr(case, "discharge", None)
    if discharge is not None:
        events.append(Event(discharge.created_at, "discharge", discharge))
    events.sort(key=lambda e: e.at, reverse=True)
    return events
