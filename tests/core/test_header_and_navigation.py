"""The header: one current menu item, a menu button for phones, the beta banner inside a
landmark, and no language offered whose catalogue is not translated."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from linkwork.core.context_processors import current_item
from linkwork.core.roles import Role
from tests.core.factories import make_user

pytestmark = pytest.mark.django_db


def test_current_item_is_the_longest_matching_entry() -> None:
    urls = ["/services/", "/casework/", "/casework/triage/"]
    assert current_item("/casework/triage/12/", urls) == "/casework/triage/"
    assert current_item("/casework/cases/3/", urls) == "/casework/"
    assert current_item("/", urls) is None


def test_only_one_menu_item_is_highlighted(client: Client) -> None:
    client.force_login(make_user(Role.LINK_WORKER))
    page = client.get("/casework/triage/").content.decode()
    # the desktop and the phone menu each mark exactly one entry
    assert page.count('aria-current="page"') == 2
    assert re.search(r'href="/casework/triage/" aria-current="page"', page)
    assert not re.search(r'href="/casework/" aria-current="page"', page)


def test_signed_in_pages_have_a_menu_button_for_phones(client: Client) -> None:
    client.force_login(make_user(Role.LINK_WORKER))
    page = client.get("/casework/").content.decode()
    assert 'aria-controls="mobile-navigation"' in page
    assert 'id="mobile-navigation"' in page and 'data-module="ds-mobile-navigation-menu"' in page


def test_beta_banner_is_inside_the_banner_landmark(client: Client) -> None:
    page = client.get("/").content.decode()
    header = page[page.index('<header class="ds_site-header"') : page.index("</header>")]
    assert "ds_phase-banner" in header
