"""The analyst's and the data protection officer's days, at phone width (375 px) and desktop
width, through the menu and links only (no typed addresses after signing in), submitting the
forms they reach, with axe (and its region rule) on every page."""

from __future__ import annotations

import random
from typing import Any

import pytest

from linkwork.core import audit
from linkwork.core.roles import Role
from tests.casework.factories import CommunityOrgFactory, PracticeFactory
from tests.core.factories import make_user
from tests.e2e.conftest import tick
from tests.e2e.journeys import DESKTOP, PHONE, check_regions, follow, open_menu_item, sign_in
from tests.governance.factories import full_record
from tests.insight import factories as f

pytestmark = pytest.mark.django_db(transaction=True)

VIEWPORTS = [pytest.param(PHONE, id="375px"), pytest.param(DESKTOP, id="desktop")]


def _h1(page: Any) -> str:
    return str(page.page.get_by_role("heading", level=1).inner_text())


def _submit(page: Any, name: str) -> None:
    page.page.get_by_role("button", name=name).click()
    page.page.wait_for_load_state("load")
    check_regions(page)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_analyst_day(page: Any, viewport: dict[str, int]) -> None:
    programme = f.programme("Community Links")
    f.populated(programme, random.Random(5), people=30)
    f.analyst(programme, username="analyst")
    p = page.page
    p.set_viewport_size(viewport)
    sign_in(page, "analyst")

    open_menu_item(page, "Insight")
    assert _h1(page) == "Insight"
    p.get_by_text("Filter: period, practice, area, link worker").click()
    _submit(page, "Apply filters")
    assert "Referrals received from" in p.locator("main").inner_text()
    nav = p.get_by_role("navigation", name="Insight dashboards")
    for name, heading in [
        ("Activity", "Activity"),
        ("Reach and inequalities", "Reach and inequalities"),
        ("Outcomes", "Outcomes"),
        ("Gaps", "Gaps: need and local support"),
        ("Programme report", "Programme report"),
    ]:
        nav.get_by_role("link", name=name, exact=True).click()
        p.wait_for_load_state("load")
        check_regions(page)
        assert _h1(page) == heading
    open_menu_item(page, "Outcome measures")
    assert p.get_by_role("heading", level=1).is_visible()
    open_menu_item(page, "Engagement")
    assert p.get_by_role("heading", level=1).is_visible()
    open_menu_item(page, "Network")
    assert p.get_by_role("heading", level=1).is_visible()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_dpo_day(page: Any, viewport: dict[str, int]) -> None:
    practice = PracticeFactory(name="Riverside Medical Practice")
    CommunityOrgFactory(name="Walking Friends")
    person = full_record(practice)
    looker = make_user(Role.LINK_WORKER, username="curious-lw", organisations=(practice,))
    audit.record(audit.Action.VIEW, person, actor=looker)
    make_user(Role.DPO, username="dpo", organisations=(practice,))
    p = page.page
    p.set_viewport_size(viewport)
    sign_in(page, "dpo")

    open_menu_item(page, "Data protection")
    follow(page, "Search the audit log")
    p.get_by_label("Person (record number)").fill(str(person.pk))
    _submit(page, "Search")
    assert p.get_by_role("cell", name="curious-lw").count() >= 1
    p.get_by_label("From (YYYY-MM-DD)").fill("2026-02-01")
    p.get_by_label("To (YYYY-MM-DD)").fill("2026-01-01")
    _submit(page, "Search")
    assert p.get_by_role("alert").is_visible()  # a wrong range is explained, not a 500

    open_menu_item(page, "Data protection")
    follow(page, "Unusual access")
    assert _h1(page) == "Unusual access"
    open_menu_item(page, "Data protection")
    follow(page, "Record of processing activities")
    assert p.get_by_role("cell", name="Art. 9(2)(h) health or social care").count() > 0

    open_menu_item(page, "Data protection")
    follow(page, "Data-sharing agreements")
    follow(page, "Record an agreement")
    p.get_by_label("Title").fill("Walking Friends DSA")
    p.get_by_label("Partner organisation").select_option(label="Walking Friends")
    for label in (
        "Riverside Medical Practice",
        "Referring the person to the partner's service",
        "Name and date of birth",
    ):
        tick(p, label)
    p.get_by_label("Starts on").fill("2026-01-01")
    p.get_by_label("Ends on").fill("2030-12-31")
    p.get_by_label("Status").select_option("active")
    _submit(page, "Save")
    assert p.get_by_role("cell", name="Walking Friends DSA").is_visible()


def test_easy_read_self_referral_at_320px(page: Any) -> None:
    """Reached from the standard form by its link; fits 320 px; mistakes explained; sent."""
    from linkwork.casework.models import Referral
    from tests.e2e.journeys import NARROWEST

    practice = PracticeFactory(name="Riverside Medical Practice")
    make_user(Role.LINK_WORKER, organisations=(practice,))
    p = page.page
    p.set_viewport_size(NARROWEST)
    page.goto("/ask-for-a-link-worker/")
    follow(page, "Easy Read version of this form, with pictures")
    assert _h1(page) == "Ask for a link worker"
    assert p.evaluate("document.documentElement.scrollWidth") <= NARROWEST["width"]
    _submit(page, "Send")
    assert "Write your first name." in p.get_by_role("alert").inner_text()
    p.get_by_label("What is your first name?").fill("Jo")
    p.get_by_label("What is your last name?").fill("Bell")
    p.get_by_label("What is your phone number?").fill("07700 900000")
    p.get_by_label("What is your postcode?").fill("EH1 1AB")
    p.get_by_label("Who is your doctor?").select_option(label="Riverside Medical Practice")
    tick(p, "Money worries or benefits")
    tick(p, "Yes, I want a link worker to contact me.")
    _submit(page, "Send")
    assert _h1(page) == "Thank you"
    assert Referral.objects.filter(person__family_name="Bell").exists()
