"""An editor keeps their organisation's service up to date; a moderator approves it.
axe runs on every editorial page visited."""

from __future__ import annotations

import pytest

from linkwork.core.models import Organisation
from linkwork.core.roles import Role
from tests.core.factories import OrganisationFactory, make_user
from tests.directory import factories as f
from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "correct-horse-battery"


def test_editor_proposes_a_change_and_moderator_approves(page) -> None:  # type: ignore[no-untyped-def]
    f.ensure_taxonomy()
    account = OrganisationFactory(name="Befriend Together", kind=Organisation.Kind.COMMUNITY)
    org = f.OrganizationFactory(name="Befriend Together", owner=account)
    service = f.ServiceFactory(
        name="Tea and chat", organization=org, owner=account, categories=["befriending"]
    )
    f.place_service(service)
    make_user(Role.COMMUNITY_EDITOR, organisations=(account,), username="ed", password=PASSWORD)
    make_user(Role.PROGRAMME_MANAGER, username="mod", password=PASSWORD)
    p = page.page

    sign_in(page, "ed")
    page.goto("/directory/editor/")
    assert p.get_by_text("Stale").first.is_visible()
    p.get_by_role("button", name="Tea and chat is still accurate").click()
    p.wait_for_load_state("load")
    page.check_accessibility()
    page.goto(f"/directory/services/{service.id}/edit/")
    p.get_by_label("Name of the service").fill("Tea, chat and cake")
    p.get_by_role("button", name="Save changes").click()
    p.wait_for_load_state("load")
    page.check_accessibility()
    assert p.get_by_text("A moderator will check your changes").is_visible()
    page.goto(f"/directory/services/{service.id}/times/")
    page.goto(f"/directory/services/{service.id}/location/")
    p.get_by_label("Postcode").fill("nonsense")
    p.get_by_role("button", name="Save changes").click()
    p.wait_for_load_state("load")
    page.check_accessibility()
    assert p.get_by_role("alert").is_visible()
    page.goto(f"/directory/services/{service.id}/history/")
    p.get_by_role("button", name="Sign out").click()

    sign_in(page, "mod")
    page.goto("/directory/moderation/")
    p.get_by_role("link", name="Service details: Tea and chat").click()
    p.wait_for_load_state("load")
    page.check_accessibility()
    assert p.get_by_role("cell", name="Tea and chat", exact=True).is_visible()
    p.get_by_role("button", name="Approve").click()
    p.wait_for_load_state("load")
    page.check_accessibility()
    page.goto(f"/services/{service.id}/")
    assert p.get_by_role("heading", level=1, name="Tea, chat and cake").is_visible()
