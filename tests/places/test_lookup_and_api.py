"""Postcode lookup, as a function and as the public API."""

from __future__ import annotations

import pytest
from django.test import Client

from linkwork.places.selectors import (
    InvalidPostcode,
    PlaceRecord,
    UnknownPostcode,
    lookup_postcode,
)
from tests.places.factories import PostcodeFactory

pytestmark = pytest.mark.django_db


def test_lookup_gives_the_place_record_in_one_query(django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    PostcodeFactory()
    with django_assert_num_queries(1):
        place = lookup_postcode(" dg1  1aa ")
    assert place == PlaceRecord(
        postcode="DG1 1AA",
        latitude=55.069708,
        longitude=-3.609592,
        data_zone_code="S01007612",
        data_zone_name="",
        simd_rank=392,
        simd_decile=1,
        simd_quintile=1,
        simd_version="2020v2",
        council_area_code="S12000006",
        council_area_name="Dumfries and Galloway",
        health_board_code="S08000017",
        health_board_name="Dumfries and Galloway",
        hscp_code="S37000006",
        hscp_name="Dumfries and Galloway",
        terminated="",
    )
    assert place.area_codes == ["S12000006", "S08000017", "S37000006"]


def test_a_postcode_without_a_data_zone_has_no_deprivation() -> None:
    PostcodeFactory(postcode="G2 1AL", data_zone=None, latitude=55.860452, longitude=-4.248581)
    place = lookup_postcode("G21AL")
    assert place.data_zone_code == ""
    assert place.simd_quintile is None and place.simd_version == ""
    assert place.council_area_code == "S12000006"


def test_lookup_of_a_malformed_postcode_raises_invalid_postcode() -> None:
    with pytest.raises(InvalidPostcode, match="not a postcode"):
        lookup_postcode("hello")


def test_lookup_of_an_unknown_postcode_raises_unknown_postcode() -> None:
    PostcodeFactory()
    with pytest.raises(UnknownPostcode, match="We do not know the postcode EH1 1AB"):
        lookup_postcode("eh11ab")


def test_api_answers_the_place_record_to_anyone(client: Client) -> None:
    PostcodeFactory()
    response = client.get("/api/v1/places/postcodes/dg11aa")
    assert response.status_code == 200
    body = response.json()
    assert body["postcode"] == "DG1 1AA"
    assert body["data_zone_code"] == "S01007612"
    assert (body["simd_decile"], body["simd_quintile"]) == (1, 1)
    assert body["hscp_name"] == "Dumfries and Galloway"


def test_api_accepts_a_spaced_postcode(client: Client) -> None:
    PostcodeFactory()
    assert client.get("/api/v1/places/postcodes/DG1%201AA").json()["postcode"] == "DG1 1AA"


def test_api_answers_400_problem_for_a_malformed_postcode(client: Client) -> None:
    response = client.get("/api/v1/places/postcodes/not-a-postcode")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 400
    assert "not a postcode" in body["detail"]


def test_api_answers_404_problem_for_an_unknown_postcode(client: Client) -> None:
    response = client.get("/api/v1/places/postcodes/EH1%201AB")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"].startswith("We do not know the postcode EH1 1AB")


def test_api_is_in_the_openapi_document(client: Client) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/places/postcodes/{postcode}" in paths
