"""Place decides what is in reach, relevance decides the order, distance only breaks
near-ties; a place named in the words is used without a postcode; reasons never claim a word
that the service does not have."""

from __future__ import annotations

import pytest

from linkwork.directory.models import Address, Service
from linkwork.directory.search_backend import SearchPage, SearchParams, search
from linkwork.search.indexing import rebuild_index
from tests.directory.factories import ServiceFactory, place_service, postcode, serve_area

pytestmark = pytest.mark.django_db(transaction=True)

PERTH = "PH1 5PH"


def ids(page: SearchPage) -> list:
    return [h.service_id for h in page.hits]


def near(q: str, code: str = PERTH, **more: object) -> SearchPage:
    pc = postcode(code)
    return search(
        SearchParams(q=q, postcode=code, latitude=pc.latitude, longitude=pc.longitude, **more)  # type: ignore[arg-type]
    )


def remote(
    name: str, description: str, *, area: str | None = None, kind: str = "council_area"
) -> Service:
    service = ServiceFactory(
        name=name,
        description=description,
        summary="",
        delivery_in_person=False,
        delivery_phone=True,
    )
    if area:
        serve_area(service, area, kind)
    return service


def in_town(name: str, description: str, code: str, town: str) -> Service:
    service = ServiceFactory(name=name, description=description, summary="")
    sat = place_service(service, code)
    Address.objects.filter(location=sat.location).update(city=town)
    return service


def test_scotland_wide_phone_lines_are_in_reach_and_other_areas_services_are_not() -> None:
    postcode("DG1 2BD")
    national = remote(
        "Energy advice line",
        "Help with heating bills and energy debt by phone.",
        area="S92000003",
        kind="scotland",
    )
    ours = remote(
        "Perth energy advice", "Phone advice on heating bills and fuel debt.", area="S12000048"
    )
    theirs = remote(
        "Dumfries energy advice", "Phone advice on heating bills and fuel debt.", area="S12000006"
    )
    far = in_town(
        "Dumfries fuel bank", "Help with heating bills and fuel debt.", "DG1 2BD", "Dumfries"
    )
    rebuild_index()
    found = ids(near("cant pay my heating bill"))
    assert national.id in found and ours.id in found
    assert theirs.id not in found, "a service for another council area's residents"
    assert far.id not in found, "an in-person service 130 km away"


def test_relevance_orders_and_a_nearby_unrelated_service_does_not_jump_ahead() -> None:
    youth = in_town("Youth club", "Games, sport and a tuck shop for teenagers.", PERTH, "Perth")
    fuel = in_town(
        "Warm homes advice",
        "Advice when you cannot pay your heating or energy bills, and fuel vouchers.",
        "PH2 8BX",
        "Perth",
    )
    rebuild_index()
    page = near("can't pay my heating")
    found = ids(page)
    assert found[0] == fuel.id
    assert youth.id not in found[:1]


def test_distance_breaks_a_tie_between_equally_relevant_services() -> None:
    description = "A weekly walking group for anyone, at an easy pace."
    further = in_town("Walking group", description, "PH2 8BX", "Perth")
    nearer = in_town("Walking group", description, PERTH, "Perth")
    rebuild_index()
    assert ids(near("walking group"))[:2] == [nearer.id, further.id]


def test_a_town_named_in_the_words_is_used_without_a_postcode() -> None:
    postcode("DG1 2BD")
    perth = in_town("Perth food bank", "Emergency food parcels.", PERTH, "Perth")
    dumfries = in_town("Dumfries food bank", "Emergency food parcels.", "DG1 2BD", "Dumfries")
    rebuild_index()
    page = search(SearchParams(q="food parcels Dumfries"))
    assert ids(page)[0] == dumfries.id
    assert perth.id not in ids(page)
    assert any("Dumfries" in note for note in page.notes)


def test_a_misspelt_need_still_finds_the_service_and_says_no_word_it_lacks() -> None:
    befriending = in_town(
        "Befriending service",
        "A volunteer visits or calls people who are lonely or isolated.",
        PERTH,
        "Perth",
    )
    in_town("Bike repair", "Fix your bicycle with our mechanics.", PERTH, "Perth")
    rebuild_index()
    page = near("lonley and depressed")
    assert ids(page)[0] == befriending.id
    reasons = " ".join(page.hits[0].why)
    assert "lonley" not in reasons and "depressed" not in reasons


def test_a_service_found_by_meaning_alone_says_so() -> None:
    service = in_town("Men's shed", "Woodwork and a cuppa with other men.", PERTH, "Perth")
    rebuild_index()
    page = near("somewhere for my dad to make friends", mode="semantic")
    hit = next(h for h in page.hits if h.service_id == service.id)
    assert "Related to what you asked" in hit.why
    assert not any(reason.startswith("Matches") for reason in hit.why)


def test_a_misspelt_town_named_in_the_words_is_still_the_place() -> None:
    postcode("DG1 2BD")
    in_town("Perth food bank", "Emergency food parcels.", PERTH, "Perth")
    dumfries = in_town("Dumfries food bank", "Emergency food parcels.", "DG1 2BD", "Dumfries")
    rebuild_index()
    page = search(SearchParams(q="food parcels dumfreis"))
    assert ids(page) == [dumfries.id]
    assert any("Dumfries" in note for note in page.notes)


def test_with_a_named_town_a_local_service_leads_an_equally_relevant_phone_line() -> None:
    postcode("DG1 2BD")
    national = remote(
        "Food parcels line",
        "Emergency food parcels delivered, call us.",
        area="S92000003",
        kind="scotland",
    )
    local = in_town(
        "Food parcels", "Emergency food parcels delivered, call in.", "DG1 2BD", "Dumfries"
    )
    rebuild_index()
    found = ids(search(SearchParams(q="food parcels Dumfries")))
    assert found[:2] == [local.id, national.id]


def test_a_corrected_typo_is_what_the_reasons_show() -> None:
    service = in_town(
        "Money advice", "Help to claim the benefits you are entitled to.", PERTH, "Perth"
    )
    rebuild_index()
    page = near("benifits")
    hit = next(h for h in page.hits if h.service_id == service.id)
    assert any(r.startswith("Matches") and "benefits" in r for r in hit.why), hit.why
    assert "benifits" not in " ".join(hit.why)
