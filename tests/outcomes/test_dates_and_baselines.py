"""Outcome dates cannot be in the future, one baseline per instrument per case, and the form
picks the person's open case by default. Casework event dates refuse the future too."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from linkwork.casework.forms import EncounterForm, WhatMattersForm
from linkwork.core.roles import Role
from linkwork.outcomes.models import Administration
from linkwork.outcomes.scoring import AnswerError
from tests.core.factories import make_user
from tests.outcomes.factories import CaseFactory, PracticeFactory, record

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> dict:
    practice = PracticeFactory()
    closed = CaseFactory(referral__person__gp_practice=practice, status="closed")
    case = CaseFactory(
        referral__person=closed.person, referral__person__gp_practice=practice, status="active"
    )
    return {
        "case": case,
        "person": case.person,
        "worker": make_user(Role.LINK_WORKER, organisations=(practice,)),
    }


def _post(client: Client, world: dict, **extra: str):  # type: ignore[no-untyped-def]
    url = reverse("outcomes:administer", args=[world["person"].pk, "phq9"])
    data = {f"item_{n}": "1" for n in range(1, 9)} | {"item_9": "0", "time_point": "baseline"}
    client.force_login(world["worker"])
    return client.post(url, {**data, "case": str(world["case"].pk), **extra})


def test_future_outcome_date_is_refused(client: Client, world: dict) -> None:
    later = (timezone.localdate() + dt.timedelta(days=40)).isoformat()
    response = _post(client, world, administered_on=later)
    assert response.status_code == 400
    assert "cannot be in the future" in response.content.decode()
    assert not Administration.objects.exists()


def test_one_baseline_per_instrument_per_case(client: Client, world: dict) -> None:
    assert _post(client, world).status_code == 302
    second = _post(client, world)
    assert second.status_code == 400
    assert "already has a baseline" in second.content.decode()
    assert _post(client, world, time_point="review").status_code == 302
    assert Administration.objects.count() == 2


def test_service_refuses_future_dates_and_second_baselines(world: dict) -> None:
    person, case = world["person"], world["case"]
    with pytest.raises(AnswerError):
        record(
            person,
            "phq9",
            [0] * 9,
            case=case,
            administered_at=timezone.now() + dt.timedelta(days=2),
        )
    record(person, "phq9", [0] * 9, case=case)
    with pytest.raises(AnswerError):
        record(person, "phq9", [0] * 9, case=case)


def test_form_picks_the_open_case(client: Client, world: dict) -> None:
    client.force_login(world["worker"])
    url = reverse("outcomes:administer", args=[world["person"].pk, "phq9"])
    form = client.get(url).context["details"]
    assert form["case"].value() == world["case"].pk


def test_casework_event_dates_refuse_the_future() -> None:
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    encounter = EncounterForm(
        {"occurred_at": f"{tomorrow.isoformat()} 10:00", "mode": "phone", "attendance": "attended"}
    )
    assert not encounter.is_valid() and "occurred_at" in encounter.errors
    talk = WhatMattersForm({"text": "Walking", "held_on": tomorrow.isoformat()})
    assert not talk.is_valid() and "held_on" in talk.errors
    today = WhatMattersForm({"text": "Walking", "held_on": timezone.localdate().isoformat()})
    assert today.is_valid()


def test_history_has_a_chart_of_scores_over_time(client: Client, world: dict) -> None:
    person, case = world["person"], world["case"]
    record(
        person,
        "phq9",
        [2] * 8 + [0],
        case=case,
        administered_at=timezone.now() - dt.timedelta(days=30),
    )
    record(person, "phq9", [1] * 8 + [0], time_point="review", case=case)
    client.force_login(world["worker"])
    page = client.get(reverse("outcomes:person_outcomes", args=[person.pk])).content.decode()
    assert 'class="app-chart__line"' in page and "the table below gives every value" in page
    assert page.count("Baseline") == 1  # the time point, not a second "baseline" tag
