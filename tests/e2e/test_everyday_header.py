"""The header on a phone: product name visible at 320 px, the menu button opens the menu."""

from __future__ import annotations

from typing import Any

import pytest

from linkwork.core.roles import Role
from tests.core.factories import make_user
from tests.e2e.journeys import NARROWEST, PASSWORD, open_menu_item, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_phone_header_fits_and_menu_reaches_triage(page: Any) -> None:
    make_user(Role.LINK_WORKER, username="lw", password=PASSWORD, first_name="Ailsa")
    p = page.page
    p.set_viewport_size(NARROWEST)
    sign_in(page, "lw")
    brand = p.get_by_role("link", name="Linkwork", exact=True)
    box = brand.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 320
    assert p.evaluate("document.documentElement.scrollWidth") <= 320
    # the wide menu is hidden; the menu button opens the phone menu
    assert not p.get_by_role("navigation", name="Main navigation").is_visible()
    open_menu_item(page, "Triage")
    assert p.url.endswith("/casework/triage/")
    assert p.get_by_role("heading", level=1).is_visible()
