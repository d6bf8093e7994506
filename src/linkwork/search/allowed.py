"""Which services a restricted search may return: place and structured filters, as ids.

Filters come from the directory's own functions (`simple_search.filtered`, `selectors`).
Place is split so that each part can use an index: services inside the distance's bounding
box (latitude/longitude index), plus those delivered by phone or online or serving the
person's area (a set cached for a minute, since it is the same for every search there).
"""

from __future__ import annotations

import dataclasses
import threading
import time
import uuid

from django.db.models import Q

from linkwork.directory import selectors
from linkwork.directory.search_backend import SearchParams
from linkwork.directory.simple_search import filtered
from linkwork.places.geo import bounding_box

CACHE_SECONDS = 300.0  # cleared at once when this process changes the index
_lock = threading.Lock()
_remote_cache: dict[tuple[str, ...], tuple[float, dict[uuid.UUID, int | None]]] = {}


def mark_stale() -> None:
    with _lock:
        _remote_cache.clear()


@dataclasses.dataclass
class Allowed:
    """The search documents a search may return, and the services among them that match
    by area or remotely (not by distance)."""

    docs: set[int]
    remote: set[uuid.UUID]


def _docs(qs) -> set[int]:  # type: ignore[no-untyped-def]
    # Document ids only: converting thousands of UUIDs per search costs more than the query.
    # order_by(): the model's default ordering (by name) would sort thousands of rows.
    return {d for d in qs.order_by().values_list("search_document__id", flat=True) if d is not None}


def _pairs(qs) -> dict[uuid.UUID, int | None]:  # type: ignore[no-untyped-def]
    return dict(qs.order_by().values_list("id", "search_document__id"))


def _remote_pairs(qs, codes: tuple[str, ...]) -> dict[uuid.UUID, int | None]:  # type: ignore[no-untyped-def]
    """Services of qs delivered by phone or online, or serving one of the areas (or all of
    Scotland). Two queries: an OR across the two conditions makes SQLite test the area
    subquery row by row."""
    remote = _pairs(qs.filter(selectors.delivery_q(selectors.REMOTE_MODES)))
    return {**remote, **_pairs(qs.filter(selectors.area_q(codes)))}


def _remote_or_area(codes: tuple[str, ...]) -> dict[uuid.UUID, int | None]:
    now = time.monotonic()
    with _lock:
        hit = _remote_cache.get(codes)
        if hit is not None and now - hit[0] < CACHE_SECONDS:
            return hit[1]
    found = _remote_pairs(selectors.services(), codes)
    with _lock:
        _remote_cache[codes] = (now, found)
    return found


def allowed_services(
    params: SearchParams, place: selectors.Place | None, km: float, *, has_filters: bool
) -> Allowed:
    base = filtered(dataclasses.replace(params, q=""))
    if place is None:
        return Allowed(_docs(base), set())
    box = bounding_box(place.latitude, place.longitude, km)
    near = _docs(
        base.filter(
            Q(latitude__range=(box.min_lat, box.max_lat))
            & Q(longitude__range=(box.min_lon, box.max_lon))
        )
    )
    codes = tuple(sorted(place.area_codes))
    if params.include_inactive:
        remote = _remote_pairs(base, codes)
    elif has_filters:  # the cached set, narrowed by the filters (ids out, not UUIDs)
        cached = _remote_or_area(codes)
        keep = _docs(base.filter(id__in=list(cached)))
        remote = {sid: d for sid, d in cached.items() if d in keep}
    else:
        remote = _remote_or_area(codes)
    return Allowed(near | {d for d in remote.values() if d is not None}, set(remote))


def service_ids(params: SearchParams, allowed: Allowed, limit: int) -> list[uuid.UUID]:
    """Service ids of the allowed documents (for a search with no words)."""
    from linkwork.search.models import SearchDocument

    docs = list(allowed.docs)[:limit]
    return list(SearchDocument.objects.filter(id__in=docs).values_list("service_id", flat=True))
