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

from django.utils.translation import gettext as _

from linkwork.directory import selectors
from linkwork.directory.search_backend import SearchHit, SearchPage, SearchParams
from linkwork.directory.simple_search import DEFAULT_DISTANCE_KM, filtered
from linkwork.places.geo import distance_m
from linkwork.search import backends, vectors, vocabulary
from linkwork.search.embedding import get_embedder
from linkwork.search.query import ParsedQuery, parse
from linkwork.search.signals import maybe_sync_stale
from linkwork.search.why import category_names, explain_hits

RRF_K = 60
WEIGHTS = {"lexical": 1.0, "semantic": 0.3, "place": 0.5}  # tuned on the relevance set
LEXICAL_LIMIT = 150
SEMANTIC_POOL = 1000  # nearest in meaning nationally, before filters
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
    base = filtered(dataclasses.replace(params, q=""))
    if place is not None:
        base = base.filter(selectors.near_q(place, km))
    restricted = place is not None or _has_filters(params)
    q = params.q.strip()
    candidates: dict[uuid.UUID, Candidate] = {}
    parsed = parse_for_search(q) if q else ParsedQuery(text="")

    if q and params.mode != "semantic":
        df, documents = vocabulary.document_frequency()
        matches = backends.lexical_matches(
            parsed.pruned(df, documents), restrict=base if restricted else None, limit=LEXICAL_LIMIT
        )
        for rank, (sid, score, name, lat, lon) in enumerate(matches, start=1):
            c = candidates.setdefault(sid, Candidate(sid))
            c.ranks["lexical"] = rank
            c.lexical_score = score
            c.name, c.latitude, c.longitude = name, lat, lon
    if q and params.mode != "lexical":
        _semantic(semantic_text(parsed), base if restricted else None, candidates, params)
    if not q:
        for sid in base.values_list("id", flat=True)[:5000]:
            candidates.setdefault(sid, Candidate(sid))

    names = _place_and_names(candidates, place, km)
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


def _semantic(q: str, restrict, candidates: dict[uuid.UUID, Candidate], params) -> None:  # type: ignore[no-untyped-def]
    query_vector = get_embedder().encode_one(q)
    pool = vectors.similar(
        query_vector,
        limit=SEMANTIC_POOL if restrict is not None else SEMANTIC_KEEP,
        min_similarity=MIN_SIMILARITY,
    )
    if restrict is not None and pool:
        allowed = set(restrict.filter(id__in=[sid for sid, _ in pool]).values_list("id", flat=True))
        pool = [(sid, sim) for sid, sim in pool if sid in allowed]
    elif params.include_inactive is False and pool:
        active = set(
            selectors.services()
            .filter(id__in=[sid for sid, _ in pool])
            .values_list("id", flat=True)
        )
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
    candidates: dict[uuid.UUID, Candidate], place: selectors.Place | None, km: float
) -> dict[uuid.UUID, str]:
    """Distances (dropping what is out of range and serves nowhere near) and names for ties."""
    from linkwork.directory.models import Service

    ids = list(candidates)
    if not ids:
        return {}
    unknown = [sid for sid in ids if candidates[sid].name is None]
    if unknown:
        for sid, name, lat, lon in Service.objects.filter(id__in=unknown).values_list(
            "id", "name", "latitude", "longitude"
        ):
            c = candidates[sid]
            c.name, c.latitude, c.longitude = name, lat, lon
    names = {sid: (c.name or "").lower() for sid, c in candidates.items()}
    if place is None:
        return names
    far = []
    for c in candidates.values():
        if c.latitude is not None and c.longitude is not None:
            dist = distance_m(place.latitude, place.longitude, c.latitude, c.longitude)
            if dist <= km * 1000:
                c.distance_m = dist
                continue
        far.append(c.service_id)
    if far:
        # Beyond the distance (or no point): keep only what is remote or serves the area.
        remote = set(
            Service.objects.filter(id__in=far)
            .filter(
                selectors.delivery_q(selectors.REMOTE_MODES) | selectors.area_q(place.area_codes)
            )
            .values_list("id", flat=True)
        )
        for sid in far:
            if sid in remote:
                candidates[sid].remote_or_area = True
            else:
                del candidates[sid]
    return names


def rank_ids(params: SearchParams) -> Sequence[uuid.UUID]:
    """All ranked service ids for params (evaluation helper)."""
    page = search(dataclasses.replace(params, page=1, per_page=100))
    return [h.service_id for h in page.hits]
