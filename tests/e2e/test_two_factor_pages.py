"""Two-factor sign-in in the browser: set-up and code pages are axe-clean and work by keyboard,
under the Content-Security-Policy (no inline script or style)."""

from __future__ import annotations

import re

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from linkwork.core import enrolment
from linkwork.core.roles import Role
from tests.core.factories import make_user

pytestmark = pytest.mark.django_db(transaction=True)


def test_first_sign_in_sets_up_an_authenticator_by_keyboard(page):
    user = make_user(Role.PRACTICE_STAFF, username="new-starter")
    p = page.page
    page.goto(enrolment.link_path(user))  # the link from the set-up email
    p.wait_for_url("**/accounts/login/**")
    p.get_by_label("Username").fill("new-starter")
    p.get_by_label("Password").fill("correct-horse-battery")
    p.keyboard.press("Enter")
    # The path, not the login page's ?next=/accounts/two-factor/set-up/ query.
    p.wait_for_url(re.compile(r"^[^?]*/accounts/two-factor/set-up/"))
    page.check_accessibility()
    assert p.get_by_role("heading", name="Set up two-factor sign-in").is_visible()
    device = TOTPDevice.objects.get(user__username="new-starter")
    code_box = p.get_by_label("Security code")
    code_box.focus()
    code_box.type(f"{TOTP(device.bin_key).token():06d}")
    p.keyboard.press("Enter")
    p.wait_for_url("**/account/recovery-codes/**")
    page.check_accessibility()
    assert p.locator(".app-recovery-codes li").count() == 10
    p.get_by_role("link", name="I have saved my codes, continue").click()
    p.wait_for_url("**/dashboard/")
    page.check_accessibility()


def test_api_tokens_page_is_accessible(page):
    from tests.e2e.conftest import sign_in

    make_user(Role.ANALYST, username="an")
    sign_in(page, "an")
    page.goto("/account/api-tokens/")
    page.page.get_by_label("What the token is for").fill("monthly report")
    page.page.get_by_role("button", name="Make token").click()
    page.page.wait_for_load_state("load")
    page.check_accessibility()
    assert page.page.locator(".app-token").inner_text().startswith("lw_")
