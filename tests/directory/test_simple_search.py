"""The directory's own search: filters, text, place by distance or area, remote services."""

from __future__ import annotations

import pytest

from linkwork.directory.search_backend import SearchParams, search
from linkwork.directory.simple_search import simple_search
from tests.directory import factories as f

pytestmark = pytest.mark.django_db


def ids(page):  # type: ignore[no-untyped-def]
    return [h.service_id for h in page.hits]


def test_text_matches_name_description_and_category_synonyms() -> None:
    walk = f.ServiceFactory(name="Tuesday Strollers", description="A gentle walk")
    chat = f.ServiceFactory(name="Chatterbox", categories=["befriending"])
    f.ServiceFactory(name="Debt clinic")
    assert ids(simple_search(SearchParams(q="walk"))) == [walk.id]
    # "lonely" is a synonym of social connection and befriending
    assert ids(simple_search(SearchParams(q="lonely"))) == [chat.id]


def test_inactive_services_are_hidden_unless_asked() -> None:
    gone = f.ServiceFactory(status="defunct")
    assert ids(simple_search(SearchParams())) == []
    assert ids(simple_search(SearchParams(include_inactive=True))) == [gone.id]


def test_structured_filters() -> None:
    a = f.ServiceFactory(name="A", categories=["food"], is_free=True, delivery_online=True)
    b = f.ServiceFactory(name="B", categories=["debt"], minimum_age=18)
    f.open_on(a, "MO,WE")
    f.speak(b, "pl", "Polish")
    sat = f.place_service(b)
    f.accessible(sat.location, "step_free")
    assert ids(simple_search(SearchParams(categories=("food",)))) == [a.id]
    assert ids(simple_search(SearchParams(free_only=True))) == [a.id]
    assert ids(simple_search(SearchParams(delivery_modes=("online",)))) == [a.id]
    assert ids(simple_search(SearchParams(open_on=3))) == [a.id]
    assert ids(simple_search(SearchParams(open_on=2))) == []
    assert ids(simple_search(SearchParams(languages=("pl",)))) == [b.id]
    assert ids(simple_search(SearchParams(accessibility=("step_free",)))) == [b.id]
    assert ids(simple_search(SearchParams(age=16))) == [a.id]
    assert ids(simple_search(SearchParams(organisation_id=b.organization_id))) == [b.id]


def test_place_search_sorts_by_distance_and_keeps_remote_and_area_services() -> None:
    f.postcode("PH1 5PH")
    near = f.ServiceFactory(name="Near")
    f.place_service(near, "PH2 8BX")
    here = f.ServiceFactory(name="Here")
    f.place_service(here, "PH1 5PH")
    far = f.ServiceFactory(name="Far")
    f.place_service(far, "DG1 2BD")
    phone = f.ServiceFactory(name="Helpline", delivery_in_person=False, delivery_phone=True)
    regional = f.ServiceFactory(name="Regional")
    f.serve_area(regional, "S08000030", "health_board")
    national = f.ServiceFactory(name="National")
    f.serve_area(national, "S92000003", "scotland")
    page = search(SearchParams(postcode="PH1 5PH", distance_km=5))
    assert ids(page)[:2] == [here.id, near.id]
    assert set(ids(page)) == {here.id, near.id, phone.id, regional.id, national.id}
    assert far.id not in ids(page)
    assert page.hits[0].distance_m is not None and page.hits[0].distance_m < 100
    assert 1000 < page.hits[1].distance_m < 3000
    assert page.hits[-1].distance_m is None


def test_area_restriction() -> None:
    perth = f.ServiceFactory(name="Perth group")
    f.place_service(perth, "PH1 5PH")
    stirling = f.ServiceFactory(name="Stirling group")
    f.place_service(stirling, "FK8 2ET")
    assert ids(simple_search(SearchParams(area_codes=("S12000030",)))) == [stirling.id]


def test_paging() -> None:
    for i in range(5):
        f.ServiceFactory(name=f"S{i}")
    page = simple_search(SearchParams(page=2, per_page=2))
    assert page.total == 5 and len(page.hits) == 2
