"""Figures the database computes (percentiles, reason and category counts, age bands, each
case's baseline and latest follow-up) agree with the same figures worked out in Python from
the rows, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from statistics import median

import numpy as np
import pytest
from django.utils import timezone

from linkwork.casework.guards import service_writes
from linkwork.casework.models import Case
from linkwork.insight import selectors
from linkwork.insight.activity import contacts_and_waiting, referrals_by_reason
from linkwork.insight.aggregates import reason_counts
from linkwork.insight.effects import person_frame
from linkwork.insight.reach import AGE_BANDS, _age_band_counts
from linkwork.outcomes.models import Administration, TimePoint
from linkwork.outcomes.scoring import score
from tests.insight import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme_cases() -> tuple[object, list[Case]]:
    prog = f.programme("Programme A")
    practice = f.practice(prog, "Practice")
    rng = random.Random(5)
    now = timezone.now()
    made = []
    for _i in range(23):
        made.append(
            f.case(
                practice,
                contacts=rng.randint(0, 4),
                received=now - dt.timedelta(days=rng.randint(5, 300), hours=rng.randint(0, 23)),
                reasons=rng.sample(["money", "debt", "housing", "homelessness", "food"], 2),
            )
        )
    made.append(f.case(practice, contacts=0, reasons=[]))
    return prog, made


def _cases(prog: object) -> object:
    return selectors.cases(prog, selectors.Filters.default())  # type: ignore[arg-type]


def test_waiting_percentiles_and_contacts_agree_with_python(programme_cases: tuple) -> None:
    prog, _made = programme_cases
    days, contacts = [], []
    for case in _cases(prog):
        attended = [e.occurred_at for e in case.encounters.all() if e.attendance == "attended"]
        contacts.append(len(attended))
        if attended:
            days.append((min(attended) - case.referral.received_at).total_seconds() / 86400)
    table, (med, p90, mean) = contacts_and_waiting(_cases(prog))
    assert med.value == pytest.approx(median(days))
    assert p90.value == pytest.approx(float(np.percentile(days, 90)))
    assert med.n == p90.n == len(days)
    bands = Counter("3+" if c >= 3 else str(c) for c in contacts)
    assert [row[0] for row in table.cells] == [bands[k] for k in ("0", "1", "2", "3+")]
    seen = [c for c in contacts if c]
    assert mean.value == pytest.approx(sum(seen) / len(seen)) and mean.n == len(seen)


def test_reasons_count_each_listed_reason_and_referrals_without_any(
    programme_cases: tuple,
) -> None:
    prog, _made = programme_cases
    expected: Counter[str] = Counter()
    for reasons in _cases(prog).values_list("referral__reasons", flat=True):
        expected.update(reasons or ["(none recorded)"])
    table = referrals_by_reason(_cases(prog))
    labels = dict(zip(table.rows, (row[0] for row in table.cells), strict=True))
    assert sum(labels.values()) == sum(expected.values())
    assert sorted(labels.values(), reverse=True) == [n for _c, n in expected.most_common()]


def test_categories_count_a_referral_once_however_many_of_its_reasons_map_there(
    programme_cases: tuple,
) -> None:
    prog, _made = programme_cases
    mapping = {"money": ("money-advice",), "debt": ("debt", "money-advice"), "food": ("food",)}
    expected: Counter[str] = Counter()
    for reasons in _cases(prog).values_list("referral__reasons", flat=True):
        expected.update({c for r in reasons for c in mapping.get(r, ())})
    counted = reason_counts(_cases(prog), group=None, codes="referral__reasons", categories=mapping)
    assert {category: n for _g, category, n in counted} == dict(expected)


def test_age_bands_agree_with_python(programme_cases: tuple) -> None:
    prog, _made = programme_cases
    expected: Counter[str] = Counter()
    for born, received in _cases(prog).values_list(
        "person__date_of_birth", "referral__received_at"
    ):
        day = received.date()
        age = day.year - born.year - ((day.month, day.day) < (born.month, born.day))
        band = next(
            (f"{lo}+" if hi >= 200 else f"{lo}-{hi}" for lo, hi in AGE_BANDS if lo <= age <= hi),
            "Not recorded",
        )
        expected[band] += 1
    assert _age_band_counts(_cases(prog)) == expected


def test_baseline_is_the_first_and_follow_up_the_latest_after_it(programme_cases: tuple) -> None:
    prog, made = programme_cases
    case = made[0]
    received = case.referral.received_at

    def administer(time_point: str, level: int, days: int) -> None:
        answers = f.swemwbs_answers(level)
        result = score("swemwbs", answers)
        with service_writes():
            Administration.objects.create(
                person=case.person,
                case=case,
                instrument="swemwbs",
                time_point=time_point,
                answers=answers,
                result=result.as_dict(),
                valid=result.valid,
                administered_at=received + dt.timedelta(days=days),
            )

    administer(TimePoint.REVIEW, 5, 1)  # before the baseline: not a follow-up
    administer(TimePoint.BASELINE, 2, 3)
    administer(TimePoint.BASELINE, 4, 9)  # a second baseline is not the baseline
    administer(TimePoint.REVIEW, 3, 20)
    administer(TimePoint.DISCHARGE, 4, 40)  # the latest: the follow-up
    frame = person_frame(_cases(prog), "swemwbs", "metric")
    row = frame[frame["person_id"] == case.pk].iloc[0]
    metric = {
        level: score("swemwbs", f.swemwbs_answers(level)).as_dict()["scores"]["metric"]
        for level in (2, 4)
    }
    assert row["baseline"] == pytest.approx(metric[2])
    assert row["followup"] == pytest.approx(metric[4])
    assert row["contacts"] == case.encounters.filter(attendance="attended").count()
