"""In a browser (Playwright, Chromium), axe on every page: a person answers the Easy Read form
on a 320 px phone; a programme manager builds and publishes a consultation with plain forms;
a person shares a story and the manager reviews it. Browser tests: marked e2e."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from linkwork.core.models import Organisation
from linkwork.core.roles import Role
from linkwork.engagement import forms
from linkwork.engagement.models import Consultation, Response, Story
from tests.core.factories import OrganisationFactory, make_user
from tests.e2e.conftest import CheckedPage, sign_in, tick
from tests.engagement.factories import ConsultationFactory, with_questions

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _context(browser: Any, live_server: Any, **options: Any) -> Any:
    context = browser.new_context(base_url=live_server.url, locale="en-GB", **options)
    context.set_default_timeout(60_000)
    context.route(
        "http*://*/**",
        lambda route: (
            route.continue_() if route.request.url.startswith(live_server.url) else route.abort()
        ),
    )
    return context


@pytest.fixture
def narrow(
    browser: Any,
    live_server: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[CheckedPage]:
    monkeypatch.setattr(forms, "MIN_SECONDS", 0)  # the time trap is tested without a browser
    context = _context(
        browser, live_server, viewport={"width": 320, "height": 640}, is_mobile=True,
        has_touch=True,
    )  # fmt: skip
    yield CheckedPage(context.new_page(), live_server.url)
    context.close()


@pytest.fixture
def desk(browser: Any, live_server: Any) -> Iterator[CheckedPage]:
    context = _context(browser, live_server)
    yield CheckedPage(context.new_page(), live_server.url)
    context.close()


def fits(page: CheckedPage, width: int) -> None:
    scroll = page.page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"{page.page.url} is {scroll}px wide at {width}px"


def test_a_person_answers_the_easy_read_form_on_a_320px_phone(narrow: CheckedPage) -> None:
    consultation = ConsultationFactory(title="Getting support")
    with_questions(consultation)
    narrow.goto(f"/consultations/{consultation.slug}/")
    p = narrow.page
    p.get_by_role(
        "link", name="Easy Read version of this form (short sentences and pictures)"
    ).click()
    p.wait_for_load_state("load")
    narrow.check_accessibility()
    fits(narrow, 320)
    assert p.locator("img.app-easy-read__picture").count() >= 8
    p.get_by_label("What got in the way?").fill("naebody phoned me back")
    p.get_by_role("button", name="Send my answers").click()
    p.wait_for_load_state("load")
    narrow.check_accessibility()
    fits(narrow, 320)
    assert p.get_by_role("alert").get_by_text("Tick the box to agree").is_visible()
    tick(p, "I agree to my answers being used as described")
    p.get_by_role("button", name="Send my answers").click()
    p.wait_for_load_state("load")
    narrow.check_accessibility()
    assert Response.objects.get().status == "submitted"


def test_a_manager_builds_and_publishes_a_consultation_in_the_browser(
    desk: CheckedPage,
) -> None:
    programme = OrganisationFactory(kind=Organisation.Kind.PROGRAMME, name="Tayside programme")
    make_user(Role.PROGRAMME_MANAGER, username="manager", organisations=(programme,))
    sign_in(desk, "manager")
    p = desk.page
    desk.goto("/engagement/new/")
    p.get_by_label("Title").fill("Getting to appointments")
    p.get_by_label("Consent statement").fill("We use your answers to plan transport support.")
    p.get_by_label("Privacy notice").fill("The programme keeps answers for two years.")
    p.get_by_label("Opens on").fill("2026-01-01")
    p.get_by_role("button", name="Save draft and add questions").click()
    p.wait_for_load_state("load")
    desk.check_accessibility()
    p.get_by_role("link", name="Add a question").click()
    p.wait_for_load_state("load")
    desk.check_accessibility()
    tick(p, "Single choice")
    p.get_by_label("Question (required)", exact=True).fill("Do you drive?")
    p.get_by_role("button", name="Save question").click()
    p.wait_for_load_state("load")
    desk.check_accessibility()  # the error summary: no options yet
    assert p.get_by_role("alert").get_by_text("Enter at least two options").is_visible()
    p.get_by_label("Options (single or multiple choice)").fill("Yes\nNo")
    p.get_by_role("button", name="Save question").click()
    p.wait_for_load_state("load")
    p.get_by_role("button", name="Publish").click()
    p.wait_for_load_state("load")
    desk.check_accessibility()
    assert not Consultation.objects.get().is_draft


def test_a_person_shares_a_story_and_the_manager_publishes_it(
    desk: CheckedPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(forms, "MIN_SECONDS", 0)
    programme = OrganisationFactory(kind=Organisation.Kind.PROGRAMME, name="Fife programme")
    make_user(Role.PROGRAMME_MANAGER, username="manager", organisations=(programme,))
    p = desk.page
    desk.goto("/stories/share/")
    p.get_by_label("A title for your story").fill("The Tuesday lunch club")
    p.get_by_label("Your story in one sentence").fill("A lunch club got me out")
    body = p.get_by_label("Your story (required)", exact=True)
    body.fill("I didnae go out. The club changed that.")
    tick(p, "Anyone else in my story has agreed, or cannot be identified from it")
    p.get_by_role("button", name="Send my story").click()
    p.wait_for_load_state("load")
    desk.check_accessibility()
    assert p.get_by_role("alert").get_by_text("Tick the box to agree").is_visible()
    tick(p, "I agree that my story may be published")
    p.get_by_role("button", name="Send my story").click()
    p.wait_for_load_state("load")
    desk.check_accessibility()
    story = Story.objects.get()
    sign_in(desk, "manager")
    desk.goto("/engagement/stories/")
    p.get_by_role("link", name="The Tuesday lunch club").click()
    p.wait_for_load_state("load")
    desk.check_accessibility()
    p.get_by_role("button", name="Save and publish").click()
    p.wait_for_load_state("load")
    desk.check_accessibility()
    story.refresh_from_db()
    assert story.status == Story.Status.PUBLISHED
