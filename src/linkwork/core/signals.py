"""Sign-in events go to the audit log; a failed attempt records the username typed and the
address it came from, so an administrator can see who is being guessed at and from where."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from linkwork.core import audit

#: Longest username kept in the audit entry (anything longer is an attack, not a name).
_MAX_USERNAME = 150


def client_address(request: Any) -> str:
    """The address a request came from, as django-axes locks it out and the audit records it.

    Behind `TRUSTED_PROXY_COUNT` reverse proxies the client is that many entries from the right
    of X-Forwarded-For (entries further left are whatever the client chose to send)."""
    if request is None:
        return ""
    proxies = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0))
    if proxies:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [h for h in hops if h]
        if len(hops) >= proxies:
            return hops[-proxies][:45]
    return str(request.META.get("REMOTE_ADDR", ""))[:45]


@receiver(user_logged_in)
def _logged_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        from linkwork.core.middleware import LAST_SEEN_KEY, SIGNED_IN_AT_KEY

        now = int(time.time())
        request.session[SIGNED_IN_AT_KEY] = now
        request.session[LAST_SEEN_KEY] = now
    audit.record(
        audit.Action.LOGIN,
        user,
        actor=user,
        detail={"via": "password", "source": client_address(request)},
    )


@receiver(user_logged_out)
def _logged_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        audit.record(audit.Action.LOGOUT, user, actor=user)


@receiver(user_login_failed)
def _login_failed(sender: Any, credentials: Any, request: Any = None, **kwargs: Any) -> None:
    username = str((credentials or {}).get("username", ""))[:_MAX_USERNAME]
    audit.record(
        audit.Action.LOGIN_FAILED,
        "core.user",
        detail={"username": username, "source": client_address(request)},
    )
