"""Directory tests run against the directory's own simple search engine, so they test the
directory, not whichever engine the search app has registered (it has its own tests)."""

from __future__ import annotations

import pytest

from linkwork.directory import search_backend


@pytest.fixture(autouse=True)
def _simple_search_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_backend, "_engine", None)
