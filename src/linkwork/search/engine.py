"""The search engine the directory's pages and APIs use (registered in SearchConfig.ready;
docs/decisions/0009-search-engine-registry.md).

Place decides what is in reach, relevance decides the order, distance only breaks near-ties
(docs/decisions/0006-reach-then-relevance.md):

- In reach: services within the radius of the person's place, and services delivered by phone
  or online or serving the person's area or all of Scotland, wherever they are; a service
  restricted to other areas than the person's is out of reach. Without a postcode, a place
  named in the words ("food parcels Dumfries") is used.
- Order: a convex mix of the lexical score (full-text, field-weighted) and the semantic score
  (cosine similarity of sentence embeddings), each min-max normalised over the candidates
  (the best LEXICAL_LIMIT of each list). One knob: LEXICAL_SHARE.
- Distance: a penalty of at most NEAR_TIE of the score, so it reorders only near-ties.

Which services a search may return (place, filters) is a mask over the rows of the in-memory
index (`allowed`, `facets`), checked against the directory's own SQL filters by tests. Near a
place, the full-text query is narrowed by the database with place keys before it is ranked
(`place_keys`), so its cost follows the services near the person, not the whole country.
"""

from __future__ import annotations

import dataclasses
import os
import threading
import time

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
from linkwork.search.dialect import english_reading
from linkwork.search.embedding import get_embedder
from linkwork.search.lexicon import Glossed, glosses, known_words
from linkwork.search.places_in_text import find_place
from linkwork.search.query import ParsedQuery, parse, words
from linkwork.search.signals import maybe_sync_stale
from linkwork.search.why import category_names, explain_hits

#: PostgreSQL's ts_rank scores every match (no early stop), so a query ranked over the whole
#: index keeps fewer common words there (searches near a place prune alike on both).
PRUNING = {"postgresql": {"max_share": 0.015, "min_documents": 1000}}  # unless all words kept
#: Kilometres around the person a text search reaches when they chose no distance.
SEARCH_RADIUS_KM = float(os.environ.get("LINKWORK_SEARCH_RADIUS_KM", "40"))
#: Weight of the lexical score in the mix (the semantic score has the rest).
LEXICAL_SHARE = float(os.environ.get("LINKWORK_SEARCH_LEXICAL_SHARE", "0.4"))
#: The most a service's distance can take off its score (a share of the best score).
NEAR_TIE = 0.03
#: The same when the place was named in the words ("food parcels Dumfries"): the person asked
#: for that place, so services there come before equally relevant ones reached by phone or
#: from further away, though a clearly more relevant one still leads.
NAMED_PLACE_TIE = 0.2
#: Where in the radius a service reached by phone, online or by area counts as being, for the
#: distance term: half-way for a postcode; for a place named in the words REMOTE_NAMED.
REMOTE_AT = 0.5
REMOTE_NAMED = 1.0
LEXICAL_LIMIT = 100  # candidates from each list (the fixed candidate depth)
BROWSE_LIMIT = 5000
DENSE_FILTERS = 0.05  # share of services passing filters above which ranking comes first

SEMANTIC_KEEP = 100
MIN_SIMILARITY = 0.15
SEMANTIC_EXPAND = True
#: Read need words of other languages through the shipped lexicon (decision 0010).
MULTILINGUAL = os.environ.get("LINKWORK_SEARCH_LEXICON", "1") != "0"
#: Also embed an English reading of a query written in Scots (search/dialect.py); a service's
#: similarity is its best over the readings ("max") or that of their mean vector ("mean").
DIALECT = os.environ.get("LINKWORK_SEARCH_DIALECT", "max")
#: Also embed the words as typed (corrected), without the needs they name.
PLAIN_READING = False
#: Add the English reading's words to the full-text query too.
DIALECT_LEXICAL = False
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


_place_lock = threading.Lock()
_places: dict[str, tuple[float, selectors.Place]] = {}
PLACE_TTL_S = 5.0


def place_for_postcode(postcode: str) -> selectors.Place | None:
    """The place of a normalised postcode, remembered for a few seconds, so a search looks its
    postcode up once (the API checks it, then the engine uses it). Unknown ones are not kept."""
    now = time.monotonic()
    found = _places.get(postcode)
    if found is not None and now - found[0] < PLACE_TTL_S:
        return found[1]
    place = selectors.place_for_postcode(postcode)
    if place is not None:
        with _place_lock:
            if len(_places) > 10_000:
                _places.clear()
            _places[postcode] = (now, place)
    return place


