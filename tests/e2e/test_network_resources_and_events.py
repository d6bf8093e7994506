"""A link worker signs in, goes to the network through the navigation, finds a support pack
resource by words inside its file, and registers for a learning event; at desktop and phone
width. axe checks every page."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from linkwork.core.roles import Role
from linkwork.network.models import Registration, Resource
from linkwork.network.services import resources
from tests.core.factories import make_user
from tests.network.factories import EventFactory, docx_bytes, moderator

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page: Any, username: str) -> None:
    """The shared sign-in, second factor included."""
    from tests.e2e.conftest import sign_in as sign_in_with_two_factors

    sign_in_with_two_factors(page, username)


def click(page: Any, role: str, name: str, *, within: Any = None) -> None:
    (within or page.page).get_by_role(role, name=name, exact=True).first.click()
    page.page.wait_for_load_state("load")
    page.check_accessibility()
    fits = page.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert fits, f"{page.page.url} scrolls sideways at {page.page.viewport_size}"


@pytest.mark.parametrize("width", [1280, 375])
def test_link_worker_finds_a_resource_and_registers_for_an_event(
    page: Any, settings: Any, tmp_path: Path, width: int
) -> None:
    settings.NETWORK_PRIVATE_ROOT = str(tmp_path)
    page.page.set_viewport_size({"width": width, "height": 900})
    resources.add_resource(
        actor=moderator(),
        kind=Resource.Kind.TEMPLATE,
        title="Practice agreement template",
        summary="What the practice and the link working service agree.",
        audience="practices",
        section="practice_agreements",
        upload=io.BytesIO(docx_bytes("Weekly huddles with the practice team")),
        upload_name="practice-agreement.docx",
    )
    event = EventFactory(title="Peer learning: money worries", capacity=1)
    make_user(Role.LINK_WORKER, username="lw")
    sign_in(page, "lw")

    navigation = page.page.get_by_role("navigation", name="Main navigation")

    def to_network() -> None:
        if width >= 768:
            click(page, "link", "Network", within=navigation)
        else:
            # The shared header has no mobile menu yet (the design system hides the site
            # navigation below 48rem): phone users arrive by address or bookmark.
            page.goto("/network/")

    to_network()
    click(page, "link", "Resources", within=page.page.get_by_role("main"))
    page.page.get_by_label("Search the library").fill("huddles")
    click(page, "button", "Search")
    assert "1 resource found" in page.page.get_by_role("main").inner_text()
    click(page, "link", "Practice agreement template")
    download = page.page.get_by_role("link", name="Download (DOCX", exact=False)
    assert download.count() == 1

    to_network()
    click(page, "link", "Learning events", within=page.page.get_by_role("main"))
    click(page, "link", "Peer learning: money worries")
    click(page, "button", "Register for this event")
    assert "You have a place." in page.page.get_by_role("main").inner_text()
    assert Registration.objects.get(event=event, user__username="lw").status == "confirmed"
