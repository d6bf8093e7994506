"""The hybrid engine behind /services/, HSDS ?search= and /api/v1/search."""

from __future__ import annotations

import pytest

from linkwork.directory.models import Service
from linkwork.directory.search_backend import SearchParams, search
from linkwork.search.models import SearchDocument
from tests.directory.factories import (
    ServiceFactory,
    category,
    place_service,
    postcode,
    serve_area,
)

pytestmark = pytest.mark.django_db(transaction=True)


def ids(page) -> list:  # type: ignore[no-untyped-def]
    return [h.service_id for h in page.hits]


def test_saving_a_service_indexes_it_in_the_background() -> None:
    service = ServiceFactory(name="Tuesday Knitting Circle")
    doc = SearchDocument.objects.get(service=service)
    assert "knit" in doc.name_text.split() and doc.embedding
    assert ids(search(SearchParams(q="knitting"))) == [service.id]


def test_editing_and_recategorising_update_the_index() -> None:
    service = ServiceFactory(name="Drop-in")
    service.name = "Grief cafe"
    service.save()
    assert ids(search(SearchParams(q="grief", mode="lexical"))) == [service.id]
    service.categories.add(category("fuel-poverty"))
    assert service.id in ids(search(SearchParams(q="energy bills", mode="lexical")))


def test_deleted_service_leaves_the_index() -> None:
    service = ServiceFactory(name="Chess club")
    service.delete()
    assert not SearchDocument.objects.exists()
    assert search(SearchParams(q="chess")).total == 0


def test_name_outweighs_summary_outweighs_description() -> None:
    in_description = ServiceFactory(name="Hub A", summary="A place.", description="Allotment.")
    in_name = ServiceFactory(name="Allotment Hub", summary="A place.", description="Plots.")
    in_summary = ServiceFactory(name="Hub B", summary="Allotment plots.", description="Plots.")
    ranked = ids(search(SearchParams(q="allotment", mode="lexical")))
    assert ranked == [in_name.id, in_summary.id, in_description.id]


def test_synonyms_find_services_in_their_words() -> None:
    advice = ServiceFactory(name="Welfare Rights Team", summary="Benefit checks and appeals.")
    ServiceFactory(name="Pottery", summary="Clay.")
    assert ids(search(SearchParams(q="I'm skint", mode="lexical"))) == [advice.id]


def test_typos_and_prefixes_still_match() -> None:
    service = ServiceFactory(name="Befriending Scheme")
    assert ids(search(SearchParams(q="befriendng", mode="lexical"))) == [service.id]
    assert ids(search(SearchParams(q="befri", mode="lexical"))) == [service.id]


def test_semantic_mode_finds_meaning_without_shared_words() -> None:
    grief = ServiceFactory(
        name="Cruse", summary="Bereavement counselling after a death.", description=""
    )
    ServiceFactory(name="Cycle repair", summary="Fix your bike.", description="")
    assert ids(search(SearchParams(q="my husband passed away", mode="semantic")))[0] == grief.id


def test_place_filters_by_distance_and_says_how_far() -> None:
    perth = ServiceFactory(name="Perth walking group")
    place_service(perth, "PH2 8BX")
    dumfries = ServiceFactory(name="Dumfries walking group")
    place_service(dumfries, "DG1 2BD")
    postcode("PH1 5PH")
    page = search(SearchParams(q="walking", postcode="PH1 5PH", distance_km=10))
    assert ids(page) == [perth.id]
    assert page.hits[0].distance_m is not None and page.hits[0].distance_m < 3000
    assert any("km away" in w for w in page.hits[0].why)


def test_area_and_remote_services_match_without_distance() -> None:
    phone = ServiceFactory(name="Walking buddies by phone", delivery_phone=True)
    area = ServiceFactory(name="Perthshire walking network")
    serve_area(area, "S12000048")
    elsewhere = ServiceFactory(name="Orkney walking group")
    serve_area(elsewhere, "S12000023")
    place_service(elsewhere, "KW15 1NX")
    postcode("PH1 5PH")
    page = search(SearchParams(q="walking", postcode="PH1 5PH", distance_km=5))
    assert set(ids(page)) == {phone.id, area.id}
    assert all(h.distance_m is None for h in page.hits)


def test_unknown_postcode_gives_a_note_not_an_error() -> None:
    ServiceFactory(name="Walking group")
    page = search(SearchParams(q="walking", postcode="ZZ9 9ZZ"))
    assert page.total == 1 and page.notes


def test_structured_filters_come_from_the_directory() -> None:
    free = ServiceFactory(name="Free choir", is_free=True, categories=["arts-culture"])
    ServiceFactory(name="Paid choir", is_free=False, categories=["arts-culture"])
    ServiceFactory(name="Closed choir", is_free=True, status=Service.Status.INACTIVE)
    assert ids(search(SearchParams(q="choir", free_only=True))) == [free.id]
    assert ids(search(SearchParams(categories=("arts-culture",), free_only=True))) == [free.id]
    assert search(SearchParams(q="choir", exclude_ids=(free.id,))).total == 1


def test_hits_explain_why_they_matched() -> None:
    service = ServiceFactory(name="Loss and grief group", categories=["bereavement"])
    page = search(SearchParams(q="grief since my wife died", explain=True))
    why = " | ".join(page.hits[0].why)
    assert page.hits[0].service_id == service.id
    assert "Matches: grief" in why and "Bereavement" in why and "Ranking:" in why


def test_bulk_imported_services_are_indexed_on_next_search() -> None:
    Service.objects.bulk_create([Service(name="Bulk bowling club", status="active")])
    assert search(SearchParams(q="bowling")).total == 1


def test_paging_and_total() -> None:
    for n in range(5):
        ServiceFactory(name=f"Garden project {n}")
    page = search(SearchParams(q="garden", page=2, per_page=2))
    assert page.total == 5 and len(page.hits) == 2 and page.page == 2


@pytest.mark.parametrize(
    "q", ["", " ", '"', "*", "NEAR(a b)", "a OR", "'; DROP TABLE x; --", "\\", "😀", "日本語"]
)
def test_odd_input_is_answered(q: str) -> None:
    ServiceFactory(name="Walking group")
    page = search(SearchParams(q=q))
    assert page.total >= 0


def test_very_long_input_is_answered() -> None:
    ServiceFactory(name="Walking group")
    assert search(SearchParams(q="walking " * 1300)).hits
