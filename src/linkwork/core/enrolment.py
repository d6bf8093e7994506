"""Setting up the second factor only with a link sent to the account's own email address.

Without this, an account with no authenticator (a new one, or one an administrator reset) is
enrolled by whoever first signs in with its password: someone who learnt the password would
add their own authenticator and hold both factors. So the set-up page shows a secret only to a
session that opened a one-time set-up link, which goes to the account's email address (the
administrator's reset and "send set-up link" actions) or, for the very first administrator of
a new installation, is printed on the server by `linkwork two-factor-link`.

The link is Django's password-reset token mechanism with its own salt: signed, stateless, valid
for `LINKWORK_ENROLMENT_LINK_DAYS` days, and spent once an authenticator is confirmed (the
confirmed devices are part of what it signs), or when the password changes.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.mail import send_mail
from django.http import HttpRequest
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.utils.encoding import force_bytes
from django.utils.http import base36_to_int, urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from linkwork.core import audit
from linkwork.core.models import User

logger = logging.getLogger(__name__)

#: The session key naming the user whose set-up link this session opened.
SESSION_KEY = "linkwork_enrolment_user"


class EnrolmentTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "linkwork.core.enrolment.EnrolmentTokenGenerator"

    def _make_hash_value(self, user: User, timestamp: int) -> str:  # type: ignore[override]
        # Not last_login: signing in with the password before opening the link must not spend it.
        confirmed = ",".join(
            str(pk)
            for pk in TOTPDevice.objects.filter(user=user, confirmed=True)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        return f"{user.pk}{user.password}{confirmed}{timestamp}{user.is_active}"

    def check_token(self, user: User | None, token: str | None) -> bool:  # type: ignore[override]
        """Django's check, with this link's own lifetime instead of PASSWORD_RESET_TIMEOUT."""
        if user is None or not token or token.count("-") != 1:
            return False
        try:
            timestamp = base36_to_int(token.split("-")[0])
        except ValueError:
            return False
        genuine = any(
            constant_time_compare(self._make_token_with_timestamp(user, timestamp, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        )
        age = self._num_seconds(self._now()) - timestamp
        return genuine and 0 <= age <= link_lifetime_seconds()


tokens = EnrolmentTokenGenerator()


def link_lifetime_seconds() -> int:
    return int(getattr(settings, "LINKWORK_ENROLMENT_LINK_DAYS", 3)) * 24 * 3600


def link_path(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return reverse("core:two_factor_enrol", args=[uid, tokens.make_token(user)])


def link_url(user: User) -> str:
    return f"{settings.LINKWORK_SITE_URL}{link_path(user)}"


def user_for_link(uidb64: str, token: str) -> User | None:
    """The active user a set-up link belongs to, if the link is genuine and still valid."""
    try:
        pk = int(urlsafe_base64_decode(uidb64).decode())
    except (ValueError, TypeError, UnicodeDecodeError):
        return None
    user = User.objects.filter(pk=pk, is_active=True).first()
    if user is None or not tokens.check_token(user, token):
        return None
    return user


def allow_set_up(request: HttpRequest, user: User) -> None:
    """This browser session opened the user's link: it may show the set-up secret."""
    request.session[SESSION_KEY] = user.pk
    audit.record(audit.Action.VIEW, user, actor=None, detail={"status": "enrolment_link_opened"})


def may_set_up(request: HttpRequest, user: User) -> bool:
    return bool(request.session.get(SESSION_KEY) == user.pk)


def send_link(*, user: User, by: User | None) -> bool:
    """Email a set-up link to the account's own address; False when it has none or sending
    failed (the administrator is told, and can print one with `linkwork two-factor-link`)."""
    if not user.email:
        return False
    days = link_lifetime_seconds() // (24 * 3600)
    body = _(
        "Someone with administrator rights asked Linkwork to let you set up two-factor sign-in."
        "\n\nOpen this link, sign in with your password, and add an authenticator app:\n%(url)s"
        "\n\nThe link works once and for %(days)d days. If you did not expect this email, tell "
        "your administrator."
    ) % {"url": link_url(user), "days": days}
    try:
        send_mail(
            subject=_("Linkwork: set up two-factor sign-in"),
            message=body,
            from_email=None,
            recipient_list=[user.email],
        )
    except OSError:
        logger.warning("enrolment link email failed for user id %s", user.pk)
        return False
    audit.record(audit.Action.UPDATE, user, actor=by, detail={"status": "enrolment_link_sent"})
    return True
