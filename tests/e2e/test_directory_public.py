"""A member of the public finds services by postcode and category, opens one, collects two
in My list and prints it. axe runs on every public directory page."""

from __future__ import annotations

import pytest

from linkwork.directory import search_backend
from tests.directory import factories as f

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _simple_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_backend, "_engine", None)


@pytest.fixture
def services() -> dict:
    f.ensure_taxonomy()
    f.postcode("PH1 5PH")
    walk = f.ServiceFactory(
        name="Perth Strollers",
        summary="A gentle walk every Tuesday",
        categories=["physical-activity"],
        access="drop_in",
        is_free=True,
    )
    sat = f.place_service(walk, "PH2 8BX")
    f.accessible(sat.location, "step_free")
    f.open_on(walk, "TU", "10:00", "11:30")
    walk.phones.create(number="01738 123456")
    yoga = f.ServiceFactory(
        name="Chair Yoga Perth", categories=["physical-activity"], access="self_referral"
    )
    f.place_service(yoga, "PH1 5PH")
    f.open_on(yoga, "FR", "14:00", "15:00")
    far = f.ServiceFactory(name="Dumfries Walkers", categories=["physical-activity"])
    f.place_service(far, "DG1 2BD")
    return {"walk": walk, "yoga": yoga}


def test_public_search_open_add_two_and_print(page, services: dict) -> None:
    p = page.page
    page.goto("/services/")
    p.get_by_label("Postcode").fill("PH1 5PH")
    p.get_by_label("Category").select_option(label="Physical activity")
    p.get_by_label("Distance").select_option(label="10 km")
    p.get_by_role("button", name="Search").click()
    p.wait_for_url("**/services/?*")
    page.check_accessibility()
    results = p.get_by_role("list", name="2 services found")
    assert results.get_by_role("link", name="Perth Strollers").is_visible()
    assert p.get_by_text("Dumfries Walkers").count() == 0

    results.get_by_role("link", name="Chair Yoga Perth").click()
    p.wait_for_url("**/services/*/")
    page.check_accessibility()
    assert p.get_by_role("heading", level=1, name="Chair Yoga Perth").is_visible()
    assert p.get_by_text("Fridays, 2pm to 3pm").is_visible()
    p.get_by_role("button", name="Add to my list").click()
    p.wait_for_load_state("load")
    page.check_accessibility()
    p.go_back()
    p.go_back()
    p.wait_for_load_state("load")
    p.get_by_role("button", name="Add Perth Strollers to my list").click()
    p.wait_for_load_state("load")
    page.check_accessibility()

    page.goto("/my-list/")
    assert p.get_by_role("link", name="Perth Strollers").is_visible()
    assert p.get_by_role("link", name="Chair Yoga Perth").is_visible()
    p.get_by_role("link", name="Print view (A4)").click()
    p.wait_for_url("**/my-list/print/")
    page.check_accessibility()
    assert p.get_by_role("heading", level=1, name="Services for you").is_visible()
    assert p.get_by_role("heading", level=2, name="Perth Strollers").is_visible()
    assert p.get_by_role("heading", level=2, name="Chair Yoga Perth").is_visible()
    assert p.get_by_text("Tuesdays, 10am to 11:30am").is_visible()
    assert p.get_by_role("button", name="Print this page").is_visible()
    p.emulate_media(media="print")
    assert not p.get_by_role("button", name="Print this page").is_visible()
    pdf = p.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_search_with_bad_postcode_shows_error_summary(page, services: dict) -> None:
    p = page.page
    page.goto("/services/?postcode=NOPE")
    summary = p.get_by_role("alert")
    assert summary.get_by_text("There is a problem").is_visible()
    summary.get_by_role("link").first.click()
    assert p.evaluate("document.activeElement.id") == "id_postcode"


def test_every_public_directory_page_passes_axe(page, services: dict) -> None:
    walk = services["walk"]
    for path in (
        "/services/",
        "/services/?q=walk",
        f"/services/{walk.id}/",
        f"/services/{walk.id}/report/",
        f"/organisations/{walk.organization_id}/",
        "/my-list/",
        "/my-list/print/",
        "/widget/",
        "/widget/?category=physical-activity&area=",
        "/widget/services/?category=physical-activity",
    ):
        page.goto(path)
    p = page.page
    page.goto(f"/services/{walk.id}/report/")
    p.get_by_role("button", name="Send report").click()
    p.wait_for_load_state("load")
    page.check_accessibility()
    assert p.get_by_role("alert").is_visible()
