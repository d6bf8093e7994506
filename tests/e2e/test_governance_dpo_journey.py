"""A DPO signs in, searches the audit log for a person, sees who looked at the record and the
corrections made to it, checks unusual access, records a data-sharing agreement, reads the
record of processing and answers a subject access request. axe checks every page."""

from __future__ import annotations

from typing import Any

import pytest

from linkwork.core import audit
from linkwork.core.roles import Role
from tests.casework.factories import CommunityOrgFactory, PracticeFactory
from tests.core.factories import make_user
from tests.governance.factories import full_record

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page: Any, username: str) -> None:
    """The shared sign-in, second factor included."""
    from tests.e2e.conftest import sign_in as sign_in_with_two_factors

    sign_in_with_two_factors(page, username)


def test_dpo_journey(page):
    practice = PracticeFactory()
    partner = CommunityOrgFactory(name="Walking Friends")
    person = full_record(practice)
    looker = make_user(Role.LINK_WORKER, username="curious-lw", organisations=(practice,))
    audit.record(audit.Action.VIEW, person, actor=looker)
    make_user(Role.DPO, username="dpo", organisations=(practice,))
    sign_in(page, "dpo")

    page.goto("/governance/")
    page.page.get_by_role("link", name="Search the audit log").click()
    page.page.wait_for_load_state("load")
    page.check_accessibility()
    page.page.get_by_label("Person (record number)").fill(str(person.pk))
    page.page.get_by_role("button", name="Search").click()
    page.page.wait_for_load_state("load")
    page.check_accessibility()
    assert page.page.get_by_role("cell", name="curious-lw").count() >= 1

    page.page.get_by_label("From (YYYY-MM-DD)").fill("2026-02-01")
    page.page.get_by_label("To (YYYY-MM-DD)").fill("2026-01-01")
    page.page.get_by_role("button", name="Search").click()
    page.page.wait_for_load_state("load")
    page.check_accessibility()
    assert page.page.get_by_role("alert").is_visible()

    page.goto(f"/governance/people/{person.pk}/access/")
    assert page.page.get_by_role("cell", name="curious-lw").count() >= 1
    page.page.get_by_role("link", name="Corrections to this person's details").click()
    page.page.wait_for_load_state("load")
    page.check_accessibility()
    assert page.page.get_by_role("cell", name="Secret rectification reason").is_visible()

    page.goto("/governance/unusual-access/")
    page.goto("/governance/processing/")
    assert page.page.get_by_role("cell", name="Art. 9(2)(h) health or social care").count() > 0

    page.goto("/governance/agreements/new/")
    page.page.get_by_label("Title").fill("Walking Friends DSA")
    page.page.get_by_label("Partner organisation").select_option(label="Walking Friends")
    for label in (
        str(practice),
        "Referring the person to the partner's service",
        "Name and date of birth",
    ):
        field = page.page.get_by_label(label, exact=True)
        page.page.locator(f'label[for="{field.get_attribute("id")}"]').click()
        assert field.is_checked()
    page.page.get_by_label("Starts on").fill("2026-01-01")
    page.page.get_by_label("Ends on").fill("2030-12-31")
    page.page.get_by_label("Status").select_option("active")
    page.page.get_by_role("button", name="Save").click()
    page.page.wait_for_load_state("load")
    page.check_accessibility()
    assert page.page.get_by_role("cell", name="Walking Friends DSA").is_visible()
    assert partner.sharing_agreements.count() == 1

    page.goto(f"/governance/people/{person.pk}/subject-access/")
    page.page.get_by_role("button", name="Log a request received today").click()
    page.page.wait_for_load_state("load")
    page.check_accessibility()
    with page.page.expect_download() as download:
        page.page.get_by_role("button", name="Produce the answer (JSON)").click()
    assert download.value.suggested_filename == "subject-access.json"
