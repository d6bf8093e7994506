"""A person answers a consultation on a phone (375 px): saves, comes back by the link, sends.
axe checks every page. (The form in Polish and Arabic at 320 px:
test_consultation_in_languages.py.)"""

from __future__ import annotations

import re
from typing import Any

import pytest

from linkwork.engagement import forms
from linkwork.engagement.models import Response
from tests.e2e.conftest import CheckedPage, tick
from tests.engagement.factories import ConsultationFactory, with_questions

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def phone(browser: Any, live_server: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    # A person takes more than 3 seconds; the browser does not, so the time trap is off here
    # (it is tested in tests/engagement/test_public_form.py).
    monkeypatch.setattr(forms, "MIN_SECONDS", 0)
    context = browser.new_context(
        base_url=live_server.url, locale="en-GB", viewport={"width": 375, "height": 812},
        is_mobile=True, has_touch=True,
    )  # fmt: skip
    context.set_default_timeout(60_000)  # the shared test machine can be slow to first paint
    context.route(
        "http*://*/**",
        lambda route: (
            route.continue_() if route.request.url.startswith(live_server.url) else route.abort()
        ),
    )
    yield CheckedPage(context.new_page(), live_server.url)
    context.close()


def fits_the_screen(page: CheckedPage) -> None:
    width = page.page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"page is {width}px wide on a 375px phone"


def test_a_person_saves_comes_back_and_sends_their_answers_on_a_phone(phone: CheckedPage) -> None:
    consultation = ConsultationFactory(title="Getting support in Fife")
    with_questions(consultation)
    phone.goto(f"/consultations/{consultation.slug}/")
    fits_the_screen(phone)
    p = phone.page
    p.get_by_label("What got in the way?").fill("couldnae get through to the doctors")
    tick(p.get_by_role("group", name="Did you get support?"), "No")
    p.get_by_role("button", name="Save and come back later").click()
    p.wait_for_load_state("load")
    phone.check_accessibility()
    link = p.get_by_role("link", name=re.compile("resume"))
    href = link.get_attribute("href")
    assert href and "doctors" not in href
    assert Response.objects.get().status == "in_progress"

    phone.goto(href.split(phone.base_url, 1)[1])
    assert p.get_by_label("What got in the way?").input_value() == (
        "couldnae get through to the doctors"
    )
    tick(p.get_by_role("group", name="What helped?"), "Link worker")
    tick(p.get_by_role("group", name="How satisfied?"), "4")
    p.get_by_role("button", name="Send my answers").click()
    p.wait_for_load_state("load")
    phone.check_accessibility()
    # Consent was not given: the error summary says so and links to the box.
    assert p.get_by_role("alert").get_by_text("Tick the box to agree").is_visible()
    tick(p, "I agree to my answers being used as described")
    p.get_by_role("button", name="Send my answers").click()
    p.wait_for_load_state("load")
    phone.check_accessibility()
    assert p.get_by_role("heading", name="Thank you, your answers have been sent").is_visible()
    response = Response.objects.get()
    assert response.status == "submitted"
    assert response.answers.get(question__kind="multiple").choices == ["Link worker"]
