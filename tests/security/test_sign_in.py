"""Issue 10, findings 3, 4 and 16: sign-in throttling, two factors, API tokens, idle sessions."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from linkwork.core import enrolment, two_factor
from linkwork.core.middleware import LAST_SEEN_KEY, SIGNED_IN_AT_KEY
from linkwork.core.models import ApiToken, AuditEntry
from linkwork.core.roles import Role
from linkwork.core.tokens import create_token
from tests.core.factories import make_user
from tests.core.signin import sign_in_with_password_only

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery"


def _post_login(client, username, password, address="10.0.0.1"):
    return client.post(
        "/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


# Finding 3: throttling and lockout ------------------------------------------------------


def test_username_is_locked_after_five_failures_even_with_the_right_password(client, settings):
    make_user(Role.LINK_WORKER, username="lw")
    for i in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _post_login(client, "lw", "wrong", address=f"10.0.0.{i}").status_code == 200
    assert _post_login(client, "lw", "wrong", address="10.0.0.99").status_code == 429
    locked = _post_login(client, "lw", PASSWORD, address="10.9.9.9")
    assert locked.status_code == 429
    assert b"Sign-in is locked for now" in locked.content
    assert "_auth_user_id" not in client.session


def test_one_address_guessing_many_usernames_is_locked(client, settings):
    make_user(Role.LINK_WORKER, username="victim")
    for i in range(settings.AXES_FAILURE_LIMIT):
        _post_login(client, f"guess{i}", "wrong", address="192.0.2.7")
    assert _post_login(client, "victim", PASSWORD, address="192.0.2.7").status_code == 429
    # Another address can still sign in as the victim.
    assert _post_login(client, "victim", PASSWORD, address="192.0.2.8").status_code == 302


def test_administrator_unlocks_a_locked_username(client, settings):
    make_user(Role.LINK_WORKER, username="lw")
    for i in range(settings.AXES_FAILURE_LIMIT):
        _post_login(client, "lw", "wrong", address=f"10.0.1.{i}")
    assert _post_login(client, "lw", PASSWORD, address="10.0.2.1").status_code == 429
    call_command("axes_reset_username", "lw")
    assert _post_login(client, "lw", PASSWORD, address="10.0.2.1").status_code == 302


def test_lock_lifts_after_the_cool_off(client, settings):
    from axes.models import AccessAttempt

    make_user(Role.LINK_WORKER, username="lw")
    for i in range(settings.AXES_FAILURE_LIMIT):
        _post_login(client, "lw", "wrong", address=f"10.0.3.{i}")
    assert _post_login(client, "lw", PASSWORD, address="10.0.4.1").status_code == 429
    earlier = timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(minutes=1)
    AccessAttempt.objects.update(attempt_time=earlier)
    assert _post_login(client, "lw", PASSWORD, address="10.0.4.1").status_code == 302


def test_failed_sign_in_is_audited_with_the_username_tried_and_the_address(client):
    _post_login(client, "nobody-here", "wrong", address="203.0.113.5")
    entry = AuditEntry.objects.get(action="login_failed")
    assert entry.detail == {"username": "nobody-here", "source": "203.0.113.5"}


def test_forwarded_for_is_ignored_unless_a_proxy_is_trusted(client, settings):
    client.post(
        "/accounts/login/",
        {"username": "x", "password": "y"},
        REMOTE_ADDR="10.1.1.1",
        HTTP_X_FORWARDED_FOR="1.2.3.4",
    )
    assert AuditEntry.objects.get(action="login_failed").detail["source"] == "10.1.1.1"
    settings.TRUSTED_PROXY_COUNT = 1
    client.post(
        "/accounts/login/",
        {"username": "z", "password": "y"},
        REMOTE_ADDR="10.1.1.1",
        HTTP_X_FORWARDED_FOR="6.6.6.6, 1.2.3.4",
    )
    assert AuditEntry.objects.filter(detail__username="z").get().detail["source"] == "1.2.3.4"


# Finding 4: two factors -----------------------------------------------------------------


@pytest.mark.parametrize("role", list(Role))
def test_every_role_with_only_a_password_is_sent_to_the_second_factor(client, role):
    user = make_user(role, username=f"u-{role}")
    sign_in_with_password_only(client, user)
    response = client.get("/dashboard/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/two-factor/set-up/")
    two_factor.give_demo_device(user)
    assert client.get("/dashboard/")["Location"].startswith("/accounts/two-factor/?next=")


def test_password_only_session_counts_as_signed_out_for_the_api(client):
    sign_in_with_password_only(client, make_user(Role.DPO))
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"


def test_sign_in_with_password_then_code(client):
    user = make_user(Role.LINK_WORKER, username="lw")
    two_factor.give_demo_device(user)
    response = _post_login(client, "lw", PASSWORD)
    assert response.status_code == 302
    assert client.get("/dashboard/").status_code == 302  # not yet
    page = client.get("/accounts/two-factor/?next=/dashboard/")
    assert page.status_code == 200 and b"Enter your security code" in page.content
    wrong = client.post("/accounts/two-factor/", {"code": "000000", "next": "/dashboard/"})
    assert wrong.status_code == 200 and b"ds_error-summary" in wrong.content
    # A wrong code makes the next try wait a second (django-otp's throttle); skip the wait.
    TOTPDevice.objects.filter(user=user).update(throttling_failure_timestamp=None)
    done = client.post(
        "/accounts/two-factor/", {"code": two_factor.current_code(), "next": "/dashboard/"}
    )
    assert done.status_code == 302 and done["Location"] == "/dashboard/"
    assert client.get("/dashboard/").status_code == 200
    assert AuditEntry.objects.filter(action="login", detail__via="totp").exists()


def test_the_same_code_cannot_be_used_twice(client):
    user = make_user(Role.LINK_WORKER)
    two_factor.give_demo_device(user)
    code = two_factor.current_code()
    assert two_factor.verify(user, code) is not None
    assert two_factor.verify(user, code) is None


def test_non_ascii_digits_are_not_a_code(client):
    user = make_user(Role.LINK_WORKER)
    two_factor.give_demo_device(user)
    arabic = "".join(chr(0x0660 + int(d)) for d in two_factor.current_code())
    sign_in_with_password_only(client, user)
    response = client.post("/accounts/two-factor/", {"code": arabic})
    assert response.status_code == 200 and b"ds_error-summary" in response.content


def test_first_sign_in_sets_up_an_app_and_shows_recovery_codes_once(client):
    user = make_user(Role.PRACTICE_STAFF)
    client.get(enrolment.link_path(user))  # the link from the set-up email
    sign_in_with_password_only(client, user)
    page = client.get("/accounts/two-factor/set-up/?next=/dashboard/")
    assert page.status_code == 200 and b"<svg" in page.content
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    from django_otp.oath import TOTP

    code = f"{TOTP(device.bin_key).token():06d}"
    done = client.post("/accounts/two-factor/set-up/", {"code": code, "next": "/dashboard/"})
    assert done.status_code == 302 and done["Location"].startswith("/account/recovery-codes/")
    shown = client.get(done["Location"])
    codes = StaticToken.objects.filter(device__user=user).values_list("token", flat=True)
    assert len(codes) == two_factor.RECOVERY_CODE_COUNT
    assert all(c.encode() in shown.content for c in codes)
    again = client.get("/account/recovery-codes/")
    assert not any(c.encode() in again.content for c in codes)
    assert client.get("/dashboard/").status_code == 200


def test_a_recovery_code_signs_in_once(client):
    user = make_user(Role.ANALYST)
    two_factor.give_demo_device(user)
    codes = two_factor.new_recovery_codes(user=user)
    sign_in_with_password_only(client, user)
    assert client.post("/accounts/two-factor/", {"code": codes[0]}).status_code == 302
    assert client.get("/dashboard/").status_code == 200
    client.logout()
    sign_in_with_password_only(client, user)
    assert client.post("/accounts/two-factor/", {"code": codes[0]}).status_code == 200


def test_admin_reset_removes_the_devices_and_is_audited(client):
    admin = make_user(Role.ADMIN, username="boss", is_staff=True, is_superuser=True)
    user = make_user(Role.LINK_WORKER, username="lost-phone")
    two_factor.give_demo_device(user)
    two_factor.new_recovery_codes(user=user)
    client.force_login(admin)
    response = client.post(
        "/admin/core/user/",
        {"action": "reset_two_factor", "_selected_action": [user.pk]},
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticToken.objects.filter(device__user=user).exists()
    assert AuditEntry.objects.filter(
        action="update", object_id=str(user.pk), detail__status="two_factor_reset"
    ).exists()


def test_demo_code_command_prints_the_code_of_the_published_secret(capsys):
    call_command("demo-code")
    assert capsys.readouterr().out.strip() == two_factor.current_code()


def test_demo_code_is_refused_in_production(settings):
    from django.core.management.base import CommandError

    settings.IS_PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        call_command("demo-code")


# Finding 4: personal API tokens ---------------------------------------------------------


def test_owner_creates_lists_and_revokes_a_token_in_the_app(client):
    user = make_user(Role.LINK_WORKER, username="scripter")
    client.force_login(user)
    response = client.post("/account/api-tokens/", {"name": "nightly export", "days": "30"})
    assert response.status_code == 200
    row = ApiToken.objects.get(user=user)
    token = response.content.decode().split('class="app-token">')[1].split("<")[0]
    assert token.startswith("lw_")
    assert (row.expires_at - timezone.now()).days in (29, 30)
    other = ApiToken.objects.filter(user=user).count()
    assert other == 1
    api = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert api.status_code == 200
    client.post(f"/account/api-tokens/{row.pk}/revoke/")
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}").status_code in (
        200,  # the session still answers: prove the token alone is refused below
    )
    client.logout()
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401


def test_password_only_session_cannot_make_a_token(client):
    user = make_user(Role.LINK_WORKER)
    sign_in_with_password_only(client, user)
    response = client.post("/account/api-tokens/", {"name": "x", "days": "30"})
    assert response.status_code == 302
    assert not ApiToken.objects.exists()


def test_nobody_revokes_someone_elses_token(client):
    owner = make_user(Role.LINK_WORKER)
    row, _token = create_token(user=owner)
    client.force_login(make_user(Role.LINK_WORKER))
    assert client.post(f"/account/api-tokens/{row.pk}/revoke/").status_code == 404
    assert client.get("/account/api-tokens/").content.count(row.prefix.encode()) == 0
    row.refresh_from_db()
    assert row.revoked_at is None


def test_tokens_expire_after_ninety_days_by_default(client):
    user = make_user(Role.ANALYST)
    row, token = create_token(user=user)
    assert (row.expires_at - timezone.now()).days in (89, 90)
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200
    ApiToken.objects.filter(pk=row.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 401


# Finding 16: idle and absolute session limits -------------------------------------------


def _age_session(client, *, idle: int = 0, since_sign_in: int = 0) -> None:
    session = client.session
    now = int(time.time())
    session[LAST_SEEN_KEY] = now - idle
    session[SIGNED_IN_AT_KEY] = now - since_sign_in
    session.save()


def test_staff_are_signed_out_after_thirty_idle_minutes(client):
    client.force_login(make_user(Role.LINK_WORKER))
    _age_session(client, idle=29 * 60)
    assert client.get("/dashboard/").status_code == 200
    _age_session(client, idle=31 * 60)
    response = client.get("/dashboard/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert client.get("/dashboard/").status_code == 302


def test_idle_limit_is_configurable(client, settings):
    settings.SESSION_IDLE_MINUTES = 5
    client.force_login(make_user(Role.LINK_WORKER))
    _age_session(client, idle=6 * 60)
    assert client.get("/dashboard/").status_code == 302


def test_absolute_limit_holds_however_busy(client, settings):
    client.force_login(make_user(Role.LINK_WORKER))
    _age_session(client, idle=10, since_sign_in=settings.SESSION_COOKIE_AGE + 60)
    assert client.get("/dashboard/").status_code == 302
