"""Issue 10, finding 14: an encounter's length is whole minutes from 0 to 600, whichever way it
comes in (API, page, service); anything else is refused with a message naming the field."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from linkwork.casework import services
from linkwork.casework.models import Encounter
from linkwork.core.roles import Role
from linkwork.core.tokens import create_token
from tests.casework.factories import CaseFactory, PracticeFactory
from tests.core.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    practice = PracticeFactory()
    worker = make_user(Role.LINK_WORKER, organisations=(practice,))
    case = CaseFactory(referral__person__gp_practice=practice, practice=practice, status="active")
    return worker, case


@pytest.mark.parametrize("minutes", [-1, -5, 601, 2**40])
def test_the_api_refuses_an_out_of_range_length_with_a_problem(client: Client, world, minutes):
    worker, case = world
    response = client.post(
        f"/api/v1/cases/{case.pk}/encounters",
        json.dumps(
            {"occurred_at": "2025-03-01T10:00:00Z", "mode": "phone", "duration_minutes": minutes}
        ),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {create_token(user=worker)[1]}",
    )
    assert response.status_code in (400, 422), response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    assert "duration_minutes" in response.content.decode()
    assert not Encounter.objects.filter(case=case).exists()


def test_the_api_accepts_the_bounds(client: Client, world):
    worker, case = world
    for minutes in (0, 600):
        response = client.post(
            f"/api/v1/cases/{case.pk}/encounters",
            json.dumps(
                {
                    "occurred_at": "2025-03-01T10:00:00Z",
                    "mode": "phone",
                    "duration_minutes": minutes,
                }
            ),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {create_token(user=worker)[1]}",
        )
        assert response.status_code == 201, response.content[:300]
    assert sorted(
        Encounter.objects.filter(case=case).values_list("duration_minutes", flat=True)
    ) == [0, 600]


def test_the_page_redisplays_a_negative_length_as_an_error(client: Client, world):
    worker, case = world
    client.force_login(worker)
    response = client.post(
        reverse("casework:encounter_new", args=[case.pk]),
        {
            "occurred_at_0": timezone.localdate().isoformat(),
            "occurred_at_1": "10:00",
            "occurred_at": timezone.now().strftime("%Y-%m-%d %H:%M"),
            "mode": "phone",
            "attendance": "attended",
            "duration_minutes": "-5",
        },
    )
    assert response.status_code == 422  # the form re-displayed with its errors
    assert "duration_minutes" in response.context["form"].errors
    assert not Encounter.objects.filter(case=case).exists()


@pytest.mark.parametrize("minutes", [-1, 601, True, 1.5])
def test_the_service_refuses_what_the_adapters_refuse(world, minutes):
    worker, case = world
    with pytest.raises(ValidationError) as caught:
        services.record_encounter(
            case=case,
            actor=worker,
            occurred_at=timezone.now(),
            mode="phone",
            duration_minutes=minutes,
        )
    assert "duration_minutes" in caught.value.message_dict
    encounter = services.record_encounter(
        case=case, actor=worker, occurred_at=timezone.now(), mode="phone", duration_minutes=30
    )
    with pytest.raises(ValidationError):
        services.update_encounter(
            encounter=encounter, actor=worker, expected_version=None, data={"duration_minutes": -3}
        )
    encounter.refresh_from_db()
    assert encounter.duration_minutes == 30
