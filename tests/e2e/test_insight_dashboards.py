"""A programme manager opens every insight dashboard, uses the gaps map by keyboard and
downloads the PDF report; axe checks every page."""

from __future__ import annotations

import random
from typing import Any

import pytest

from linkwork.places.models import HSCP
from tests.insight import factories as f

pytestmark = pytest.mark.django_db(transaction=True)

SQUARE = {
    "type": "Polygon",
    "coordinates": [[[-4.3, 55.8], [-4.1, 55.8], [-4.1, 55.9], [-4.3, 55.9], [-4.3, 55.8]]],
}


def sign_in(page: Any, username: str) -> None:
    """The shared sign-in, second factor included."""
    from tests.e2e.conftest import sign_in as sign_in_with_two_factors

    sign_in_with_two_factors(page, username)


def test_manager_reads_every_dashboard_uses_the_map_and_downloads_the_report(page):
    programme = f.programme("Community Links")
    f.populated(programme, random.Random(5), people=40)
    HSCP.objects.filter(code="S37999901").update(boundary=SQUARE)
    f.manager(programme, username="pm")
    sign_in(page, "pm")

    page.goto("/insight/")
    assert page.page.get_by_role("heading", level=1).inner_text() == "Insight"
    nav = page.page.get_by_role("navigation", name="Insight dashboards")
    for name, heading in [
        ("Activity", "Activity"),
        ("Reach and inequalities", "Reach and inequalities"),
        ("Outcomes", "Outcomes"),
        ("Gaps", "Gaps: need and local support"),
        ("Programme report", "Programme report"),
    ]:
        nav.get_by_role("link", name=name, exact=True).click()
        page.page.wait_for_load_state("load")
        page.check_accessibility()
        assert page.page.get_by_role("heading", level=1).inner_text() == heading

    # Reach: the table alternative and the chart, drawn on the server as SVG
    nav.get_by_role("link", name="Reach and inequalities", exact=True).click()
    page.page.wait_for_load_state("load")
    assert page.page.locator("caption", has_text="SIMD quintile").count() >= 1
    page.page.locator(".app-insight-chart svg").first.wait_for(state="attached")

    # Gaps: the map, by keyboard
    page.page.get_by_role("navigation", name="Insight dashboards").get_by_role(
        "link", name="Gaps", exact=True
    ).click()
    page.page.wait_for_load_state("load")
    page.page.get_by_label("Areas").select_option("hscp")
    page.page.get_by_role("button", name="Show").click()
    page.page.wait_for_load_state("load")
    page.check_accessibility()
    area = page.page.get_by_role("button", name="Test HSCP:")
    area.wait_for(state="attached")
    area.focus()
    page.page.keyboard.press("Enter")
    status = page.page.locator("#gaps-map-status")
    assert "Test HSCP" in status.inner_text()
    assert "people referred per 1,000 residents" in status.inner_text()
    assert page.page.locator(".leaflet-popup-content").inner_text().startswith("Test HSCP")
    # the sortable table is the alternative
    page.page.get_by_role("link", name="Residents").click()
    page.page.wait_for_load_state("load")
    page.check_accessibility()

    # Report: download the PDF
    page.page.get_by_role("navigation", name="Insight dashboards").get_by_role(
        "link", name="Programme report", exact=True
    ).click()
    page.page.wait_for_load_state("load")
    with page.page.expect_download() as info:
        page.page.get_by_role("link", name="Download the report (PDF)").click()
    download = info.value
    assert download.suggested_filename == "programme-report.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"
