from __future__ import annotations

import pytest

from linkwork.core.context_processors import nav_items_for
from linkwork.core.roles import Role
from tests.core.factories import make_user
from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_page_is_accessible_and_searchable(page):
    page.goto("/")
    assert page.page.get_by_role("heading", level=1).inner_text().startswith("Find help")
    assert page.page.get_by_label("What do you need help with?").is_visible()


def test_link_worker_signs_in_and_sees_their_navigation(page):
    user = make_user(Role.LINK_WORKER, username="lw", password="correct-horse-battery")
    sign_in(page, "lw")  # password, then the authenticator code
    page.page.wait_for_url("**/dashboard/")
    page.check_accessibility()
    expected = [item["label"] for item in nav_items_for(user)]
    if expected:
        nav = page.page.get_by_role("navigation", name="Main navigation")
        for label in expected:
            assert nav.get_by_role("link", name=label).is_visible()
    assert page.page.get_by_text("Signed in as lw").is_visible()
    assert "Link worker" in page.page.locator("main").inner_text()


def test_failed_sign_in_shows_error_summary(page):
    page.goto("/accounts/login/")
    page.page.get_by_label("Username").fill("nobody")
    page.page.get_by_label("Password").fill("wrong")
    page.page.get_by_role("button", name="Sign in").click()
    page.check_accessibility()
    assert page.page.get_by_role("alert").is_visible()
