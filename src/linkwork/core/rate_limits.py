"""Rate limits on the anonymous forms that cost us work: counted per address in the Django cache
(no third-party service), answered with a 429 page in the design system.

Which views are limited is listed here by URL name, so the apps that own them stay unchanged.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from linkwork.core.signals import client_address

#: URL name -> the methods that count (a PDF costs CPU even on GET).
LIMITED_VIEWS: dict[str, frozenset[str]] = {
    "casework:self_referral": frozenset({"POST"}),
    "directory:report_problem": frozenset({"POST"}),
    "directory:my_list_pdf": frozenset({"GET", "POST"}),
    "directory:my_list_share": frozenset({"POST"}),
}


def over_limit(request: HttpRequest, group: str) -> bool:
    """Count this request against its address and group; True once the window is full."""
    window = int(settings.RATE_LIMIT_WINDOW_SECONDS)
    slot = int(time.time()) // window
    key = f"linkwork:rl:{group}:{client_address(request)}:{slot}"
    cache.add(key, 0, timeout=window + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: this is the first in a new window
        cache.set(key, 1, timeout=window + 5)
        count = 1
    return count > int(settings.RATE_LIMIT_ANONYMOUS_FORMS)


def too_many_requests(request: HttpRequest) -> HttpResponse:
    window_minutes = max(1, int(settings.RATE_LIMIT_WINDOW_SECONDS) // 60)
    response = render(request, "core/rate_limited.html", {"minutes": window_minutes}, status=429)
    response["Retry-After"] = str(int(settings.RATE_LIMIT_WINDOW_SECONDS))
    return response


class AnonymousFormRateLimitMiddleware:
    """Apply `LIMITED_VIEWS` to people who are not signed in."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: object, args: object, kwargs: object
    ) -> HttpResponse | None:
        match = request.resolver_match
        name = match.view_name if match else ""
        methods = LIMITED_VIEWS.get(name)
        if not methods or request.method not in methods:
            return None
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return None
        if over_limit(request, name):
            return too_many_requests(request)
        return None
