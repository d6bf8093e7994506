"""A consultation answered on a 320 px phone in Polish and in Arabic, as a browser with that
first language sees it: the consultation's own words in the reader's language where the
programme translated them and in English (kept left to right) where not, the form's words,
'about you' choices and errors from the catalogue, Easy Read too; nothing wider than the
screen, and axe passes on every page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from linkwork.engagement import forms
from linkwork.engagement.models import ConsultationTranslation, QuestionTranslation, Response
from tests.e2e.conftest import CheckedPage, _block_external, tick
from tests.engagement.factories import ConsultationFactory, with_questions

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _people_take_longer(monkeypatch: pytest.MonkeyPatch) -> None:
    # The browser answers faster than the form's 3-second bot check (tested elsewhere).
    monkeypatch.setattr(forms, "MIN_SECONDS", 0)


def phone(browser: Any, live_server: Any, language: str) -> Iterator[CheckedPage]:
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 320, "height": 640},
        extra_http_headers={"Accept-Language": language},
    )  # fmt: skip
    context.set_default_timeout(60_000)  # the shared test machine can be slow to first paint
    context.route("http*://*/**", _block_external(live_server.url))
    try:
        yield CheckedPage(context.new_page(), live_server.url)
    finally:
        context.close()


def fits(page: CheckedPage) -> None:
    overflow = page.page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.page.url} is {overflow}px wider than 320px"


def translated_consultation() -> Any:
    consultation = ConsultationFactory(title="Getting support", languages=["pl", "ar"])
    questions = with_questions(consultation)
    ConsultationTranslation.objects.create(
        consultation=consultation, language="pl", title="Jak dostać wsparcie",
        consent_text="Użyjemy Twoich odpowiedzi do planowania wsparcia.",
    )  # fmt: skip
    ConsultationTranslation.objects.create(
        consultation=consultation, language="ar", title="الحصول على الدعم"
    )
    QuestionTranslation.objects.create(
        question=questions["open"], language="pl", text="Co Ci przeszkodziło?"
    )
    QuestionTranslation.objects.create(
        question=questions["single"], language="pl", text="Czy dostałeś wsparcie?",
        choices=["Tak", "Nie"],
    )  # fmt: skip
    QuestionTranslation.objects.create(
        question=questions["open"], language="ar", text="ما الذي منعك من الحصول على الدعم؟"
    )
    return consultation


def test_a_polish_reader_answers_on_a_small_phone(browser: Any, live_server: Any) -> None:
    consultation = translated_consultation()
    for page in phone(browser, live_server, "pl"):
        p = page.page
        page.goto(f"/consultations/{consultation.slug}/")
        fits(page)
        assert p.locator("html").get_attribute("lang") == "pl"
        assert p.get_by_role("heading", level=1, name="Jak dostać wsparcie").is_visible()
        p.get_by_label("Co Ci przeszkodziło?").fill("Autobus nie przyjechał")
        tick(p.get_by_role("group", name="Czy dostałeś wsparcie?"), "Nie")
        # A question the programme did not translate is in English, marked as English.
        assert p.locator('legend span[lang="en-gb"]', has_text="What helped?").count() == 1
        # The optional 'about you' questions: translated choices, English values.
        p.get_by_text("Pytania o Ciebie (nieobowiązkowe)").click()
        p.get_by_label("Twoja grupa etniczna").select_option("White Polish")
        assert p.locator('option[value="White Polish"]').inner_text() == "Polska"
        p.get_by_role("button", name="Wyślij moje odpowiedzi").click()
        p.wait_for_load_state("load")
        page.check_accessibility()
        fits(page)
        # No consent yet: the error summary says so in Polish.
        assert p.get_by_role("alert").get_by_text("Zaznacz pole", exact=False).is_visible()
        tick(p, p.locator("label[for=id_consent]").inner_text())
        p.get_by_role("button", name="Wyślij moje odpowiedzi").click()
        p.wait_for_load_state("load")
        page.check_accessibility()
        assert p.locator("html").get_attribute("lang") == "pl"
    response = Response.objects.get()
    assert response.language == "pl" and response.status == "submitted"
    assert response.profile.ethnicity == "White Polish"


def test_an_arabic_reader_sees_the_form_right_to_left(browser: Any, live_server: Any) -> None:
    consultation = translated_consultation()
    for page in phone(browser, live_server, "ar"):
        p = page.page
        for path in (
            f"/consultations/{consultation.slug}/",
            f"/consultations/{consultation.slug}/easy-read/",
        ):
            page.goto(path)
            fits(page)
            assert p.locator("html").get_attribute("dir") == "rtl"
            assert p.evaluate("getComputedStyle(document.body).direction") == "rtl"
            assert p.get_by_label("ما الذي منعك من الحصول على الدعم؟").is_visible()
            english = p.locator('span[lang="en-gb"]', has_text="Did you get support?")
            assert english.evaluate("e => getComputedStyle(e).direction") == "ltr"
        p.get_by_role("button", name="أرسل إجاباتي").first.click()
        p.wait_for_load_state("load")
        page.check_accessibility()
        fits(page)
        assert p.get_by_role("alert").is_visible()
