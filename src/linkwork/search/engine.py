"""The search engine the directory's pages and APIs use (registered in SearchConfig.ready).

Hybrid ranking by reciprocal rank fusion (RRF) of up to three ranked lists:
lexical (full-text, field-weighted), semantic (cosine similarity of sentence embeddings) and
place (distance from the person). Structured filters come from the directory's own filter
functions, so every engine filters alike. Each hit says why it matched.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Sequence

from django.db import connection
from django.utils.translation import gettext as _

from linkwork.directory import selectors
from linkwork.directory.models import Service
from linkwork.directory.search_backend import SearchHit, SearchPage, SearchParams
from linkwork.directory.simple_search import DEFAULT_DISTANCE_KM, filtered
from linkwork.places.geo import distance_m
from linkwork.search import backends, vectors, vocabulary
from linkwork.search.allowed import Allowed, allowed_services, service_ids
from linkwork.search.embedding import get_embedder
from linkwork.search.query import ParsedQuery, parse
from linkwork.search.signals import maybe_sync_stale
from linkwork.search.why import category_names, explain_hits

#: PostgreSQL's ts_rank scores every match (no early stop), so it keeps fewer common words.
PRUNING = {"postgresql": {"max_share": 0.015, "min_documents": 1000}}
RRF_K = 60
WEIGHTS = {"lexical": 1.0, "semantic": 0.3, "place": 0.5}  # tuned on the relevance set
LEXICAL_LIMIT = 150

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
    service_id: uuid.UUID
    ranks: dict[str, int] = dataclasses.field(default_factory=dict)
    lexical_score: float = 0.0
    name: str | None = None  # known when the lexical query brought the row
    latitude: float | None = None
    longitude: float | None = None
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
    notes: list[str] = []
    place = resolve_place(params)
    if params.postcode and place is None:
        notes.append(_("We could not find that postcode, so results are not sorted by distance."))
    km = params.distance_km or DEFAULT_DISTANCE_KM
    has_filters = _has_filters(params)
    allowed = None
    if place is not None or has_filters:
        allowed = allowed_services(params, place, km, has_filters=has_filters)
    q = params.q.strip()
    candidates: dict[uuid.UUID, Candidate] = {}
    parsed = parse_for_search(q) if q else ParsedQuery(text="")

    if q and params.mode != "semantic":
        df, documents = vocabulary.document_frequency()
        pruned = parsed.pruned(df, documents, **PRUNING.get(connection.vendor, {}))
        if allowed is None:
            matches = backends.lexical_matches(pruned, limit=LEXICAL_LIMIT)
        else:
            matches = backends.lexical_matches_within(
                pruned, list(allowed.docs), limit=LEXICAL_LIMIT
            )
        for rank, (sid, score, name, lat, lon) in enumerate(matches, start=1):
            c = candidates.setdefault(sid, Candidate(sid))
            c.ranks["lexical"] = rank
            c.lexical_score = score
            c.name, c.latitude, c.longitude = name, lat, lon
    if q and params.mode != "lexical":
        _semantic(semantic_text(parsed), allowed, candidates, params)
    if not q:
        if allowed is not None:
            ids = service_ids(params, allowed, 5000)
        else:
            ids = list(filtered(params).values_list("id", flat=True)[:5000])
        for sid in ids:
            candidates.setdefault(sid, Candidate(sid))

    names = _place_and_names(candidates, place, km, allowed.remote if allowed else set())
    if place is not None:
        near = sorted(
            (c for c in candidates.values() if c.distance_m is not None),
            key=lambda c: c.distance_m or 0.0,
        )
        for rank, c in enumerate(near, start=1):
            c.ranks["place"] = rank
    for c in candidates.values():
        c.score = sum(WEIGHTS[k] / (RRF_K + r) for k, r in c.ranks.items())
    ordered = sorted(candidates.values(), key=lambda c: (-c.score, names.get(c.service_id, "")))
    if not q and place is None:
        ordered = sorted(candidates.values(), key=lambda c: names.get(c.service_id, ""))
    total = len(ordered)
    start = (max(params.page, 1) - 1) * params.per_page
    page = ordered[start : start + params.per_page]
    hits = [
        SearchHit(service_id=c.service_id, score=round(c.score * 1000, 3), distance_m=c.distance_m)
        for c in page
    ]
    explain_hits(hits, {c.service_id: c for c in page}, parsed, explain=params.explain)
    return SearchPage(
        hits=hits, total=total, page=params.page, per_page=params.per_page, notes=notes
    )


def _semantic(
    q: str, allowed: Allowed | None, candidates: dict[uuid.UUID, Candidate], params
) -> None:  # type: ignore[no-untyped-def]
    query_vector = get_embedder().encode_one(q)
    if allowed is not None:
        pool = vectors.similar(
            query_vector,
            limit=SEMANTIC_KEEP,
            min_similarity=MIN_SIMILARITY,
            within_docs=allowed.docs,
        )
    else:
        pool = vectors.similar(query_vector, limit=SEMANTIC_KEEP * 2, min_similarity=MIN_SIMILARITY)
        if pool and params.include_inactive is False:
            # Status checked in Python: beside `id IN`, a status condition can lead a planner
            # without statistics to scan every active service.
            active = {
                sid
                for sid, status in Service.objects.filter(id__in=[sid for sid, _ in pool])
                .order_by()
                .values_list("id", "status")
                if status == Service.Status.ACTIVE
            }
            pool = [(sid, sim) for sid, sim in pool if sid in active]
    for rank, (sid, sim) in enumerate(pool[:SEMANTIC_KEEP], start=1):
        c = candidates.setdefault(sid, Candidate(sid))
        c.ranks["semantic"] = rank
        c.similarity = sim
    missing = [sid for sid, c in candidates.items() if c.similarity is None]
    if missing:
        for sid, sim in vectors.similarity_of(query_vector, missing).items():
            candidates[sid].similarity = sim


def _place_and_names(
    candidates: dict[uuid.UUID, Candidate],
    place: selectors.Place | None,
    km: float,
    remote: set[uuid.UUID],
) -> dict[uuid.UUID, str]:
    """Distances (dropping what is out of range and serves nowhere near) and names for ties."""
    unknown = [sid for sid, c in candidates.items() if c.name is None]
    if unknown:
        for sid, name, lat, lon in (
            Service.objects.filter(id__in=unknown)
            .order_by()
            .values_list("id", "name", "latitude", "longitude")
        ):
            c = candidates[sid]
            c.name, c.latitude, c.longitude = name, lat, lon
    names = {sid: (c.name or "").lower() for sid, c in candidates.items()}
    if place is None:
        return names
    for sid in list(candidates):
        c = candidates[sid]
        if c.latitude is not None and c.longitude is not None:
            dist = distance_m(place.latitude, place.longitude, c.latitude, c.longitude)
            if dist <= km * 1000:
                c.distance_m = dist
                continue
        if sid in remote:  # by phone or online, or serving the person's area
            c.remote_or_area = True
        else:  # in the bounding box's corners, beyond the distance
            del candidates[sid]
    return names


def rank_ids(params: SearchParams) -> Sequence[uuid.UUID]:
    """All ranked service ids for params (evaluation helper)."""
    page = search(dataclasses.replace(params, page=1, per_page=100))
    return [h.service_id for h in page.hits]
