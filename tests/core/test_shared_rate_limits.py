"""Rate-limit counts are shared by every app process (decision 0013): two cache clients, as two
gunicorn workers would each hold, add to one count; the shared cache's table is made by
`migrate`."""

from __future__ import annotations

import time

import pytest
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection

from linkwork.core import rate_limits

pytestmark = pytest.mark.django_db


def test_two_processes_share_one_count() -> None:
    first, second = caches.create_connection("shared"), caches.create_connection("shared")
    assert first is not second
    assert rate_limits.count("linkwork:rl:test:198.51.100.7:1", window=600, cache=first) == 1
    assert rate_limits.count("linkwork:rl:test:198.51.100.7:1", window=600, cache=second) == 2
    assert rate_limits.count("linkwork:rl:test:198.51.100.7:1", window=600, cache=first) == 3


def test_a_per_process_cache_would_not_share_it() -> None:
    """The failure the shared cache prevents: each worker's own memory counts from one."""
    # Each process has its own memory: two local-memory caches with their own names.
    first, second = LocMemCache("worker-1", {}), LocMemCache("worker-2", {})
    assert rate_limits.count("k", window=600, cache=first) == 1
    assert rate_limits.count("k", window=600, cache=second) == 1


def test_the_limit_holds_across_workers(client, settings) -> None:
    settings.RATE_LIMIT_ANONYMOUS_FORMS = 2
    # Two requests counted by "another worker" through its own client of the shared cache.
    other_worker = caches.create_connection("shared")
    window = int(settings.RATE_LIMIT_WINDOW_SECONDS)
    slot = int(time.time()) // window
    key = f"linkwork:rl:casework:self_referral:198.51.100.9:{slot}"
    rate_limits.count(key, window=window, cache=other_worker)
    rate_limits.count(key, window=window, cache=other_worker)
    blocked = client.post("/ask-for-a-link-worker/", {}, REMOTE_ADDR="198.51.100.9")
    assert blocked.status_code == 429


def test_migrate_makes_the_shared_cache_table() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE linkwork_shared_cache")
    assert "linkwork_shared_cache" not in connection.introspection.table_names()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")  # what migrate sends
    assert "linkwork_shared_cache" in connection.introspection.table_names()
    rate_limits.create_shared_cache_table(using="default")  # and again: idempotent
    assert "linkwork_shared_cache" in connection.introspection.table_names()
