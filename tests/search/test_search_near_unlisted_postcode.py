"""The search engine places a postcode the places data does not list near its sector
(decision 0015): in-reach services are found and the person is told the place is approximate."""

from __future__ import annotations

import pytest

from linkwork.directory.search_backend import SearchParams
from linkwork.search.engine import reset_places, search
from tests.directory.factories import ServiceFactory, place_service

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_unlisted_postcode_searches_near_its_sector_and_says_so() -> None:
    reset_places()
    near = ServiceFactory(name="Perth walking group", categories=["physical-activity"])
    place_service(near, "PH1 5PH")
    far = ServiceFactory(name="Kirkwall walking group", categories=["physical-activity"])
    place_service(far, "KW15 1NX")
    page = search(SearchParams(q="walking group", postcode="PH1 5ZZ"))
    assert [h.service_id for h in page.hits] == [near.id]
    assert page.notes == [
        "We do not know the postcode PH1 5ZZ exactly: showing what is near PH1 5."
    ]