def reset_places() -> None:
    """Forget remembered postcodes (tests that change the places data)."""
    with _place_lock:
        _places.clear()


def resolve_place(params: SearchParams) -> selectors.Place | None:
    if params.latitude is not None and params.longitude is not None:
        found = place_for_postcode(params.postcode) if params.postcode else None
        codes, near = (found.area_codes, found.approximate) if found else ((), "")
        return selectors.Place(params.postcode, params.latitude, params.longitude, codes, near)
    if params.postcode:
        return place_for_postcode(params.postcode)
    return None


def parse_for_search(q: str) -> ParsedQuery:
    return parse(q, as_you_type=True, vocabulary=vocabulary.terms(), known=known_words())


def semantic_text(parsed: ParsedQuery, glossed: Glossed | None = None) -> str:
    """What the embedding model reads for a query: the words, plus the needs they name. For a
    query in another language (decision 0010) the English model reads the English glosses of
    its need words instead of words it does not know."""
    names = category_names()
    extra = [names[c] for c in parsed.categories if c in names]
    text = parsed.corrected_text()
    if glossed is not None and glossed.foreign and glossed.english:
        text = glossed.english  # parsed.text has the original words and the glosses
    return text if not extra or not SEMANTIC_EXPAND else f"{text}. {', '.join(extra)}"


#: The most letters a word of a query in another language may have and be left out of it
#: ("na", "ma", "mi" are Polish and Gaelic words, not the abbreviations the index knows).
FOREIGN_SHORT = 2


def _parse_query(q: str, glossed: Glossed | None, scots: str | None) -> ParsedQuery:
    """The query to search for: its words, and the English glosses of its need words in
    another language (both, so services translated into the person's language match the
    original). In a query in another language the needs and synonyms are read from the
    English glosses only, and its shortest words are left out: a Polish "na" is not the
    Narcotics Anonymous of the taxonomy."""
    extra = [glossed.english] if glossed is not None and glossed.english else []
    if scots and DIALECT_LEXICAL:
        extra.append(scots)
    if glossed is None or not glossed.foreign or not glossed.english:
        return parse_for_search(" ".join([q, *extra]))
    english = parse_for_search(glossed.english)
    own = [w for w in words(q) if len(w) > FOREIGN_SHORT]
    parsed = parse_for_search(" ".join([*own, *extra]))
    parsed.text = " ".join([q, *extra])
    parsed.categories = english.categories
    parsed.expansions = english.expansions
    parsed.labels = english.labels
    return parsed


def _has_filters(params: SearchParams) -> bool:
    return any(getattr(params, f) != getattr(_DEFAULTS, f) for f in _FILTER_FIELDS)


def search(params: SearchParams) -> SearchPage:
    """Rank active services for the params (the engine registered with the directory)."""
    maybe_sync_stale()
    state = vectors.index()
    place = resolve_place(params)
    q = params.q.strip()
    notes = selectors.place_notes(params.postcode, place)
    named_place = False
    if place is None and q and params.latitude is None and not params.postcode:
        named = find_place(q)
        named_place = named is not None
        if named is not None:
            place, q = named.place, named.rest
            notes.append(_("Showing services in reach of %(place)s.") % {"place": named.name})
    km = params.distance_km or (SEARCH_RADIUS_KM if q else DEFAULT_DISTANCE_KM)
    allowed = None
    if place is not None or _has_filters(params):
        allowed = allowed_rows(state, params, place, km)
        if place is not None and place.area_codes:
            _respect_area_restrictions(state, allowed, place.area_codes)
    candidates: dict[int, Candidate] = {}
    glossed = glosses(q) if q and MULTILINGUAL else None
    scots = english_reading(q) if q and DIALECT != "off" else None
    parsed = _parse_query(q, glossed, scots) if q else ParsedQuery(text="")

    if q and params.mode != "lexical":
        readings = [semantic_text(parsed, glossed)]
        if scots:
            readings.append(semantic_text(parse_for_search(scots)))
        if PLAIN_READING:
            readings.append(parse_for_search(q).corrected_text())
    if q and params.mode != "semantic":
        _lexical(state, parsed, allowed, candidates)
    if q and params.mode != "lexical":
        _semantic(state, readings, allowed, candidates)
    if not q:
        rows = _browse_rows(state, params, allowed)
        for row in rows[:BROWSE_LIMIT]:
            candidates.setdefault(int(row), Candidate(int(row)))

    if allowed is not None and allowed.near_rows is not None:
        _distances(candidates, allowed)
    if q:
        if named_place:
            _score(candidates, params.mode, km, NAMED_PLACE_TIE, REMOTE_NAMED)
        else:
            _score(candidates, params.mode, km, NEAR_TIE, REMOTE_AT)
    else:
        for rank, c in enumerate(candidates.values()):
            c.score = 1.0 / (1 + rank)  # browse: nearest first (or by name)
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


