"""GET /api/v1/search (public) and POST /api/v1/match (link workers)."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from linkwork.core.roles import Role
from tests.core.factories import make_user
from tests.directory.factories import ServiceFactory, place_service, postcode

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def services() -> dict:
    grief = ServiceFactory(
        name="Grief support group",
        summary="Meet others after a death.",
        categories=["bereavement"],
        organization__name="Cruse Perth",
    )
    place_service(grief, "PH2 8BX")
    walk = ServiceFactory(name="Health walks", categories=["physical-activity"])
    place_service(walk, "PH2 8BX")
    money = ServiceFactory(name="Welfare rights advice", categories=["money-advice"])
    money.delivery_phone = True
    money.save()
    postcode("PH1 5PH")
    return {"grief": grief, "walk": walk, "money": money}


def test_search_answers_the_documented_shape(client: Client, services: dict) -> None:
    r = client.get("/api/v1/search", {"q": "grief", "postcode": "ph15ph", "distance": 10})
    assert r.status_code == 200
    body = r.json()
    assert set(body) == {"results", "total", "page", "per_page", "notes"}
    first = body["results"][0]
    assert set(first) == {
        "id",
        "name",
        "description",
        "language",
        "organisation",
        "distance_m",
        "score",
        "why",
    }
    assert first["language"] is None  # English: the original text
    assert first["id"] == str(services["grief"].id)
    assert first["organisation"] == "Cruse Perth" and 0 < first["distance_m"] < 3000
    assert body["page"] == 1 and body["total"] >= 1


def test_search_filters_match_the_public_page(client: Client, services: dict) -> None:
    r = client.get("/api/v1/search", {"category": "physical-activity"})
    assert [x["id"] for x in r.json()["results"]] == [str(services["walk"].id)]
    r = client.get("/api/v1/search", {"q": "advice", "delivery": "phone", "explain": "true"})
    assert [x["id"] for x in r.json()["results"]] == [str(services["money"].id)]
    assert any(w.startswith("Ranking") for w in r.json()["results"][0]["why"])


def test_search_query_count_does_not_grow_with_results(
    client: Client, services: dict, django_assert_max_num_queries
) -> None:
    for n in range(12):
        ServiceFactory(name=f"Walking group {n}")
    client.get("/api/v1/search", {"q": "walking"})  # warm the in-memory index
    with django_assert_max_num_queries(12):
        r = client.get("/api/v1/search", {"q": "walking", "per_page": 50})
    assert r.json()["total"] == 13


@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {"q": "x" * 10_000},
        {"q": "ich brauche Hilfe mit Geld"},
        {"q": "😀🙏 lonely 💔"},
        {"q": '"money" NEAR(advice) OR * \' \\ -- ;'},
        {"q": "walking", "page": 999},
    ],
)
def test_odd_but_valid_input_is_answered(client: Client, services: dict, params: dict) -> None:
    r = client.get("/api/v1/search", params)
    assert r.status_code == 200 and "results" in r.json()


@pytest.mark.parametrize(
    ("params", "where"),
    [
        ({"q": "x" * 10_001}, "q"),
        ({"q": "walk", "postcode": "NOT A POSTCODE"}, "postcode"),
        ({"q": "walk", "postcode": "ZE9 9ZZ"}, "postcode"),
        ({"q": "walk", "postcode": "PH1 5PH", "distance": 0}, "distance"),
        ({"q": "walk", "postcode": "PH1 5PH", "distance": 5000}, "distance"),
        ({"q": "walk", "distance": 5}, "distance"),
        ({"page": 0}, "page"),
        ({"per_page": 1000}, "per_page"),
        ({"age": -1}, "age"),
        ({"delivery": "teleport"}, "delivery"),
        ({"organisation": "not-a-uuid"}, "organisation"),
    ],
)
def test_bad_input_is_a_problem_not_a_crash(
    client: Client, services: dict, params: dict, where: str
) -> None:
    r = client.get("/api/v1/search", params)
    assert r.status_code == 422, r.content
    assert r["Content-Type"] == "application/problem+json"
    assert where in json.dumps(r.json()["errors"])


def _match(client: Client, body: dict):  # type: ignore[no-untyped-def]
    return client.post("/api/v1/match", json.dumps(body), content_type="application/json")


def test_match_groups_by_need_and_leaves_out_services_tried(client: Client, services: dict) -> None:
    client.force_login(make_user(Role.LINK_WORKER))
    text = "Since my wife died I sit alone, and money is really tight."
    r = _match(client, {"text": text, "postcode": "PH1 5PH"})
    assert r.status_code == 200
    needs = {n["need"]: n for n in r.json()["needs"]}
    assert {"bereavement", "money-advice"} <= set(needs)
    assert needs["bereavement"]["results"][0]["id"] == str(services["grief"].id)
    tried = _match(client, {"text": text, "exclude_service_ids": [str(services["grief"].id)]})
    ids = {x["id"] for n in tried.json()["needs"] for x in n["results"]}
    assert str(services["grief"].id) not in ids


def test_match_is_for_link_workers_only(client: Client, services: dict) -> None:
    body = {"text": "I feel lonely"}
    assert _match(client, body).status_code == 401  # outsider
    client.force_login(make_user(Role.PRACTICE_STAFF))  # a colleague in another role
    assert _match(client, body).status_code == 403
    client.force_login(make_user(Role.LINK_WORKER))
    assert _match(client, body).status_code == 200


@pytest.mark.parametrize(
    "body", [{"text": ""}, {"text": "x" * 10_001}, {"text": "hi", "postcode": "nope"}, {}]
)
def test_match_bad_input_is_a_problem(client: Client, services: dict, body: dict) -> None:
    client.force_login(make_user(Role.LINK_WORKER))
    r = _match(client, body)
    assert r.status_code == 422 and r["Content-Type"] == "application/problem+json"
