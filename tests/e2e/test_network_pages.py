"""Every other network page passes axe: a member fills in their profile and is warned before
posting a date of birth; a moderator sees the flagged post and the event attendance list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from linkwork.core.roles import Role
from linkwork.network.models import Post
from linkwork.network.services import events
from tests.core.factories import make_user
from tests.e2e.conftest import tick
from tests.network.factories import EventFactory, ProfileFactory, ResourceFactory

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page: Any, username: str) -> None:
    """The shared sign-in, second factor included."""
    from tests.e2e.conftest import sign_in as sign_in_with_two_factors

    sign_in_with_two_factors(page, username)


def submit(page: Any, name: str) -> None:
    page.page.get_by_role("button", name=name, exact=True).click()
    page.page.wait_for_load_state("load")
    page.check_accessibility()


def test_member_and_moderator_pages(page: Any, settings: Any, tmp_path: Path) -> None:
    settings.NETWORK_PRIVATE_ROOT = str(tmp_path)
    ProfileFactory(display_name="Ewan Fraser", area="highland", specialisms="men's sheds")
    ResourceFactory(title="Scottish Social Prescribing Network")
    event = EventFactory(title="Evaluation clinic", capacity=1)
    worker = make_user(Role.LINK_WORKER, username="lw")
    events.register(actor=worker, event=event)
    make_user(Role.PROGRAMME_MANAGER, username="manager")

    sign_in(page, "lw")
    page.goto("/network/members/me/")
    tick(page.page, "list me in the member directory")
    page.page.get_by_label("name shown").fill("Morag Macleod")
    page.page.get_by_label("Area").select_option("western_isles")
    submit(page, "Save")
    assert "Your network profile is saved." in page.page.inner_text("body")
    page.goto("/network/members/?area=highland")
    assert "Ewan Fraser" in page.page.get_by_role("main").inner_text()
    page.goto("/network/resources/new/")
    page.goto("/network/case-studies/")

    page.goto("/network/discussions/new/")
    page.page.get_by_label("Title").fill("Pension credit")
    page.page.get_by_label("Your message").fill("Born on 3 March 1948, lives alone: ideas?")
    submit(page, "Post")
    assert "a date of birth" in page.page.get_by_role("alert").inner_text()
    tick(page.page, "I have checked: this does not identify anyone I support")
    submit(page, "Post")
    assert Post.objects.get().flagged

    page.page.context.clear_cookies()
    sign_in(page, "manager")
    page.goto("/network/discussions/flagged/")
    assert "Pension credit" in page.page.get_by_role("main").inner_text()
    submit(page, "Hide post")
    assert not Post.objects.filter(hidden=False).exists()
    page.goto(f"/network/events/{event.pk}/")
    assert page.page.get_by_role("group", name="Who came").is_visible()
    page.goto("/network/events/new/")
