"""Every public page at 320 px in every language, as a phone with that browser language sees
it: axe passes, nothing is wider than the screen, Arabic is laid out right to left (the
mirrored design system), and the switcher changes language and keeps the page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from linkwork.directory import search_backend
from tests.e2e.conftest import CheckedPage, _block_external
from tests.i18n.pages import public_world

pytestmark = pytest.mark.django_db(transaction=True)

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture(autouse=True)
def _simple_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_backend, "_engine", None)


def _phone(browser: Any, live_server: Any, language: str) -> Iterator[CheckedPage]:
    # The first page and the first search load caches (taxonomy, search index) that take many
    # seconds on a busy machine; warm them so the browser's 30 s navigation limit is for pages.
    Client().get("/")
    Client().get("/services/?q=walk")
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 320, "height": 640},
        java_script_enabled=True,
        extra_http_headers={"Accept-Language": language},
    )
    context.route("http*://*/**", _block_external(live_server.url))
    page = context.new_page()
    try:
        yield CheckedPage(page, live_server.url)
    finally:
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_on_a_small_phone(browser: Any, live_server: Any, language: str) -> None:
    pages = [p for p in public_world() if p.post is None]
    for phone in _phone(browser, live_server, language):
        for public in pages:
            phone.goto(public.url)
            html = phone.page.locator("html")
            assert html.get_attribute("lang") == language, public.name
            expected = "rtl" if language == "ar" else "ltr"
            assert html.get_attribute("dir") == expected, public.name
            overflow = phone.page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{public.name} in {language} is {overflow}px wider than 320px"


def test_arabic_is_mirrored(browser: Any, live_server: Any) -> None:
    pages = {p.name: p for p in public_world()}
    for phone in _phone(browser, live_server, "ar"):
        phone.goto(pages["service"].url)
        direction = phone.page.evaluate("getComputedStyle(document.body).direction")
        assert direction == "rtl"
        # The page title's words start at the right edge, the way Arabic is read.
        left, right = phone.page.evaluate(
            """() => { const r = document.createRange();
                 r.selectNodeContents(document.querySelector('h1'));
                 const box = r.getBoundingClientRect(); return [box.left, box.right]; }"""
        )
        assert 320 - right < left, "the heading should sit against the right margin"
        phone_number = phone.page.locator("bdi", has_text="01738 123456")
        assert phone_number.evaluate("e => getComputedStyle(e).direction") == "ltr"


def test_switching_language_keeps_the_page(browser: Any, live_server: Any) -> None:
    public_world()
    for phone in _phone(browser, live_server, "en-GB"):
        phone.goto("/services/?q=walk")
        phone.page.get_by_role("button", name="Polski").click()
        phone.page.wait_for_load_state("load")
        phone.check_accessibility()
        assert phone.page.url.endswith("/services/?q=walk")
        assert phone.page.locator("html").get_attribute("lang") == "pl"
        phone.goto("/")
        assert phone.page.locator("html").get_attribute("lang") == "pl"
