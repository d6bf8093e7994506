"""Issue 10, finding 14: hostile input to the APIs answers 4xx problem details, never 500."""

from __future__ import annotations

import json

import pytest

from linkwork.core.roles import Role
from linkwork.core.tokens import create_token
from tests.casework.factories import CaseFactory, PersonFactory, PracticeFactory
from tests.core.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def practice():
    return PracticeFactory()


@pytest.fixture
def auth(practice) -> dict[str, str]:
    user = make_user(Role.LINK_WORKER, organisations=(practice,))
    return {"HTTP_AUTHORIZATION": f"Bearer {create_token(user=user)[1]}"}


def _is_problem(response, *statuses: int) -> None:
    assert response.status_code in statuses, (response.status_code, response.content[:300])
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == response.status_code


@pytest.mark.parametrize(
    "query",
    [
        "limit=99999999999999999999999",
        "offset=99999999999999999999999",
        "offset=9223372036854775808",
        "limit=-1",
    ],
)
def test_huge_or_negative_paging_is_a_client_error(client, auth, query):
    _is_problem(client.get(f"/api/v1/people?{query}", **auth), 400, 422)


@pytest.mark.parametrize("where", ["query", "json"])
def test_nul_bytes_are_refused_before_they_reach_the_database(client, auth, where):
    if where == "query":
        response = client.get("/api/v1/people?q=a%00b", **auth)
    else:
        response = client.post(
            "/api/v1/people",
            json.dumps({"given_name": "A\u0000B"}),
            content_type="application/json",
            **auth,
        )
    _is_problem(response, 400)


@pytest.mark.parametrize("minutes", [-5, 2**40, 10**30])
def test_absurd_encounter_durations_are_client_errors(client, auth, practice, minutes):
    case = CaseFactory(referral__person__gp_practice=practice, practice=practice)
    response = client.post(
        f"/api/v1/cases/{case.pk}/encounters",
        json.dumps({"kind": "phone", "duration_minutes": minutes}),
        content_type="application/json",
        **auth,
    )
    assert response.status_code < 500, response.content[:300]
    if minutes >= 2**31:
        _is_problem(response, 400, 422)


def test_patch_with_null_for_a_required_field_is_a_client_error(client, auth, practice):
    person = PersonFactory(gp_practice=practice)
    response = client.patch(
        f"/api/v1/people/{person.pk}",
        json.dumps({"version": person.version, "given_name": None, "chi": None}),
        content_type="application/json",
        **auth,
    )
    assert response.status_code < 500, response.content[:300]
    if response.status_code >= 400:
        assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("pk", ["\u0661\u0662", "\uff11\uff12", "12\u00a0", "9" * 40])
def test_odd_digits_in_ids_are_not_found_or_invalid(client, auth, pk):
    response = client.get(f"/api/v1/people/{pk}", **auth)
    _is_problem(response, 400, 404, 422)


def test_hsds_paging_and_ids_refuse_hostile_values(client):
    _is_problem(client.get("/api/hsds/services?page=99999999999999999999"), 400, 422)
    _is_problem(client.get("/api/hsds/services?per_page=-1"), 400, 422)
    _is_problem(client.get("/api/hsds/services/%00"), 400, 404)
