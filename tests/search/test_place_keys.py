"""Place keys narrow a search to a place without ever leaving out a service near it."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkwork.places.geo import distance_m
from linkwork.search import vocabulary
from linkwork.search.place_keys import (
    REMOTE,
    SCOTLAND,
    area_key,
    document_keys,
    is_place_key,
    search_keys,
)
from tests.directory.factories import ServiceFactory, place_service

lat = st.floats(54.5, 61.0)
lon = st.floats(-8.0, -0.5)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)  # a busy CI machine
@given(lat, lon, lat, lon, st.sampled_from([0.1, 1, 5, 10, 20, 49.9, 80, 150, 200]))
def test_every_service_within_the_distance_shares_a_key_with_the_search(
    s_lat: float, s_lon: float, p_lat: float, p_lon: float, km: float
) -> None:
    service = set(document_keys(s_lat, s_lon, remote=False, area_codes=()).split())
    search = set(search_keys(p_lat, p_lon, km, ()))
    if distance_m(p_lat, p_lon, s_lat, s_lon) <= km * 1000:
        assert service & search


def test_remote_and_area_services_match_any_place_they_serve() -> None:
    phone = set(document_keys(None, None, remote=True, area_codes=()).split())
    perth = set(document_keys(None, None, remote=False, area_codes=["S12000048"]).split())
    national = set(document_keys(None, None, remote=False, area_codes=["S92000003"]).split())
    keys = set(search_keys(56.39, -3.43, 5, ["S12000048", "S37000033"]))
    assert phone == {REMOTE} and phone & keys
    assert perth & keys
    assert national == {SCOTLAND} and national & keys
    assert not perth & set(search_keys(55.07, -3.6, 5, ["S12000006"]))


def test_a_search_uses_few_keys_at_any_distance() -> None:
    for km in (1, 10, 30, 100, 200):
        cells = [k for k in search_keys(56.4, -3.4, km, ()) if k not in {REMOTE, SCOTLAND}]
        assert 1 <= len(cells) <= 16


def test_keys_are_single_words_that_no_language_uses() -> None:
    keys = document_keys(-0.05, -179.9, remote=True, area_codes=["S12000048", "x y"]).split()
    assert all(k.isalnum() and k.islower() and is_place_key(k) for k in keys)
    assert area_key("S92000003") == SCOTLAND
    assert not any(is_place_key(w) for w in ["zebra", "zany", "zumba", "zcash", "zoom"])


@pytest.mark.django_db(transaction=True)
def test_place_keys_stay_out_of_the_vocabulary_typos_are_corrected_from() -> None:
    place_service(ServiceFactory(name="Zumba class"), "PH1 5PH")
    terms = vocabulary.terms()
    assert "zumba" in terms
    assert not [t for t in terms if is_place_key(t)]
