"""The public forms' rate limit counts in the database, so every app process shares it."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import RequestFactory, override_settings

from linkwork.engagement.models import RateCount
from linkwork.engagement.rate_limit import over_limit

pytestmark = pytest.mark.django_db


@override_settings(RATE_LIMIT_ANONYMOUS_FORMS=3, RATE_LIMIT_WINDOW_SECONDS=600)
def test_the_count_survives_a_cleared_cache_and_is_per_address_form_and_window() -> None:
    here = RequestFactory().post("/", REMOTE_ADDR="192.0.2.1")
    there = RequestFactory().post("/", REMOTE_ADDR="192.0.2.2")
    now = 1_000_000.0
    results = []
    for _ in range(4):
        cache.clear()  # another process has its own cache: the count must not live there
        results.append(over_limit(here, "story", now=now))
    assert results == [False, False, False, True]
    assert not over_limit(there, "story", now=now)
    assert not over_limit(here, "consultation:1", now=now)
    assert not over_limit(here, "story", now=now + 600)  # the next window starts afresh
    assert not over_limit(here, "story", now=now + 1800)
    assert RateCount.objects.filter(window__lt=(now + 1800) // 600 - 1).count() == 0
    assert all("192.0.2" not in key for key in RateCount.objects.values_list("key", flat=True))
