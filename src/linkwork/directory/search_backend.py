"""The contract between the directory's pages/APIs and whatever engine ranks services.

The directory owns the public search page and the HSDS API; the `search` app owns ranking.
So that imports flow one way (search imports directory, never the reverse), the search app
registers its engine here at start-up (`register_engine` in its AppConfig.ready()); until then
the directory's own simple engine answers.
"""

from __future__ import annotations

from collections.abc import Callable

from linkwork.directory.search_types import SearchHit, SearchPage, SearchParams
from linkwork.directory.simple_search import simple_search

__all__ = ["Engine", "SearchHit", "SearchPage", "SearchParams", "register_engine", "search"]


Engine = Callable[[SearchParams], SearchPage]
_engine: Engine | None = None


def register_engine(engine: Engine) -> None:
    global _engine
    _engine = engine


def search(params: SearchParams) -> SearchPage:
    """Rank active services for the params with the registered engine (or the simple one)."""
    if _engine is not None:
        return _engine(params)
    return simple_search(params)
