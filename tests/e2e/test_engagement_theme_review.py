"""An analyst finds themes in a consultation's answers, renames one, moves an answer and
marks a quote for publication, then sees it in the report. axe checks every page."""

from __future__ import annotations

import pytest

from linkwork.core.models import Organisation
from linkwork.core.roles import Role
from linkwork.engagement.models import ThemeAssignment
from tests.core.factories import OrganisationFactory, make_user
from tests.e2e.conftest import CheckedPage
from tests.engagement.factories import ConsultationFactory, submitted, with_questions

pytestmark = pytest.mark.django_db(transaction=True)

ANSWERS = [
    "the bus never comes", "no bus on a sunday", "bus fares are too dear", "the bus was late",
    "lonely on my own", "naebody came to see me", "so lonely since my wife died",
    "nobody visits, I am lonely",
]  # fmt: skip


def test_analyst_reviews_themes_and_chooses_a_quote(page: CheckedPage) -> None:
    programme = OrganisationFactory(kind=Organisation.Kind.PROGRAMME)
    consultation = ConsultationFactory(organisation=programme, title="Getting about")
    q = with_questions(consultation)
    for text in ANSWERS:
        submitted(consultation, {q["open"]: {"text": text}}, council_area="Fife")
    make_user(Role.ANALYST, username="analyst", organisations=(programme,))
    from tests.e2e.conftest import sign_in

    sign_in(page, "analyst")

    page.goto("/engagement/")
    page.page.get_by_role("link", name="Getting about").click()
    page.page.wait_for_load_state("load")
    page.check_accessibility()
    page.page.get_by_label("Number of themes (leave empty to choose automatically)").fill("2")
    page.page.get_by_role("button", name="Find themes").click()
    page.page.wait_for_load_state("load")
    page.check_accessibility()
    assert page.page.get_by_text("Confidence:").is_visible()

    first = page.page.locator("section.app-theme-card").first
    first.get_by_label("Theme name").fill("Buses")
    first.get_by_role("button", name="Rename").click()
    page.page.wait_for_load_state("load")
    page.check_accessibility()
    buses = page.page.get_by_role("region", name="Buses")
    assert buses.is_visible()
    assert buses.get_by_text("Machine suggestion:").is_visible()

    buses.get_by_role("link", name="Answers in “Buses”").click()
    page.page.wait_for_load_state("load")
    page.check_accessibility()
    page.page.get_by_role("button", name="Publish as quote").first.click()
    page.page.wait_for_load_state("load")
    assert ThemeAssignment.objects.filter(publish_quote=True).count() == 1

    page.goto(f"/engagement/{consultation.pk}/report/")
    assert page.page.get_by_role("heading", name="How we did this").is_visible()
    assert page.page.locator("blockquote").count() == 1
