"""The in-memory vector index: every service's embedding in one matrix, for cosine search.

Built lazily from the database on first use and refreshed incrementally: at most every
`CHECK_SECONDS` a search asks the database whether documents changed (max updated_at and
count), and loads only rows updated since. Other processes (workers, gunicorn) see changes the
same way, so the database stays the one source of truth.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from django.db.models import Count, Max

from linkwork.search.embedding import get_embedder
from linkwork.search.models import SearchDocument

CHECK_SECONDS = 2.0


@dataclass
class _State:
    ids: list[uuid.UUID]
    rows: dict[uuid.UUID, int]
    doc_rows: dict[int, int]  # search document id -> row
    matrix: np.ndarray  # float32, one unit row per service (zeros if not embedded)
    model: str
    generation: tuple
    checked_at: float


_lock = threading.Lock()
_state: _State | None = None
_force_check = False


def mark_stale() -> None:
    """Make the next search check the database (this process changed documents)."""
    global _force_check
    _force_check = True


def reset() -> None:
    global _state
    with _lock:
        _state = None


def _generation() -> tuple:
    agg = SearchDocument.objects.aggregate(m=Max("updated_at"), n=Count("id"))
    return (agg["m"], agg["n"])


def _load(model: str, since=None):  # type: ignore[no-untyped-def]
    qs = SearchDocument.objects.filter(embedding_model=model)
    if since is not None:
        qs = qs.filter(updated_at__gte=since)
    return qs.values_list("id", "service_id", "embedding").iterator(chunk_size=5000)


def _build(model: str, generation: tuple) -> _State:
    ids: list[uuid.UUID] = []
    doc_rows: dict[int, int] = {}
    chunks: list[bytes] = []
    for doc_id, service_id, blob in _load(model):
        doc_rows[doc_id] = len(ids)
        ids.append(service_id)
        chunks.append(bytes(blob))
    dims = get_embedder().dimensions
    if chunks:
        matrix = np.frombuffer(b"".join(chunks), dtype=np.float16).reshape(len(ids), dims)
        matrix = matrix.astype(np.float32)
    else:
        matrix = np.zeros((0, dims), dtype=np.float32)
    rows = {sid: i for i, sid in enumerate(ids)}
    return _State(ids, rows, doc_rows, matrix, model, generation, time.monotonic())


def _refresh(state: _State, generation: tuple) -> _State:
    """Apply documents updated since the last look; rebuild if some were deleted."""
    since = state.generation[0]
    new_ids: list[uuid.UUID] = []
    new_docs: list[int] = []
    new_rows: list[np.ndarray] = []
    for doc_id, service_id, blob in _load(state.model, since):
        vec = np.frombuffer(bytes(blob), dtype=np.float16).astype(np.float32)
        if service_id in state.rows and state.doc_rows.get(doc_id) == state.rows[service_id]:
            state.matrix[state.rows[service_id]] = vec
        elif service_id in state.rows:
            return _build(state.model, generation)  # re-created document: start again
        else:
            new_ids.append(service_id)
            new_docs.append(doc_id)
            new_rows.append(vec)
    if new_ids:
        start = len(state.ids)
        state.matrix = np.vstack([state.matrix, np.array(new_rows, dtype=np.float32)])
        for offset, (sid, doc_id) in enumerate(zip(new_ids, new_docs, strict=True)):
            state.rows[sid] = start + offset
            state.doc_rows[doc_id] = start + offset
        state.ids.extend(new_ids)
    if len(state.ids) != generation[1]:
        return _build(state.model, generation)  # some were deleted: start again
    state.generation = generation
    state.checked_at = time.monotonic()
    return state


def index() -> _State:
    """The current index (built on first use; checked against the database every few s)."""
    global _state, _force_check
    model = get_embedder().name
    state = _state
    now = time.monotonic()
    fresh = state is not None and now - state.checked_at < CHECK_SECONDS
    if state is not None and state.model == model and not _force_check and fresh:
        return state
    with _lock:
        _force_check = False
        generation = _generation()
        if _state is None or _state.model != model:
            _state = _build(model, generation)
        elif generation != _state.generation:
            _state = _refresh(_state, generation)
        else:
            _state.checked_at = now
        return _state


def similar(
    query_vector: np.ndarray,
    *,
    limit: int,
    min_similarity: float,
    within_docs: Iterable[int] | None = None,
) -> list[tuple[uuid.UUID, float]]:
    """Services most similar in meaning to the query vector, best first (optionally only
    among the services of some search documents)."""
    state = index()
    if not len(state.ids) or not np.any(query_vector):
        return []
    if within_docs is None:
        rows = None
        sims = state.matrix @ query_vector.astype(np.float32)
    else:
        doc_rows = state.doc_rows
        rows = np.fromiter(
            (r for d in within_docs if (r := doc_rows.get(d)) is not None), dtype=np.int64
        )
        if not len(rows):
            return []
        sims = state.matrix[rows] @ query_vector.astype(np.float32)
    limit = min(limit, len(sims))
    top = np.argpartition(-sims, limit - 1)[:limit]
    top = top[np.argsort(-sims[top])]
    ids = state.ids
    if rows is None:
        return [(ids[i], float(sims[i])) for i in top if sims[i] >= min_similarity]
    return [(ids[rows[i]], float(sims[i])) for i in top if sims[i] >= min_similarity]


def similarity_of(query_vector: np.ndarray, service_ids: list[uuid.UUID]) -> dict[uuid.UUID, float]:
    state = index()
    out = {}
    for sid in service_ids:
        row = state.rows.get(sid)
        if row is not None:
            out[sid] = float(state.matrix[row] @ query_vector)
    return out
