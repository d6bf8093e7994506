"""A link worker completes a PHQ-9 with a person, sees the safety alert, then sends a
one-time link that the person completes without signing in. axe checks every page."""

from __future__ import annotations

import re

import pytest

from linkwork.core.roles import Role
from tests.core.factories import make_user
from tests.e2e.conftest import sign_in
from tests.outcomes.factories import CaseFactory, PracticeFactory

pytestmark = pytest.mark.django_db(transaction=True)

PHQ9 = [
    "Little interest or pleasure in doing things",
    "Feeling down, depressed, or hopeless",
    "Trouble falling or staying asleep, or sleeping too much",
    "Feeling tired or having little energy",
    "Poor appetite or overeating",
]


def choose(page, question: str, answer: str) -> None:
    """Click the answer's label, as a person does (the design system draws the radio there)."""
    group = page.page.get_by_role("group", name=question, exact=True)
    group.get_by_text(answer, exact=True).click()
    assert group.get_by_label(answer, exact=True).is_checked()


def test_link_worker_records_phq9_and_the_person_completes_gad7_by_link(page):
    practice = PracticeFactory()
    case = CaseFactory(referral__person__gp_practice=practice, practice=practice)
    make_user(Role.LINK_WORKER, username="lw", organisations=(practice,))
    sign_in(page, "lw")

    page.goto(f"/outcomes/people/{case.person.pk}/")
    page.page.get_by_role("link", name="Record Patient Health Questionnaire (PHQ-9)").click()
    page.page.wait_for_load_state("load")
    page.check_accessibility()
    for question in PHQ9:
        choose(page, question, "Several days")
    choose(
        page,
        "Thoughts that you would be better off dead or of hurting yourself in some way",
        "Several days",
    )
    page.page.get_by_label("Time point").select_option("baseline")
    page.page.get_by_role("button", name="Save and score").click()
    page.page.wait_for_load_state("load")
    page.check_accessibility()
    alert = page.page.get_by_role("alert")
    assert "Act now: possible risk of self-harm" in alert.inner_text()
    # six items answered "several days" (1); items 6-8 left blank: more than 2 missing
    assert "not scored with more than 2 missing" in page.page.locator("main").inner_text()

    page.goto(f"/outcomes/people/{case.person.pk}/link/")
    page.page.get_by_text("Generalised Anxiety Disorder Assessment (GAD-7)", exact=True).click()
    page.page.get_by_label("Time point").select_option("review")
    page.page.get_by_role("button", name="Create the link").click()
    page.page.wait_for_load_state("load")
    page.check_accessibility()
    url = page.page.get_by_role("textbox", name="Link to send").input_value()
    path = re.sub(r"^https?://[^/]+", "", url)

    page.page.context.clear_cookies()  # the person is not signed in
    page.goto(path)
    assert page.page.get_by_role("heading", level=1).inner_text().startswith("Generalised")
    page.page.get_by_role("button", name="Send my answers").click()  # nothing answered
    page.page.wait_for_load_state("load")
    page.check_accessibility()
    assert "Answer at least one question" in page.page.get_by_role("alert").inner_text()
    for question in ["Feeling nervous, anxious, or on edge", "Trouble relaxing"]:
        choose(page, question, "Nearly every day")
    for question in [
        "Not being able to stop or control worrying",
        "Worrying too much about different things",
        "Being so restless that it is hard to sit still",
        "Becoming easily annoyed or irritable",
        "Feeling afraid, as if something awful might happen",
    ]:
        choose(page, question, "Not at all")
    page.page.get_by_role("button", name="Send my answers").click()
    page.page.wait_for_load_state("load")
    page.check_accessibility()
    assert "your answers have been sent" in page.page.get_by_role("heading", level=1).inner_text()
    response = page.goto(path)
    assert response.status == 404  # one time only


def test_paper_copy_entry_and_instrument_pages_are_accessible(page):
    practice = PracticeFactory()
    case = CaseFactory(referral__person__gp_practice=practice, practice=practice)
    make_user(Role.LINK_WORKER, username="lw2", organisations=(practice,))
    make_user(Role.ADMIN, username="admin2")
    sign_in(page, "lw2")
    page.goto("/outcomes/")
    page.goto("/outcomes/instruments/swemwbs/")
    page.goto(f"/outcomes/people/{case.person.pk}/record/hads/")
    main = page.page.locator("main").inner_text()
    assert "needs a HADS licence (GL Assessment)" in main
    # HADS item 1 prints its values 3, 2, 1, 0: choose the value beside the person's answer
    choose(page, "Item 1", "2")
    for n in range(2, 15):
        choose(page, f"Item {n}", "1")
    page.page.get_by_role("button", name="Save and score").click()
    page.page.wait_for_load_state("load")
    page.check_accessibility()
    scores = page.page.get_by_role("table", name="Scores").inner_text()
    assert "Anxiety (HADS-A)\t8\tborderline" in scores
    page.goto(f"/outcomes/people/{case.person.pk}/")
    page.page.context.clear_cookies()
    sign_in(page, "admin2")
    page.goto("/outcomes/licences/")
