"""RFC 9457 problem details (``application/problem+json``): the one error body every JSON API
answers with. In core so an app's API can use it without importing the project's API module
(which imports every app's router)."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse


def problem(
    request: HttpRequest, status: int, title: str, detail: str = "", **extra: Any
) -> HttpResponse:
    body: dict[str, Any] = {"type": "about:blank", "title": title, "status": status, **extra}
    if detail:
        body["detail"] = detail
    return HttpResponse(
        json.dumps(body, default=str), status=status, content_type="application/problem+json"
    )
