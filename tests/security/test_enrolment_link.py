"""A password alone must not add an authenticator: setting up the second factor needs the
one-time link sent to the account's own email address (attack finding: first sign-in enrolled
whoever knew the password)."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from linkwork.core import enrolment, two_factor
from linkwork.core.models import AuditEntry
from linkwork.core.roles import Role
from tests.core.factories import make_user
from tests.core.signin import sign_in_with_password_only

pytestmark = pytest.mark.django_db

SET_UP = "/accounts/two-factor/set-up/"


def _set_up_with_the_app(client, user):
    client.get(SET_UP)  # shows the secret and makes the device being set up
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    return client.post(SET_UP, {"code": f"{TOTP(device.bin_key).token():06d}"})


def test_a_password_alone_shows_no_secret_and_makes_no_device(client):
    user = make_user(Role.LINK_WORKER)
    sign_in_with_password_only(client, user)
    page = client.get(SET_UP)
    assert page.status_code == 403
    assert b"set-up link" in page.content and b"app-setup-key" not in page.content
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert client.post(SET_UP, {"code": "123456"}).status_code == 403
    assert client.get("/dashboard/").status_code == 302  # still not signed in


def test_the_emailed_link_then_the_password_sets_up_the_app(client):
    user = make_user(Role.LINK_WORKER, email="worker@example.org")
    assert enrolment.send_link(user=user, by=None)
    (email,) = mail.outbox
    assert email.to == ["worker@example.org"]
    path = email.body.split("http://127.0.0.1:8000")[1].split()[0]
    opened = client.get(path)
    assert opened.status_code == 302 and opened["Location"] == SET_UP  # token out of the bar
    sign_in_with_password_only(client, user)
    assert b"app-setup-key" in client.get(SET_UP).content
    done = _set_up_with_the_app(client, user)
    assert done.status_code == 302
    assert client.get("/dashboard/").status_code == 200
    assert AuditEntry.objects.filter(detail__status="enrolment_link_sent").exists()


def test_the_link_works_once(client):
    user = make_user(Role.LINK_WORKER)
    path = enrolment.link_path(user)
    client.get(path)
    sign_in_with_password_only(client, user)
    _set_up_with_the_app(client, user)
    other = type(client)()
    assert other.get(path).status_code == 404


def test_a_link_for_someone_else_or_forged_or_old_does_not_work(client):
    user = make_user(Role.LINK_WORKER)
    victim = make_user(Role.PRACTICE_STAFF)
    uid, token = enrolment.link_path(user).rstrip("/").split("/")[-2:]
    victim_uid = enrolment.link_path(victim).rstrip("/").split("/")[-2]
    assert client.get(f"{SET_UP}{victim_uid}/{token}/").status_code == 404
    assert client.get(f"{SET_UP}{uid}/{token[:-1]}x/").status_code == 404
    assert client.get(f"{SET_UP}!!/{token}/").status_code == 404
    later = enrolment.tokens._now() + timedelta(days=4)
    with mock.patch.object(enrolment.tokens, "_now", return_value=later):
        assert client.get(f"{SET_UP}{uid}/{token}/").status_code == 404


def test_opening_the_victims_link_while_signed_in_as_someone_else_grants_nothing(client):
    attacker = make_user(Role.LINK_WORKER)
    victim = make_user(Role.PRACTICE_STAFF)
    sign_in_with_password_only(client, attacker)
    assert client.get(enrolment.link_path(victim)).status_code == 404
    assert client.get(SET_UP).status_code == 403


def test_a_changed_password_spends_the_link(client):
    user = make_user(Role.LINK_WORKER)
    path = enrolment.link_path(user)
    user.set_password("a-new-long-password-2026")
    user.save()
    assert client.get(path).status_code == 404


def test_admin_reset_emails_a_new_link(client):
    admin = make_user(Role.ADMIN, username="boss", is_staff=True, is_superuser=True)
    user = make_user(Role.LINK_WORKER, username="lost-phone", email="lost@example.org")
    nomail = make_user(Role.LINK_WORKER, username="no-address", email="")
    two_factor.give_demo_device(user)
    client.force_login(admin)
    response = client.post(
        "/admin/core/user/",
        {"action": "reset_two_factor", "_selected_action": [user.pk, nomail.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert [m.to for m in mail.outbox] == [["lost@example.org"]]
    assert b"no-address" in response.content  # the admin is told who got no link


def test_the_command_prints_a_working_link_and_refuses_unknown_users(client, capsys):
    user = make_user(Role.ADMIN, username="first-admin")
    call_command("two-factor-link", "first-admin")
    link = capsys.readouterr().out.strip()
    assert client.get(link.removeprefix("http://127.0.0.1:8000")).status_code == 302
    assert enrolment.may_set_up(_request_with(client.session), user)
    with pytest.raises(CommandError):
        call_command("two-factor-link", "nobody")


def _request_with(session):
    request = mock.Mock()
    request.session = session
    return request
