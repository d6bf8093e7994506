"""The index's vocabulary: each stem and how many documents hold it, kept in memory.

Typo correction looks words up here, and the query leaves out words so common that they
would make the full-text query scan most of the index for little ranking value. Read from
FTS5's vocabulary table (SQLite) or ts_stat (PostgreSQL; heavier, so re-read less often).
"""

from __future__ import annotations

import threading
import time

from django.db import connection

from linkwork.search.models import SearchDocument
from linkwork.search.place_keys import is_place_key

CHECK_SECONDS = {"sqlite": 120.0, "postgresql": 600.0}

_lock = threading.Lock()
_df: dict[str, int] | None = None
_terms: frozenset[str] = frozenset()
_documents = 0
_loaded_at = 0.0


def mark_stale() -> None:
    global _loaded_at
    _loaded_at = 0.0


def reset() -> None:
    global _df, _loaded_at
    with _lock:
        _df = None
        _loaded_at = 0.0


def _read() -> dict[str, int]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM search_searchdocument')"
            )
        else:
            cursor.execute("SELECT term, doc FROM search_fts_vocab")
        # Place keys (search.place_keys) are words of the index, not of anyone's language.
        return {term: int(n) for term, n in cursor.fetchall() if not is_place_key(term)}


def _load() -> None:
    global _df, _terms, _documents, _loaded_at
    now = time.monotonic()
    if _df is not None and now - _loaded_at < CHECK_SECONDS.get(connection.vendor, 30.0):
        return
    with _lock:
        _df = _read()
        _terms = frozenset(_df)
        _documents = SearchDocument.objects.count()
        _loaded_at = now


def terms() -> frozenset[str]:
    _load()
    return _terms


def document_frequency() -> tuple[dict[str, int], int]:
    """(stem -> documents holding it, number of documents)."""
    _load()
    return _df or {}, _documents
