"""The search engine the directory's pages and APIs use (registered in SearchConfig.ready).

Hybrid ranking by reciprocal rank fusion (RRF) of up to three ranked lists:
lexical (full-text, field-weighted), semantic (cosine similarity of sentence embeddings) and
place (distance from the person). Each hit says why it matched.

Which services a search may return (place, filters) is a mask over the rows of the in-memory
index (`allowed`, `facets`), checked against the directory's own SQL filters by tests. Near a
place, the full-text query is narrowed by the database with place keys before it is ranked
(`place_keys`), so its cost follows the services near the person, not the whole country.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Sequence

import numpy as np
from django.conf import settings
from django.db import connection
from django.utils.translation import gettext as _

from linkwork.directory import selectors
from linkwork.directory.models import Service
from linkwork.directory.search_backend import SearchHit, SearchPage, SearchParams
from linkwork.directory.simple_search import DEFAULT_DISTANCE_KM, filtered
from linkwork.search import backends, vectors, vocabulary
from linkwork.search.allowed import Allowed, allowed_rows
from linkwork.search.embedding import get_embedder
from linkwork.search.query import ParsedQuery, parse
from linkwork.search.signals import maybe_sync_stale
from linkwork.search.why import category_names, explain_hits

#: PostgreSQL's ts_rank scores every match (no early stop), so a query ranked over the whole
#: index keeps fewer common words there (searches near a place prune alike on both).
PRUNING = {"postgresql": {"max_share": 0.015, "min_documents": 1000}}  # unless all words kept
RRF_K = 60
WEIGHTS = {"lexical": 1.0, "semantic": 0.3, "place": 0.5}  # tuned on the relevance set
LEXICAL_LIMIT = 150
BROWSE_LIMIT = 5000
DENSE_FILTERS = 0.05  # share of services passing filters above which ranking comes first

SEMANTIC_KEEP = 100
MIN_SIMILARITY = 0.35
STRONG_SIMILARITY = 0.5
SEMANTIC_EXPAND = True
_DEFAULTS = SearchParams()
_FILTER_FIELDS = (
    "categories",
    "delivery_modes",
    "free_only",
    "open_on",
    "accessibility",
    "languages",
    "age",
    "organisation_id",
    "area_codes",
    "exclude_ids",
    "include_inactive",
)


@dataclasses.dataclass
class Candidate:
    row: int  # in the in-memory index (vectors)
    ranks: dict[str, int] = dataclasses.field(default_factory=dict)
    lexical_score: float = 0.0
    name: str | None = None  # known when the lexical query brought the row
    similarity: float | None = None
    distance_m: float | None = None
    remote_or_area: bool = False
    score: float = 0.0


def resolve_place(params: SearchParams) -> selectors.Place | None:
    if params.latitude is not None and params.longitude is not None:
        found = selectors.place_for_postcode(params.postcode) if params.postcode else None
        codes = found.area_codes if found else ()
        return selectors.Place(params.postcode, params.latitude, params.longitude, codes)
    if params.postcode:
        return selectors.place_for_postcode(params.postcode)
    return None


def parse_for_search(q: str) -> ParsedQuery:
    return parse(q, as_you_type=True, vocabulary=vocabulary.terms())


def semantic_text(parsed: ParsedQuery) -> str:
    """What the embedding model reads for a query: the words, plus the needs they name."""
    names = category_names()
    extra = [names[c] for c in parsed.categories if c in names]
    return parsed.text if not extra or not SEMANTIC_EXPAND else f"{parsed.text}. {', '.join(extra)}"


def _has_filters(params: SearchParams) -> bool:
    return any(getattr(params, f) != getattr(_DEFAULTS, f) for f in _FILTER_FIELDS)


def search(params: SearchParams) -> SearchPage:
    """Rank active services for the params (the engine registered with the directory)."""
    maybe_sync_stale()
    state = vectors.index()
    notes: list[str] = []
    place = resolve_place(params)
    if params.postcode and place is None:
        notes.append(_("We could not find that postcode, so results are not sorted by distance."))
    km = params.distance_km or DEFAULT_DISTANCE_KM
    allowed = None
    if place is not None or _has_filters(params):
        allowed = allowed_rows(state, params, place, km)
    q = params.q.strip()
    candidates: dict[int, Candidate] = {}
    parsed = parse_for_search(q) if q else ParsedQuery(text="")

    if q and params.mode != "semantic":
        _lexical(state, parsed, allowed, candidates)
    if q and params.mode != "lexical":
        _semantic(state, semantic_text(parsed), allowed, candidates)
    if not q:
        rows = _browse_rows(state, params, allowed)
        for row in rows[:BROWSE_LIMIT]:
            candidates.setdefault(int(row), Candidate(int(row)))

    if allowed is not None and allowed.near_rows is not None:
        _distances(candidates, allowed)
    for c in candidates.values():
        c.score = sum(WEIGHTS[k] / (RRF_K + r) for k, r in c.ranks.items())
    start = (max(params.page, 1) - 1) * params.per_page
    if not q and place is None:
        names = _names(state, list(candidates.values()))
        ordered = sorted(candidates.values(), key=lambda c: names[c.row])
    else:
        ordered = sorted(candidates.values(), key=lambda c: -c.score)
        names = _names(state, _tied(ordered, start, start + params.per_page))
        ordered.sort(key=lambda c: (-c.score, names.get(c.row, "")))
    total = len(ordered)
    page = ordered[start : start + params.per_page]
    hits = [
        SearchHit(
            service_id=state.service_uuid(c.row),
            score=round(c.score * 1000, 3),
            distance_m=c.distance_m,
        )
        for c in page
    ]
    by_id = {h.service_id: c for h, c in zip(hits, page, strict=True)}
    explain_hits(hits, by_id, parsed, explain=params.explain)
    return SearchPage(
        hits=hits, total=total, page=params.page, per_page=params.per_page, notes=notes
    )


def _lexical(
    state: vectors.State,
    parsed: ParsedQuery,
    allowed: Allowed | None,
    candidates: dict[int, Candidate],
) -> None:
    df, documents = vocabulary.document_frequency()
    share = settings.SEARCH_COMMON_WORD_SHARE
    pruned = parsed.pruned(df, documents, max_share=share)

    def whole() -> ParsedQuery:
        """The query to rank over the whole index: PostgreSQL's ts_rank scores every match,
        so it keeps fewer common words there."""
        strict = PRUNING.get(connection.vendor)
        if not strict or share >= 1:
            return pruned
        return parsed.pruned(
            df,
            documents,
            max_share=min(share, strict["max_share"]),
            min_documents=strict["min_documents"],
        )

    if allowed is None:
        found = _lexical_ranked(state, whole(), state.facets.active, LEXICAL_LIMIT * 2)
    elif allowed.keys:  # near a place: the database restricts by place keys, then ranks
        pairs = backends.lexical_near(pruned, allowed.keys)
        rows, keep = _allowed(state, [d for d, _ in pairs], allowed.mask)
        scores = np.fromiter((sc for _, sc in pairs), dtype=np.float64, count=len(pairs))
        rows, scores = rows[keep], scores[keep]
        best = np.argsort(-scores, kind="stable")[:LEXICAL_LIMIT]
        found = [(int(rows[i]), float(scores[i]), None) for i in best]
    elif (share_allowed := allowed.share()) >= DENSE_FILTERS:  # most pass: rank, then filter
        wanted = int(LEXICAL_LIMIT / max(share_allowed, 1e-9) * 1.5)
        found = _lexical_ranked(state, whole(), allowed.mask, wanted)
    else:  # few pass: find the matches unranked, keep the allowed, rank those
        docs = backends.matching_documents(pruned)
        _rows, keep = _allowed(state, docs, allowed.mask)
        ranked = backends.lexical_matches_within(pruned, docs[keep], limit=LEXICAL_LIMIT)
        ranked_rows = state.doc_row_of([m[0] for m in ranked]).tolist()
        found = [(row, sc, name) for row, (_d, sc, name) in zip(ranked_rows, ranked, strict=True)]
    for rank, (row, score, name) in enumerate(found[:LEXICAL_LIMIT], start=1):
        c = candidates.setdefault(row, Candidate(row))
        c.ranks["lexical"] = rank
        c.lexical_score = score
        c.name = name


def _lexical_ranked(
    state: vectors.State, parsed: ParsedQuery, mask: np.ndarray, limit: int
) -> list[tuple[int, float, str | None]]:
    """The database's best matches over the whole index, keeping the rows of mask."""
    matches = backends.lexical_matches(parsed, limit=min(limit, 5000))
    rows, keep = _allowed(state, [m[0] for m in matches], mask)
    return [
        (int(r), sc, name) for r, ok, (_d, sc, name) in zip(rows, keep, matches, strict=True) if ok
    ]


