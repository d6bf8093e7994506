"""Directory tests run against the directory's own simple search engine, so they test the
directory, not whichever engine the search app has registered (it has its own tests).
They also make sure our categories exist: a browser test that ran earlier in the same
process flushes the tables their data migration filled."""

from __future__ import annotations

import pytest

from linkwork.directory import search_backend


@pytest.fixture(autouse=True)
def _simple_search_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_backend, "_engine", None)


@pytest.fixture(autouse=True)
def _wellbeing_taxonomy(request: pytest.FixtureRequest) -> None:
    marker = request.node.get_closest_marker("django_db")
    if marker is None:
        return
    request.getfixturevalue("transactional_db" if marker.kwargs.get("transaction") else "db")
    from tests.directory.factories import ensure_taxonomy

    ensure_taxonomy()
