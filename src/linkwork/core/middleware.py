from __future__ import annotations

import re
import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from linkwork.core.context import client_request_id_var, current_user_var, request_id_var

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
