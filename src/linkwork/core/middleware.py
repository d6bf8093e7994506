from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import Callable
from urllib.parse import unquote, urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from linkwork.core.context import client_request_id_var, current_user_var, request_id_var
from linkwork.core.two_factor import confirmed_totp, is_verified, requires_two_factor

SIGNED_IN_AT_KEY = "linkwork_signed_in_at"
LAST_SEEN_KEY = "linkwork_last_seen"

_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class RequestIdMiddleware:
    """Give each request an id generated here, for logs and audit. A well-formed incoming
    X-Request-ID is kept beside it (client_request_id) for correlation, never used as ours:
    a client must not be able to choose, or collide with, the id the audit log records."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        client_rid = incoming if _SAFE_ID.match(incoming) else ""
        rid = uuid.uuid4().hex
        request.request_id = rid  # type: ignore[attr-defined]
        request.client_request_id = client_rid  # type: ignore[attr-defined]
        token = request_id_var.set(rid)
        client_token = client_request_id_var.set(client_rid)
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(token)
            client_request_id_var.reset(client_token)
        response["X-Request-ID"] = rid
        return response


class CurrentUserMiddleware:
    """Make the signed-in user visible to the audit helper."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = current_user_var.set(getattr(request, "user", None))
        try:
            return self.get_response(request)
        finally:
            current_user_var.reset(token)


#: Paths a signed-in user may reach before proving the second factor (and public assets).
#: Only what signing in, the second factor itself and a forgotten password need: never the
#: rest of /accounts/ (changing the password needs both factors).
_BEFORE_SECOND_FACTOR = (
    "/accounts/login/",
    "/accounts/logout/",
    "/accounts/two-factor/",
    "/accounts/password_reset/",
    "/accounts/reset/",
    "/static/",
    "/i18n/",
    "/healthz",
)
_MACHINE_PREFIXES = ("/api/", "/fhir/")


class SessionLimitsMiddleware:
    """Sign staff out after `SESSION_IDLE_MINUTES` without a request, and after
    `SESSION_COOKIE_AGE` seconds from sign-in however busy they are (the absolute limit: the
    idle clock saves the session, which would otherwise keep sliding its expiry forward)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            session = request.session
            signed_in_at = session.setdefault(SIGNED_IN_AT_KEY, now)
            last_seen = session.get(LAST_SEEN_KEY, now)
            idle_limit = int(settings.SESSION_IDLE_MINUTES) * 60
            if now - last_seen > idle_limit or now - signed_in_at > settings.SESSION_COOKIE_AGE:
                logout(request)
                if not request.path.startswith(_MACHINE_PREFIXES):
                    messages.info(request, _("You were signed out after a time without activity."))
                    return redirect_to_login(request.get_full_path())
            elif now - last_seen >= 60 or LAST_SEEN_KEY not in session:
                session[LAST_SEEN_KEY] = now  # saved at most once a minute
        return self.get_response(request)


class TwoFactorRequiredMiddleware:
    """Everyone who can see personal data proves a second factor before anything else.

    A session that passed only the password step is sent to the two-factor page for every page,
    and counts as signed out for the JSON APIs and FHIR (which then want a bearer token).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and requires_two_factor(user)  # type: ignore[arg-type]
            and not is_verified(user)
        ):
            if request.path.startswith(_MACHINE_PREFIXES):
                request.user = AnonymousUser()
            elif not request.path.startswith(_BEFORE_SECOND_FACTOR):
                target = "core:two_factor_verify"
                if confirmed_totp(user) is None:  # type: ignore[arg-type]
                    target = "core:two_factor_setup"
                return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


class NoStoreForPersonalDataMiddleware:
    """`Cache-Control: no-store` on everything a signed-in member of staff is shown, and on
    every API/FHIR answer that needed a token or session: pages, PDFs and JSON with personal
    data must not stay in browser or proxy caches."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        signed_in = bool(user is not None and user.is_authenticated)
        credentialed = signed_in or "HTTP_AUTHORIZATION" in request.META
        if credentialed and not request.path.startswith("/static/"):
            add_never_cache_headers(response)
            response["Cache-Control"] = "no-store, private, max-age=0"
        return response


_TEXT_BODIES = ("application/json", "application/fhir+json", "application/x-www-form-urlencoded")


class RejectNulBytesMiddleware:
    """A NUL byte is never meaningful in our text and PostgreSQL cannot store one: the APIs answer
    400 (problem details) at once, on every database alike, instead of failing deep inside."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(_MACHINE_PREFIXES) and _has_nul(request):
            body = {
                "type": "about:blank",
                "title": _("The request contains a NUL character, which is not allowed."),
                "status": 400,
            }
            return HttpResponse(
                json.dumps(body), status=400, content_type="application/problem+json"
            )
        return self.get_response(request)


def _has_nul(request: HttpRequest) -> bool:
    if "\x00" in request.path or "\x00" in unquote(request.META.get("QUERY_STRING", "")):
        return True
    if request.content_type not in _TEXT_BODIES:
        return False
    body = request.body
    return b"\x00" in body or b"\\u0000" in body or b"%00" in body