def _allowed(state: vectors.State, doc_ids, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:  # type: ignore[no-untyped-def]
    """The rows of some search documents, and which of them the mask allows (documents the
    in-memory index does not hold yet are not allowed)."""
    rows = state.doc_row_of(doc_ids)
    keep = rows >= 0
    keep[keep] = mask[rows[keep]]
    return rows, keep


def _semantic(
    state: vectors.State, q: str, allowed: Allowed | None, candidates: dict[int, Candidate]
) -> None:
    query_vector = get_embedder().encode_one(q)
    mask = state.facets.active if allowed is None else allowed.mask
    pool = vectors.similar(
        state, query_vector, limit=SEMANTIC_KEEP, min_similarity=MIN_SIMILARITY, mask=mask
    )
    for rank, (row, sim) in enumerate(pool, start=1):
        c = candidates.setdefault(row, Candidate(row))
        c.ranks["semantic"] = rank
        c.similarity = sim
    missing = [row for row, c in candidates.items() if c.similarity is None]
    for row, sim in zip(missing, vectors.similarity_of(state, query_vector, missing), strict=True):
        candidates[row].similarity = sim


def _browse_rows(state: vectors.State, params: SearchParams, allowed: Allowed | None) -> list[int]:
    """Rows for a search with no words: nearest first with a place, else by name."""
    if allowed is None or allowed.near_rows is None:  # the first by name
        ids = filtered(params).values_list("id", flat=True)[:BROWSE_LIMIT]
        return [r for sid in ids if (r := state.row_of(sid)) is not None]
    nearest = allowed.near_rows[np.argsort(allowed.near_m)]
    remote_only = allowed.remote.copy()  # type: ignore[union-attr]
    remote_only[nearest] = False
    return [*nearest.tolist(), *np.flatnonzero(remote_only).tolist()]


def _distances(candidates: dict[int, Candidate], allowed: Allowed) -> None:
    """Distance of each candidate within range; the others match by area or remotely.
    Ranks them by distance (the place list of the fusion)."""
    rows = np.fromiter(candidates.keys(), dtype=np.int64, count=len(candidates))
    metres = allowed.distance_of(rows)
    near = []
    for row, m in zip(rows.tolist(), metres.tolist(), strict=True):
        c = candidates[row]
        if m == m:  # not NaN
            c.distance_m = m
            near.append(c)
        else:
            c.remote_or_area = True
    near.sort(key=lambda c: c.distance_m or 0.0)
    for rank, c in enumerate(near, start=1):
        c.ranks["place"] = rank


def _tied(ordered: list[Candidate], start: int, end: int) -> list[Candidate]:
    """Candidates sharing a score with one on the page (ties are broken by name)."""
    page_scores = {c.score for c in ordered[start:end]}
    counts: dict[float, int] = {}
    for c in ordered:
        counts[c.score] = counts.get(c.score, 0) + 1
    return [c for c in ordered if c.score in page_scores and counts[c.score] > 1]


def _names(state: vectors.State, wanted: list[Candidate]) -> dict[int, str]:
    """Lower-case names of some candidates."""
    unknown = {state.service_uuid(c.row): c for c in wanted if c.name is None}
    if unknown:
        found = Service.objects.filter(id__in=list(unknown)).order_by().values_list("id", "name")
        for sid, name in found:
            unknown[sid].name = name
    return {c.row: (c.name or "").lower() for c in wanted}


def rank_ids(params: SearchParams) -> Sequence[uuid.UUID]:
    """All ranked service ids for params (evaluation helper)."""
    page = search(dataclasses.replace(params, page=1, per_page=100))
    return [h.service_id for h in page.hits]
