"""Response helpers for pages with personal data (permission checks are
``linkwork.core.permissions.require_action``)."""

from __future__ import annotations

from django.http import HttpResponse


def no_store(response: HttpResponse) -> HttpResponse:
    """Pages with personal data are never kept by the browser or a proxy."""
    response["Cache-Control"] = "no-store"
    return response
