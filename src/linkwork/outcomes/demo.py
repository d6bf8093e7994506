"""Demo outcome measures for casework's demo people: SWEMWBS (and, for some, PHQ-9, GAD-7 and
ONS4) at baseline and review, and at discharge for closed cases, with most people improving a
little. Scored by the real scoring code. One small-scale PHQ-9 goes through the service so the
safeguarding flag shows in the demo. Returns {} until casework's demo has made cases.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from linkwork.casework.guards import service_writes
from linkwork.casework.models import Case, ServiceLink
from linkwork.casework.states import CaseStatus
from linkwork.core.demo_bulk import Table
from linkwork.outcomes import definitions, services
from linkwork.outcomes.models import Administration, CompletedVia, TimePoint
from linkwork.outcomes.scoring import score

BATCH = 20_000
SUPPORTED = (CaseStatus.ACTIVE, CaseStatus.CLOSED)
#: Share of cases also given each instrument (SWEMWBS goes to everyone).
EXTRA = {"small": {"phq9": 0.5, "gad7": 0.5, "ons4": 0.3}, "national": {"phq9": 0.2}}


def _clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


def _answers(code: str, level: float, rng: random.Random) -> list[int]:
    """Item values for a person whose wellbeing is `level` (0 poor .. 1 good)."""
    inst = definitions.get(code)
    out = []
    for item in inst.items:
        low, high = item.response_set.low, item.response_set.high
        good_is_high = not (code in {"phq9", "gad7"} or item.key == "anxiety")
        centre = level if good_is_high else 1 - level
        out.append(_clamp(low + (high - low) * (centre + rng.gauss(0, 0.15)), low, high))
    if code == "phq9":
        out[8] = 0  # bulk demo rows never carry a risk flag; see _flagged_example
    return out


def _gain(contacts: int, engaged: bool, rng: random.Random) -> float:
    """Improvement on the 0..1 wellbeing scale: larger with more contacts and with engagement
    in a linked service (the dose-response the SLWP evaluation found), with noise."""
    dose = {0: 0.0, 1: 0.0, 2: 0.04}.get(contacts, 0.08)
    return rng.gauss(0.02 + dose + (0.04 if engaged else 0.0), 0.08)


#: The columns `_rows` fills, in order (the rest take the model's defaults).
COLUMNS = [
    "person_id",
    "case_id",
    "instrument",
    "time_point",
    "answers",
    "result",
    "valid",
    "completed_via",
    "administered_by_id",
    "administered_at",
]
CaseRow = tuple[int, int, str, dt.datetime, dt.datetime | None, int | None, int, bool]


def _rows(
    case: CaseRow, *, scale: str, rng: random.Random, now: dt.datetime
) -> Iterator[tuple[Any, ...]]:
    """An administration row (in COLUMNS order) per instrument and time point, scored by the
    real scoring code and stored as `services.administer` stores it."""
    case_id, person_id, status, opened_at, closed_at, worker_id, contacts, engaged = case
    codes = ["swemwbs"] + [c for c, share in EXTRA[scale].items() if rng.random() < share]
    level = rng.uniform(0.2, 0.6)
    gain = _gain(contacts, engaged, rng)
    baseline_at = opened_at + dt.timedelta(days=rng.randint(1, 14))
    points = [(TimePoint.BASELINE, baseline_at, level)]
    review_at = baseline_at + dt.timedelta(weeks=rng.randint(10, 16))
    if review_at < now and (closed_at is None or review_at < closed_at):
        points.append((TimePoint.REVIEW, review_at, level + gain))
    if status == CaseStatus.CLOSED and closed_at and closed_at > baseline_at:
        points.append((TimePoint.DISCHARGE, closed_at, level + gain * 1.3))
    for time_point, when, at_level in points:
        if when > now:
            continue
        for code in codes:
            answers = _answers(code, min(at_level, 0.95), rng)
            result = score(code, answers)
            yield (
                person_id,
                case_id,
                code,
                time_point,
                answers,
                {**result.as_dict(), "reasons": result.reasons},
                result.valid,
                CompletedVia.STAFF,
                worker_id,
                when,
            )


def _flagged_example(now: dt.datetime) -> int:
    """One PHQ-9 with item 9 above 0, through the service, so the demo shows the alert."""
    worker = get_user_model().objects.filter(username="demo-link-worker").first()
    case = (
        Case.objects.filter(status=CaseStatus.ACTIVE, link_worker=worker)
        .select_related("person")
        .order_by("id")
        .first()
    )
    if case is None:
        return 0
    services.administer(
        person=case.person,
        case=case,
        instrument="phq9",
        answers=[2, 2, 1, 2, 1, 2, 1, 0, 1],
        time_point=TimePoint.REVIEW,
        actor=worker,
        administered_at=now - dt.timedelta(days=1),
    )
    return 1


def case_rows(cases: QuerySet[Case]) -> QuerySet[Case, CaseRow]:
    """What `_rows` needs of each case, in one query: attended contacts and whether the person
    engaged with a linked service (the dose and engagement insight compares)."""
    return (
        cases.filter(status__in=SUPPORTED)
        .order_by("id")
        .annotate(
            contacts=Count("encounters", filter=Q(encounters__attendance="attended")),
            engaged=Exists(
                ServiceLink.objects.filter(case=OuterRef("pk"), status__in=["attending", "stopped"])
            ),
        )
        .values_list(
            "id",
            "person_id",
            "status",
            "opened_at",
            "closed_at",
            "link_worker_id",
            "contacts",
            "engaged",
        )
    )


def write_administrations(
    cases: QuerySet[Case], *, scale: str, rng: random.Random, now: dt.datetime
) -> int:
    """Score and write the administrations of the supported cases among `cases`, in batches
    (COPY on PostgreSQL, bulk_create elsewhere)."""
    table = Table(Administration, COLUMNS, now=now)
    batch: list[tuple[Any, ...]] = []
    with service_writes():
        for case in case_rows(cases).iterator(chunk_size=BATCH):
            batch.extend(_rows(case, scale=scale, rng=rng, now=now))
            if len(batch) >= BATCH:
                table.write(batch)
                batch = []
        table.write(batch)
    return table.written


def generate(*, scale: str, rng: random.Random, stdout: Any) -> dict[str, int]:
    cases = Case.objects.all()
    if not cases.filter(status__in=SUPPORTED).exists():
        return {}
    now = timezone.now()
    counts = {"administrations": write_administrations(cases, scale=scale, rng=rng, now=now)}
    if scale == "small":
        counts["safeguarding flags"] = _flagged_example(now)
    return counts
