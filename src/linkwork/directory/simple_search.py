"""The directory's own search engine: plain filters, word matching and distance.

It answers until the search app registers a better engine (see search_backend); it must stay
correct, not clever: every structured filter, place by distance or by service area, and
remote services (phone, online) matched wherever someone lives.
"""

from __future__ import annotations

from linkwork.directory import selectors
from linkwork.directory.models import Service
from linkwork.directory.search_types import SearchHit, SearchPage, SearchParams

DEFAULT_DISTANCE_KM = 20.0


def filtered(params: SearchParams):  # type: ignore[no-untyped-def]
    """Every structured filter in params (not the place), as a Service queryset."""
    qs = selectors.services(include_inactive=params.include_inactive)
    qs = selectors.filter_text(qs, params.q)
    qs = selectors.filter_categories(qs, params.categories)
    qs = selectors.filter_delivery_modes(qs, params.delivery_modes)
    qs = selectors.filter_free(qs, params.free_only)
    qs = selectors.filter_open_on(qs, params.open_on)
    qs = selectors.filter_accessibility(qs, params.accessibility)
    qs = selectors.filter_languages(qs, params.languages)
    qs = selectors.filter_age(qs, params.age)
    qs = selectors.filter_organisation(qs, params.organisation_id)
    qs = selectors.filter_areas(qs, params.area_codes)
    if params.exclude_ids:
        qs = qs.exclude(id__in=params.exclude_ids)
    return qs


def _place(params: SearchParams) -> selectors.Place | None:
    if params.latitude is not None and params.longitude is not None:
        found = selectors.place_for_postcode(params.postcode) if params.postcode else None
        codes, near = (found.area_codes, found.approximate) if found else ((), "")
        return selectors.Place(params.postcode, params.latitude, params.longitude, codes, near)
    if params.postcode:
        return selectors.place_for_postcode(params.postcode)
    return None


def _score(row: dict, words: list[str]) -> float:
    score = 0.0
    name = row["name"].lower()
    summary = (row["summary"] or "").lower()
    for w in words:
        score += 3.0 if w in name else 0.0
        score += 1.0 if w in summary else 0.0
    return score


def simple_search(params: SearchParams) -> SearchPage:
    from linkwork.places.geo import distance_m

    qs = filtered(params)
    place = _place(params)
    notes = selectors.place_notes(params.postcode, place)
    km = params.distance_km or DEFAULT_DISTANCE_KM
    if place is not None:
        qs = qs.filter(selectors.near_q(place, km))
    rows = list(
        qs.distinct().values(
            "id",
            "name",
            "summary",
            "latitude",
            "longitude",
            "delivery_phone",
            "delivery_online",
        )
    )
    remote_or_area: set = set()
    if place is not None:
        remote_or_area = set(
            Service.objects.filter(id__in=[r["id"] for r in rows])
            .filter(selectors.remote_q() | selectors.area_q(place.area_codes))
            .values_list("id", flat=True)
        )
    words = [w.lower() for w in params.q.split()]
    hits: list[SearchHit] = []
    for row in rows:
        dist = None
        why: list[str] = []
        if place is not None and row["latitude"] is not None and row["longitude"] is not None:
            dist = distance_m(place.latitude, place.longitude, row["latitude"], row["longitude"])
        if place is not None:
            near = dist is not None and dist <= km * 1000
            if not near and row["id"] not in remote_or_area:
                continue
            if not near:
                dist = None
                why.append("serves your area or is delivered by phone or online")
        hits.append(
            SearchHit(service_id=row["id"], score=_score(row, words), distance_m=dist, why=why)
        )
    names = {r["id"]: r["name"].lower() for r in rows}
    if place is not None:
        hits.sort(
            key=lambda h: (h.distance_m is None, h.distance_m or 0.0, -h.score, names[h.service_id])
        )
    else:
        hits.sort(key=lambda h: (-h.score, names[h.service_id]))
    total = len(hits)
    start = (max(params.page, 1) - 1) * params.per_page
    return SearchPage(
        hits=hits[start : start + params.per_page],
        total=total,
        page=params.page,
        per_page=params.per_page,
        notes=notes,
    )
