"""The index's vocabulary (stems), held in memory for typo correction; reloaded on change."""

from __future__ import annotations

import threading
import time

from linkwork.search.models import SearchTerm

CHECK_SECONDS = 30.0

_lock = threading.Lock()
_terms: frozenset[str] | None = None
_loaded_at = 0.0
_count = -1


def mark_stale() -> None:
    global _loaded_at
    _loaded_at = 0.0


def reset() -> None:
    global _terms, _count
    with _lock:
        _terms = None
        _count = -1


def terms() -> frozenset[str]:
    global _terms, _loaded_at, _count
    now = time.monotonic()
    if _terms is not None and now - _loaded_at < CHECK_SECONDS:
        return _terms
    with _lock:
        count = SearchTerm.objects.count()
        if _terms is None or count != _count:
            _terms = frozenset(SearchTerm.objects.values_list("term", flat=True).iterator(5000))
            _count = count
        _loaded_at = now
        return _terms
