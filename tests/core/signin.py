"""The one way tests sign a user in: both factors, as a real sign-in ends.

`client.force_login(user)` stands for a finished sign-in (password and second factor): the
suite-wide fixture in tests/conftest.py routes it through `sign_in`. Tests of the two-factor
requirement itself use `sign_in_with_password_only`.
"""

from __future__ import annotations

from typing import Any

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from linkwork.core.models import User
from linkwork.core.two_factor import TOTP_DEVICE_NAME

_password_only_login = Client.force_login


def sign_in_with_password_only(client: Client, user: User) -> None:
    """Only the first step: the session is signed in but has not proved a second factor."""
    _password_only_login(client, user)


def sign_in(client: Client, user: User, backend: str | None = None) -> None:
    """Sign in with both factors: the password step, then an authenticator the user owns."""
    _password_only_login(client, user, backend)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def install(monkeypatch: Any) -> None:
    """Make `Client.force_login` a full two-factor sign-in for the test that asked."""
    monkeypatch.setattr(Client, "force_login", sign_in)
