"""403 and 404 pages and the password reset pages look like the rest of Linkwork."""

from __future__ import annotations

import pytest
from django.test import Client

from linkwork.core.roles import Role
from tests.core.factories import make_user

pytestmark = pytest.mark.django_db


def test_404_is_a_styled_page(client: Client) -> None:
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Page not found" in page and "ds_site-header" in page


def test_403_is_a_styled_page(client: Client) -> None:
    client.force_login(make_user(Role.COMMUNITY_EDITOR))
    response = client.get("/casework/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "You cannot see this page" in page and "ds_site-header" in page


def test_password_reset_uses_the_design_system_not_the_admin(client: Client) -> None:
    page = client.get("/accounts/password_reset/").content.decode()
    assert "ds_site-header" in page and "Django administration" not in page
    done = client.get("/accounts/password_reset/done/").content.decode()
    assert "ds_site-header" in done
