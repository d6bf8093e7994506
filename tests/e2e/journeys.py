"""Helpers for the everyday-use browser journeys: one sign-in function (so a second sign-in
step such as a one-time code is added in one place), navigation through the menu only, and
axe including the ``region`` rule (every piece of content inside a landmark)."""

from __future__ import annotations

from typing import Any

PASSWORD = "correct-horse-battery"
PHONE = {"width": 375, "height": 800}
NARROWEST = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 900}


def sign_in(page: Any, username: str, password: str = PASSWORD) -> None:
    """Sign in through the sign-in page with the second factor (the one place a journey types
    a URL): the shared browser sign-in of tests/e2e/conftest.py, then the region check."""
    from tests.e2e.conftest import sign_in as sign_in_with_two_factors

    sign_in_with_two_factors(page, username, password)
    check_regions(page)


def check_regions(page: Any) -> None:
    """axe's ``region`` rule (moderate, so the shared check does not fail on it)."""
    from axe_playwright_python.sync_playwright import Axe

    page.check_accessibility()
    results = Axe().run(page.page, options={"runOnly": ["region"]})
    found = results.response["violations"]
    assert not found, f"content outside landmarks on {page.page.url}: " + str(
        [n["target"] for v in found for n in v["nodes"][:5]]
    )


def open_menu_item(page: Any, name: str) -> None:
    """Follow a main menu entry: on a phone through the menu button, as a person would."""
    p = page.page
    button = p.get_by_role("button", name="Menu")
    if button.is_visible():
        if button.get_attribute("aria-expanded") != "true":
            button.click()
        p.locator("#mobile-navigation").get_by_role("link", name=name, exact=True).click()
    else:
        p.get_by_role("navigation", name="Main navigation").get_by_role(
            "link", name=name, exact=True
        ).click()
    p.wait_for_load_state("load")
    check_regions(page)


def follow(page: Any, name: str, *, role: str = "link") -> None:
    page.page.get_by_role(role, name=name).first.click()
    page.page.wait_for_load_state("load")
    check_regions(page)
