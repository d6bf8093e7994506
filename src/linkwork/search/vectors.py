"""The in-memory index: every service's embedding in one matrix, for cosine search, and its
facets (status, place, filters; see `facets`) in columns aligned with the matrix rows.

Built lazily from the database on first use and refreshed incrementally: at most every
`CHECK_SECONDS` a search asks the database whether documents changed (max updated_at, and
the count when needed: see `_generation`), and loads only rows updated since. Other
processes (workers, gunicorn) see changes the same way, so the database stays the one source
of truth.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from django.db import connection
from django.db.models import Max

from linkwork.directory.models import ServiceArea
from linkwork.search.embedding import get_embedder
from linkwork.search.facets import FIELDS, Facets, uuid_key
from linkwork.search.models import SearchDocument

CHECK_SECONDS = 2.0
COUNT_SECONDS = 60.0


@dataclass
class State:
    ids: list[str]  # service ids as keys (see `facets.uuid_key`), one per row
    rows: dict[str, int]  # key -> row
    doc_row: np.ndarray  # search document id -> row (-1: none)
    row_doc: np.ndarray  # row -> search document id
    matrix: np.ndarray  # float32, one unit row per service (zeros if not embedded)
    facets: Facets  # filters and place, row-aligned with matrix
    model: str
    generation: tuple
    checked_at: float
    counted_at: float = 0.0

    def service_uuid(self, row: int) -> uuid.UUID:
        return uuid.UUID(hex=self.ids[row])

    def row_of(self, service_id: uuid.UUID) -> int | None:
        return self.rows.get(uuid_key(service_id))

    def doc_row_of(self, doc_ids) -> np.ndarray:  # type: ignore[no-untyped-def]
        """The row of each search document, -1 for one the index does not hold (yet)."""
        doc_ids = np.asarray(doc_ids, dtype=np.int64)
        known = (doc_ids >= 0) & (doc_ids < len(self.doc_row))
        rows = np.full(len(doc_ids), -1, dtype=np.int64)
        rows[known] = self.doc_row[doc_ids[known]]
        return rows

    def rows_of_docs(self, doc_ids) -> np.ndarray:  # type: ignore[no-untyped-def]
        """Rows of some search documents (unknown ones left out)."""
        rows = self.doc_row_of(doc_ids)
        return rows[rows >= 0]


_lock = threading.Lock()
_state: State | None = None
_force_check = False


def mark_stale() -> None:
    """Make the next search check the database (this process changed documents)."""
    global _force_check
    _force_check = True


def reset() -> None:
    global _state
    with _lock:
        _state = None


def _generation(previous: tuple | None, *, count: bool) -> tuple:
    """(newest document change, number of documents). Counting is a scan of the table on
    PostgreSQL (seconds at a million documents), so it runs only when something changed, when
    this process asked (`mark_stale`), or every COUNT_SECONDS to notice deletions elsewhere."""
    newest = SearchDocument.objects.aggregate(m=Max("updated_at"))["m"]
    if previous is not None and not count and newest == previous[0]:
        return previous
    return (newest, SearchDocument.objects.count())


def _raw_rows(qs) -> Iterator[tuple]:  # type: ignore[no-untyped-def]
    """The rows of a values_list queryset without Django's per-value converters (UUID and
    boolean conversion is most of the time of loading a million rows)."""
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(5000):
            yield from rows


def _load(since=None) -> Iterator[tuple]:  # type: ignore[no-untyped-def]
    qs = SearchDocument.objects.order_by()
    if since is not None:
        qs = qs.filter(updated_at__gte=since)
    return _raw_rows(qs.values_list("id", "service_id", "embedding", "embedding_model", *FIELDS))


def _areas(service_rows: dict[str, int], only=None) -> dict[int, list[tuple[str, str]]]:  # type: ignore[no-untyped-def]
    qs = ServiceArea.objects.exclude(service=None).order_by()
    if only is not None:
        qs = qs.filter(service_id__in=only)
    found: dict[int, list[tuple[str, str]]] = {}
    for sid, code, kind in _raw_rows(qs.values_list("service_id", "gss_code", "kind")):
        row = service_rows.get(uuid_key(sid))
        if row is not None:
            found.setdefault(row, []).append((code, kind))
    return found


def _vector(blob, doc_model: str, model: str, dims: int) -> bytes:  # type: ignore[no-untyped-def]
    if blob is None or doc_model != model or len(blob) != dims * 2:
        return bytes(dims * 2)  # not embedded (yet) by this model: similar to nothing
    return bytes(blob)


def _doc_row_array(pairs: dict[int, int]) -> np.ndarray:
    size = max(pairs, default=-1) + 1
    doc_row = np.full(size, -1, dtype=np.int64)
    if pairs:
        doc_row[np.fromiter(pairs.keys(), dtype=np.int64)] = np.fromiter(
            pairs.values(), dtype=np.int64
        )
    return doc_row


def _build(model: str, generation: tuple) -> State:
    dims = get_embedder().dimensions
    ids: list[str] = []
    doc_rows: dict[int, int] = {}
    chunks: list[bytes] = []
    facet_rows: list[tuple] = []
    for doc_id, service_id, blob, doc_model, *values in _load():
        doc_rows[doc_id] = len(ids)
        ids.append(uuid_key(service_id))
        chunks.append(_vector(blob, doc_model, model, dims))
        facet_rows.append(tuple(values))
    if chunks:
        matrix = np.frombuffer(b"".join(chunks), dtype=np.float16).reshape(len(ids), dims)
        matrix = matrix.astype(np.float32)
    else:
        matrix = np.zeros((0, dims), dtype=np.float32)
    rows = {sid: i for i, sid in enumerate(ids)}
    facets = Facets.build(facet_rows)
    facets.set_areas(range(len(ids)), _areas(rows))
    row_doc = np.fromiter(doc_rows.keys(), dtype=np.int64, count=len(doc_rows))
    return State(
        ids,
        rows,
        _doc_row_array(doc_rows),
        row_doc,
        matrix,
        facets,
        model,
        generation,
        time.monotonic(),
    )


def _refresh(state: State, generation: tuple) -> State:
    """Apply documents updated since the last look; rebuild if some were deleted."""
    since = state.generation[0]
    dims = state.matrix.shape[1]
    changed: list[tuple[int, int, np.ndarray, tuple]] = []  # doc, row, vector, facets
    doc_row = state.doc_row
    for doc_id, raw_service_id, blob, doc_model, *values in _load(since):
        vec = np.frombuffer(_vector(blob, doc_model, state.model, dims), dtype=np.float16)
        service_id = uuid_key(raw_service_id)
        row = state.rows.get(service_id)
        if row is not None and (doc_id >= len(doc_row) or doc_row[doc_id] != row):
            return _build(state.model, generation)  # re-created document: start again
        if row is None:
            row = len(state.ids)
            state.ids.append(service_id)
            state.rows[service_id] = row
        changed.append((doc_id, row, vec.astype(np.float32), tuple(values)))
    if changed:
        n = len(state.ids)
        if n > len(state.matrix):
            extra = np.zeros((n - len(state.matrix), dims), dtype=np.float32)
            state.matrix = np.vstack([state.matrix, extra])
            state.facets.grow(n)
            state.row_doc = np.concatenate([state.row_doc, np.full(len(extra), -1)])
        top = max(doc_id for doc_id, *_ in changed)
        if top >= len(state.doc_row):
            grown = np.full(top + 1 - len(state.doc_row), -1, dtype=np.int64)
            state.doc_row = np.concatenate([state.doc_row, grown])
        for doc_id, row, vec, facet_values in changed:
            state.matrix[row] = vec
            state.facets.set_row(row, facet_values)
            state.doc_row[doc_id] = row
            state.row_doc[row] = doc_id
        rows = [row for _d, row, _v, _f in changed]
        service_ids = [state.service_uuid(row) for row in rows]
        state.facets.set_areas(rows, _areas(state.rows, only=service_ids))
    if len(state.ids) != generation[1]:
        return _build(state.model, generation)  # some were deleted: start again
    state.generation = generation
    state.checked_at = time.monotonic()
    return state


def index() -> State:
    """The current index (built on first use; checked against the database every few s)."""
    global _state, _force_check
    model = get_embedder().name
    state = _state
    now = time.monotonic()
    fresh = state is not None and now - state.checked_at < CHECK_SECONDS
    if state is not None and state.model == model and not _force_check and fresh:
        return state
    with _lock:
        forced, _force_check = _force_check, False
        previous = _state.generation if _state is not None else None
        counted_at = _state.counted_at if _state is not None else 0.0
        count = forced or now - counted_at >= COUNT_SECONDS
        generation = _generation(previous, count=count)
        if _state is None or _state.model != model:
            _state = _build(model, generation)
        elif generation != _state.generation:
            _state = _refresh(_state, generation)
        else:
            _state.checked_at = now
        if count or previous is None or generation is not previous:
            _state.counted_at = now
        return _state


def similar(
    state: State,
    query_vector: np.ndarray,
    *,
    limit: int,
    min_similarity: float,
    mask: np.ndarray | None = None,
) -> list[tuple[int, float]]:
    """Rows most similar in meaning to the query vector, best first, optionally only among
    the rows of a mask (a search's allowed set). With several query vectors (one per row of a
    2-D array: readings of the same query), a row's similarity is its best over them."""
    if not len(state.ids) or not np.any(query_vector):
        return []
    query_vector = query_vector.astype(np.float32)
    rows = None if mask is None else np.flatnonzero(mask)
    if rows is not None and not len(rows):
        return []
    if rows is None or len(rows) > len(state.ids) // 8:
        # Most rows: one product over the whole matrix beats copying the selected rows.
        sims = _best(state.matrix @ query_vector.T)
        if rows is not None and mask is not None:
            sims[~mask] = -np.inf
        rows = None
    else:
        sims = _best(state.matrix[rows] @ query_vector.T)
    limit = min(limit, len(sims))
    top = np.argpartition(-sims, limit - 1)[:limit]
    top = top[np.argsort(-sims[top])]
    top = top[sims[top] >= min_similarity]
    found = top if rows is None else rows[top]
    return list(zip(found.tolist(), sims[top].tolist(), strict=True))


def similarity_of(state: State, query_vector: np.ndarray, rows: list[int]) -> list[float]:
    if not rows:
        return []
    return _best(state.matrix[np.array(rows)] @ query_vector.astype(np.float32).T).tolist()


def _best(sims: np.ndarray) -> np.ndarray:
    """Each row's similarity: the best over the query's readings (columns), if several."""
    return sims if sims.ndim == 1 else sims.max(axis=1)
