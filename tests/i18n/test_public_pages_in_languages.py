"""Every public page in every offered language: the browser's first language chooses it,
`<html lang>` and `dir` say it, no text the catalogues know is left in English, the switcher
offers each language in itself and keeps the page."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.test import Client, RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from tests.i18n.catalogues import TRANSLATED, catalogue, is_translated
from tests.i18n.pages import fetch, public_world, visible_texts

pytestmark = pytest.mark.django_db

RTL = {"ar"}
#: Text that matches a catalogue message but is not ours to translate here: the consultation's
#: own questions and choices, written by the programme and translated by it on the builder
#: (the test world gives no translation; tests/engagement/test_consultation_languages.py).
NOT_OURS = {"consultation": {"Yes", "No", "Link worker", "Family"}}
NOT_OURS["consultation easy read"] = NOT_OURS["consultation"]


def _known_english(language: str) -> dict[str, str]:
    """msgid -> translation for every singular message in the language's catalogue."""
    return {
        m.id: (m.string if is_translated(m) else "")
        for m in catalogue(language)
        if m.id and isinstance(m.id, str) and not m.context
    }


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_public_page_is_in_the_language(language: str) -> None:
    pages = public_world()
    known = _known_english(language)
    problems: list[str] = []
    for page in pages:
        english = set(visible_texts(fetch(Client(), page, "en-GB,en;q=0.8")))
        html = fetch(Client(), page, f"{language},en;q=0.5")
        direction = "rtl" if language in RTL else "ltr"
        if f'<html lang="{language}" dir="{direction}">' not in html:
            problems.append(f"{page.name}: <html lang/dir> is not {language}/{direction}")
        for text in visible_texts(html):
            # Shown in English although the catalogue has (or should have) a translation.
            if text in NOT_OURS.get(page.name, set()):
                continue
            if text in english and text in known and known[text] != text:
                problems.append(f"{page.name}: untranslated {text!r}")
    assert not problems, "\n".join(sorted(set(problems)))


def test_english_pages_are_left_to_right_english() -> None:
    html = Client().get("/", HTTP_ACCEPT_LANGUAGE="en-GB").content.decode()
    assert '<html lang="en-gb" dir="ltr">' in html
    assert "design-system.min.css" in html and "design-system.rtl.min.css" not in html


def test_arabic_pages_load_the_mirrored_design_system() -> None:
    html = Client().get("/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert '<html lang="ar" dir="rtl">' in html and "design-system.rtl.min.css" in html


def test_switcher_names_each_language_in_itself_with_its_lang() -> None:
    html = Client().get("/services/?q=walk", HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    for code, name in settings.LANGUAGES:
        assert re.search(rf'lang="{code}"[^>]*>{name}<', html), code
    assert 'name="next" type="hidden" value="/services/?q=walk"' in html
    assert 'aria-current="true">Polski<' in html


def test_switching_language_keeps_the_page_and_is_remembered() -> None:
    client = Client()
    response = client.post(
        "/i18n/setlang/",
        {"language": "uk", "next": "/services/?q=walk"},
        HTTP_ACCEPT_LANGUAGE="en-GB",
    )
    assert response.status_code == 302 and response["Location"] == "/services/?q=walk"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "uk"
    # The cookie wins over the browser's Accept-Language from then on.
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB").content.decode()
    assert '<html lang="uk" dir="ltr">' in html


def test_phone_numbers_and_postcodes_stay_left_to_right_in_arabic() -> None:
    pages = {p.name: p for p in public_world()}
    html = fetch(Client(), pages["service"], "ar")
    assert '<bdi dir="ltr">01738 123456</bdi>' in html
    assert '<bdi dir="ltr">PH2 8BX</bdi>' in html


def test_the_server_error_page_stands_alone_in_the_readers_language() -> None:
    """500.html has no request context (Django renders it bare), so it does not extend
    base.html; it still says its language and direction and loads the mirrored styles."""
    with translation.override("ar"):
        html = server_error(RequestFactory().get("/")).content.decode()
    assert '<html lang="ar" dir="rtl">' in html and "design-system.rtl.min.css" in html
    assert "عذرًا، حدث خطأ ما" in html and "NHS 24" in html
