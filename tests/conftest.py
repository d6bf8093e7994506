"""Suite-wide test settings. Factories live with each app's tests; nothing here builds data."""

from __future__ import annotations

import os
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _fast_passwords(settings: pytest.FixtureRequest) -> None:
    # Hashing is deliberately slow; tests do not need it to be.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_report_header(config: pytest.Config) -> str:
    return f"linkwork database: {os.environ.get('LINKWORK_TEST_DB', 'sqlite')}"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Transactional tests (browser tests, live servers) flush the database when they finish,
    which would also remove the reference data that migrations load (roles, taxonomy) from
    under the tests that run after them on the same worker. Serialised rollback restores it."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if (
            marker
            and marker.kwargs.get("transaction")
            and not marker.kwargs.get("serialized_rollback")
        ):
            item.add_marker(
                pytest.mark.django_db(
                    *marker.args, **{**marker.kwargs, "serialized_rollback": True}
                ),
                append=False,
            )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Any:
    """After a transactional test has flushed the database, put the reference data back at
    once, so plain tests that run next on the same worker still find it."""
    yield
    marker = item.get_closest_marker("django_db")
    if nextitem is None or not (marker and marker.kwargs.get("transaction")):
        return  # after the last test the test database is already gone
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType
    from django.db import connections
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        for connection in connections.all():
            contents = getattr(connection, "_test_serialized_contents", None)
            if not contents:
                continue
            # The flush may have re-created content types and permissions (post_migrate) under
            # new ids; the database is otherwise empty, so clear them and restore the originals.
            Permission.objects.using(connection.alias).all().delete()
            ContentType.objects.using(connection.alias).all().delete()
            ContentType.objects.clear_cache()
            connection.creation.deserialize_db_from_string(contents)


@pytest.fixture(autouse=True)
def _force_login_signs_in_with_two_factors(monkeypatch: pytest.MonkeyPatch) -> None:
    """`client.force_login(user)` is a finished sign-in, second factor included (the
    requirement itself stays on: see tests/core/signin.py and tests/security/)."""
    from tests.core.signin import install

    install(monkeypatch)


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Each test starts with an empty cache, so rate-limit counts never carry between tests."""
    from django.core.cache import cache

    cache.clear()