def _respect_area_restrictions(
    state: vectors.State, allowed: Allowed, area_codes: tuple[str, ...] | list[str]
) -> None:
    """Leave out services restricted to areas other than the person's (their service areas
    name neither the person's council area, HSCP or health board nor all of Scotland)."""
    restricted = state.facets.restricted_rows()
    if not len(restricted):
        return
    serving = state.facets.area_rows(area_codes)
    out = np.setdiff1d(restricted, serving, assume_unique=True)
    allowed.mask[out] = False
    if allowed.remote is not None:
        allowed.remote[out] = False
    if allowed.near_rows is not None and len(out):
        keep = ~np.isin(allowed.near_rows, out)
        allowed.near_rows = allowed.near_rows[keep]
        allowed.near_m = allowed.near_m[keep]  # type: ignore[index]


def _normalised(values: np.ndarray) -> np.ndarray:
    """Min-max normalised to 0..1 (all ones when every value is the same and positive)."""
    if not len(values):
        return values
    low, high = float(values.min()), float(values.max())
    if high - low < 1e-12:
        return np.ones_like(values) if high > 0 else np.zeros_like(values)
    return (values - low) / (high - low)


def _score(
    candidates: dict[int, Candidate],
    mode: str,
    km: float,
    near_tie: float = NEAR_TIE,
    remote_at: float = REMOTE_AT,
) -> None:
    """A convex mix of normalised lexical and semantic scores; distance breaks near-ties."""
    if not candidates:
        return
    items = list(candidates.values())
    lexical = np.array([c.lexical_score if "lexical" in c.ranks else 0.0 for c in items])
    matched = np.array(["lexical" in c.ranks for c in items])
    lex = np.zeros(len(items))
    if matched.any():
        lex[matched] = _normalised(lexical[matched])
        if matched.sum() == 1:
            lex[matched] = 1.0
    sims = np.array([c.similarity if c.similarity is not None else 0.0 for c in items])
    sem = _normalised(np.maximum(sims, 0.0))
    share = {"lexical": 1.0, "semantic": 0.0}.get(mode, LEXICAL_SHARE)
    scores = share * lex + (1 - share) * sem
    radius_m = max(km, 1.0) * 1000
    for c, score in zip(items, scores.tolist(), strict=True):
        if c.distance_m is not None:
            penalty = near_tie * min(c.distance_m / radius_m, 1.0)
        elif c.remote_or_area:
            penalty = near_tie * remote_at
        else:
            penalty = 0.0
        c.score = score - penalty


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
            min_documents=int(strict["min_documents"]),
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
    state: vectors.State,
    readings: list[str],
    allowed: Allowed | None,
    candidates: dict[int, Candidate],
) -> None:
    """Services near in meaning to the query's readings (each service's best similarity)."""
    embedder = get_embedder()
    readings = list(dict.fromkeys(readings))
    query_vector = np.stack([embedder.encode_query(r) for r in readings])
    if len(readings) == 1:
        query_vector = query_vector[0]
    elif DIALECT == "mean":
        mean = query_vector.mean(axis=0)
        query_vector = mean / max(float(np.linalg.norm(mean)), 1e-12)
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
    assert allowed.near_m is not None  # set with near_rows
    nearest = allowed.near_rows[np.argsort(allowed.near_m)]
    remote_only = allowed.remote.copy()  # type: ignore[union-attr]
    remote_only[nearest] = False
    return [*nearest.tolist(), *np.flatnonzero(remote_only).tolist()]


def _distances(candidates: dict[int, Candidate], allowed: Allowed) -> None:
    """Distance of each candidate within range; the others match by area or remotely."""
    rows = np.fromiter(candidates.keys(), dtype=np.int64, count=len(candidates))
    metres = allowed.distance_of(rows)
    for row, m in zip(rows.tolist(), metres.tolist(), strict=True):
        c = candidates[row]
        if m == m:  # not NaN
            c.distance_m = m
        else:
            c.remote_or_area = True


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
