"""Suite-wide test settings. Factories live with each app's tests; nothing here builds data
except the reference data every database starts with (roles, the default taxonomy)."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True)
def _fast_passwords(settings: pytest.FixtureRequest) -> None:
    # Hashing is deliberately slow; tests do not need it to be.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def reference_data(request: pytest.FixtureRequest) -> None:
    """The reference data migrations load (role groups, the default taxonomy), present for
    every test that uses the database. Idempotent: it only fills in what is missing, which
    happens after a transactional test (browser tests, live servers) has flushed the
    database."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None:
        return
    transactional = marker.kwargs.get("transaction") or (marker.args and marker.args[0])
    request.getfixturevalue("transactional_db" if transactional else "db")
    from django.contrib.auth.models import Group

    from linkwork.core.roles import Role, ensure_role_groups
    from linkwork.directory.models import Taxonomy, TaxonomyTerm
    from linkwork.directory.taxonomy import load_default_taxonomy

    if Group.objects.filter(name__in=[r.value for r in Role]).count() < len(Role):
        ensure_role_groups()
    if not TaxonomyTerm.objects.filter(taxonomy_ref__is_default=True).exists():
        load_default_taxonomy(Taxonomy, TaxonomyTerm)


_DATABASE_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "live_server"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """With LINKWORK_TESTS_USING_DATABASE_ONLY=1 (the PostgreSQL half of `make test`), run only
    the tests that use the database: the others (pure functions, statistics, parsers, and the
    relevance scorers, which build their own SQLite) already ran on SQLite and would run the
    same code again."""
    if os.environ.get("LINKWORK_TESTS_USING_DATABASE_ONLY") != "1":
        return
    keep, drop = [], []
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        uses_db = item.get_closest_marker("django_db") is not None or fixtures & _DATABASE_FIXTURES
        (keep if uses_db else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


def pytest_report_header(config: pytest.Config) -> str:
    return f"linkwork database: {os.environ.get('LINKWORK_TEST_DB', 'sqlite')}"


@pytest.fixture(autouse=True)
def _force_login_signs_in_with_two_factors(monkeypatch: pytest.MonkeyPatch) -> None:
    """`client.force_login(user)` is a finished sign-in, second factor included (the
    requirement itself stays on: see tests/core/signin.py and tests/security/)."""
    from tests.core.signin import install

    install(monkeypatch)


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Each test starts with empty caches, so rate-limit counts never carry between tests."""
    import contextlib

    from django.core.cache import caches

    caches["default"].clear()
    # The shared cache is a database table (decision 0013); a test without the database
    # (pytest-django refuses access with RuntimeError) cannot have counted anything there.
    with contextlib.suppress(RuntimeError):
        caches["shared"].clear()
