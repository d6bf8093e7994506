"""/api/v1/insight/...: the same figures, scoped, and always with disclosure control."""

from __future__ import annotations

import pytest
from django.test import Client

from linkwork.core.roles import Role
from tests.core.factories import make_user

pytestmark = pytest.mark.django_db

KINDS = ["activity", "reach", "outcomes"]


def client_for(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_programmes_lists_only_the_users_own(world: dict) -> None:
    data = client_for(world["manager_a"]).get("/api/v1/insight/programmes").json()
    assert [p["name"] for p in data] == ["Programme A"]


@pytest.mark.parametrize("kind", KINDS)
def test_figures_of_own_programme(world: dict, kind: str) -> None:
    response = client_for(world["manager_a"]).get(
        f"/api/v1/insight/programmes/{world['a'].pk}/{kind}"
    )
    assert response.status_code == 200
    assert response.json()["programme"] == "Programme A"


@pytest.mark.parametrize("kind", KINDS)
def test_other_programme_is_forbidden_as_a_problem(world: dict, kind: str) -> None:
    response = client_for(world["manager_a"]).get(
        f"/api/v1/insight/programmes/{world['b'].pk}/{kind}"
    )
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("kind", KINDS)
def test_link_worker_is_forbidden(world: dict, kind: str) -> None:
    user = make_user(Role.LINK_WORKER, organisations=(world["a"],), username="lw")
    response = client_for(user).get(f"/api/v1/insight/programmes/{world['a'].pk}/{kind}")
    assert response.status_code == 403


def test_signed_out_is_401() -> None:
    assert Client().get("/api/v1/insight/programmes").status_code == 401


def test_api_counts_are_suppressed_for_analysts_too(world: dict) -> None:
    data = (
        client_for(world["analyst_a"])
        .get(f"/api/v1/insight/programmes/{world['a'].pk}/activity")
        .json()
    )
    values = [v for t in data["tables"] for row in t["rows"] for v in row["values"]]
    assert None in values
    assert all(v is None or v == 0 or v >= 5 for v in values)


@pytest.mark.parametrize("kind", KINDS)
def test_bad_period_is_a_422_problem(world: dict, kind: str) -> None:
    response = client_for(world["manager_a"]).get(
        f"/api/v1/insight/programmes/{world['a'].pk}/{kind}?start=2025-05-01&end=2025-01-01"
    )
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    response = client_for(world["manager_a"]).get(
        f"/api/v1/insight/programmes/{world['a'].pk}/{kind}?start=notadate"
    )
    assert response.status_code == 422
