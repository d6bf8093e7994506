"""POST /api/v1/outcomes/score and GET /api/v1/outcomes/instruments (public: no personal data)."""

from __future__ import annotations

import json

import pytest
from django.test import Client

URL = "/api/v1/outcomes/score"


def post(client: Client, body: dict):
    return client.post(URL, data=json.dumps(body), content_type="application/json")


def test_score_returns_the_same_result_as_the_command(client: Client) -> None:
    response = post(client, {"instrument": "phq9", "answers": [1, 2, 1, 2, 1, 2, 1, 2, 0]})
    assert response.status_code == 200
    assert response.json() == {
        "instrument": "phq9",
        "valid": True,
        "scores": {"total": 12},
        "bands": {"total": "moderate"},
        "flags": [],
        "reasons": [],
    }


def test_missing_items_as_null_or_a_string(client: Client) -> None:
    a = post(client, {"instrument": "hads", "answers": [None] + [1] * 13}).json()
    b = post(client, {"instrument": "hads", "answers": ",1,1,1,1,1,1,1,1,1,1,1,1,1"}).json()
    assert a == b
    assert a["scores"] == {"anxiety": 7, "depression": 7}
    assert a["reasons"]


@pytest.mark.parametrize(
    "answers,message,item",
    [
        ([1, 2, 1, 2, 1, 2, 1, 2, 9], "item 9 (self harm): 9 is out of range", 9),
        ([1, 2, 1.5, 2, 1, 2, 1, 2, 0], "item 3 (sleep): 1.5 is not a whole number", 3),
        ([1, 2], "PHQ-9 has 9 items but 2 answers were given", None),
    ],
)
def test_invalid_answers_are_a_problem_naming_the_item(
    client: Client, answers: list, message: str, item: int | None
) -> None:
    response = post(client, {"instrument": "phq9", "answers": answers})
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert message in response.json()["detail"]
    assert response.json()["item"] == item


def test_unknown_instrument_is_404(client: Client) -> None:
    response = post(client, {"instrument": "beck", "answers": [1]})
    assert response.status_code == 404


def test_instruments_list_carries_licences_and_sources(client: Client) -> None:
    response = client.get("/api/v1/outcomes/instruments")
    assert response.status_code == 200
    by_code = {i["code"]: i for i in response.json()}
    assert by_code["wemwbs"]["wording_included"] is False
    assert by_code["phq9"]["wording_included"] is True
    assert by_code["hads"]["scores"][0]["bands"][0] == {"label": "normal", "min": 0, "max": 7}
    assert by_code["phq9"]["scores"][0]["minimal_important_difference"] == 5
    assert all(i["citation"] and i["missing_rule_source"] for i in by_code.values())


def test_one_instrument(client: Client) -> None:
    assert client.get("/api/v1/outcomes/instruments/gad7").json()["items"] == 7
    assert client.get("/api/v1/outcomes/instruments/nope").status_code == 404
