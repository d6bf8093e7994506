"""The search page on a phone and for telling results apart: the town of every result, the
short search first with the other filters folded away, and postcodes outside the loaded
areas explained rather than called wrong."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.directory import factories as f

pytestmark = pytest.mark.django_db


def test_every_result_says_where_it_is(client: Client) -> None:
    perth = f.ServiceFactory(name="Walk and talk")
    f.place_service(perth, "PH2 8BX")
    dumfries = f.ServiceFactory(name="Walk and talk")
    f.place_service(dumfries, "DG1 2BD")
    html = client.get("/services/", {"q": "walk"}).content.decode()
    assert html.count('class="app-result__place"') == 2
    assert "PH2 8BX" in html and "DG1 2BD" in html


def test_result_places_take_a_fixed_number_of_queries(client: Client) -> None:
    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            client.get("/services/", {"q": "walk"})
        return len(ctx.captured_queries)

    f.place_service(f.ServiceFactory(name="Walk one"), "PH2 8BX")
    few = count()
    for n in range(8):
        f.place_service(f.ServiceFactory(name=f"Walk {n}"), "DG1 2BD")
    assert count() == few


def test_filters_fold_away_once_there_are_results(client: Client) -> None:
    f.place_service(f.ServiceFactory(name="Walk one"), "PH2 8BX")
    first = client.get("/services/").content.decode()
    assert '<details class="ds_details app-filters" open>' in first
    results = client.get("/services/", {"q": "walk"}).content.decode()
    assert '<details class="ds_details app-filters">' in results
    assert results.index('id="id_q"') < results.index("app-filters")
    filtered = client.get("/services/", {"q": "walk", "free": "on"}).content.decode()
    assert '<details class="ds_details app-filters" open>' in filtered


def test_postcode_outside_the_loaded_areas_is_explained(client: Client) -> None:
    f.postcode("PH1 5PH")
    html = client.get("/services/", {"postcode": "EH1 1RE"}).content.decode()
    assert "Postcodes around EH1 are not loaded in this copy of Linkwork yet" in html
    assert "linkwork load-places" in html and "Postcode areas loaded now: PH." in html


def test_service_page_key_facts_without_stray_brackets_and_with_directions(client: Client) -> None:
    service = f.ServiceFactory(name="Tea dance", minimum_age=60, eligibility_description="")
    f.place_service(service, "PH2 8BX")
    page = client.get(f"/services/{service.id}/").content.decode()
    assert "aged 60 or over" in page and "(aged 60" not in page
    assert "openstreetmap.org/directions?to=" in page and "Map and directions" in page
