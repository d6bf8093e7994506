"""Rate limits on the anonymous forms that cost us work: counted per address in the project's
shared cache (no third-party service), answered with a 429 page in the design system.

The counts live in the `shared` cache, a table in the project's database (decision 0013), so
every gunicorn worker and every app server counts against the same limit; a per-process cache
would let each worker accept its own quota. `createcachetable` makes the table: `linkwork
migrate` runs it after migrating (see `create_shared_cache_table`), and Django's test runner
does too.

Which views are limited is listed here by URL name, so the apps that own them stay unchanged.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.core.management import call_command
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


#: The cache every process shares (settings.CACHES; decision 0013).
SHARED_CACHE = "shared"


def shared_cache() -> BaseCache:
    return caches[SHARED_CACHE]


def create_shared_cache_table(*, using: str = "default", **_kwargs: object) -> None:
    """post_migrate: make the shared cache's table (idempotent), so a fresh `linkwork migrate`
    (and so `make demo`) leaves a working shared cache with no extra step."""
    call_command("createcachetable", database=using, verbosity=0)


def count(key: str, *, window: int, cache: BaseCache | None = None) -> int:
    """Add one to `key`'s count in this window and return the new count."""
    cache = cache or shared_cache()
    cache.add(key, 0, timeout=window + 5)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr: this is the first in a new window
        cache.set(key, 1, timeout=window + 5)
        return 1


def over_limit(request: HttpRequest, group: str) -> bool:
    """Count this request against its address and group; True once the window is full."""
    window = int(settings.RATE_LIMIT_WINDOW_SECONDS)
    slot = int(time.time()) // window
    key = f"linkwork:rl:{group}:{client_address(request)}:{slot}"
    return count(key, window=window) > int(settings.RATE_LIMIT_ANONYMOUS_FORMS)


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
