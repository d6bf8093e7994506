"""Per-request context (request id, current user) visible to the audit helper."""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

request_id_var: ContextVar[str] = ContextVar("request_id", default="")
#: The X-Request-ID a client sent (well-formed ones only): kept beside ours, never trusted.
client_request_id_var: ContextVar[str] = ContextVar("client_request_id", default="")
current_user_var: ContextVar[Any] = ContextVar("current_user", default=None)
