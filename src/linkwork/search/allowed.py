"""Which services a restricted search may return: place and structured filters, as a mask
over the rows of the in-memory index (`vectors`).

Place and the common filters are numpy masks over the index's facet columns (`facets`); the
filters with no column there (opening day, accessibility, languages, area restriction) are
answered by the directory's own SQL (`simple_search.filtered`) and intersected.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from linkwork.directory import selectors
from linkwork.directory.search_backend import SearchParams
from linkwork.directory.simple_search import filtered
from linkwork.search.facets import sql_only
from linkwork.search.place_keys import search_keys


@dataclasses.dataclass
class Allowed:
    """The rows a search may return; with a place, also those within the distance (sorted
    rows and their metres) and those matching by area or remotely rather than by distance."""

    mask: np.ndarray
    keys: list[str] | None = None  # place keys (search.place_keys) of the place
    near_rows: np.ndarray | None = None
    near_m: np.ndarray | None = None
    remote: np.ndarray | None = None

    def share(self) -> float:
        """The share of the index's services allowed (0 for an empty index)."""
        return float(self.mask.sum()) / len(self.mask) if len(self.mask) else 0.0

    def distance_of(self, rows: np.ndarray) -> np.ndarray:
        """Metres to each row, NaN where not within the distance (or without a place)."""
        out = np.full(len(rows), np.nan)
        if self.near_rows is None or not len(self.near_rows) or not len(rows):
            return out
        at = np.minimum(np.searchsorted(self.near_rows, rows), len(self.near_rows) - 1)
        found = self.near_rows[at] == rows
        out[found] = self.near_m[at[found]]  # type: ignore[index]
        return out


def _sql_mask(state, params: SearchParams) -> np.ndarray:  # type: ignore[no-untyped-def]
    only = SearchParams(
        open_on=params.open_on,
        accessibility=params.accessibility,
        languages=params.languages,
        area_codes=params.area_codes,
        include_inactive=True,  # status is the facets' job
    )
    docs = filtered(only).order_by().values_list("search_document__id", flat=True)
    found = np.fromiter((d for d in docs if d is not None), dtype=np.int64)
    mask = np.zeros(len(state.ids), dtype=bool)
    mask[state.rows_of_docs(found)] = True
    return mask


def allowed_rows(state, params: SearchParams, place: selectors.Place | None, km: float) -> Allowed:  # type: ignore[no-untyped-def]
    facets = state.facets
    mask = facets.filter_mask(params, state.rows)
    if sql_only(params):
        mask &= _sql_mask(state, params)
    if place is None:
        return Allowed(mask)
    near_rows, near_m = facets.distances(place.latitude, place.longitude, km)
    remote = facets.remote_rows(place.area_codes)
    remote &= mask
    keep = mask[near_rows]
    near_rows, near_m = near_rows[keep], near_m[keep]
    mask = remote.copy()
    mask[near_rows] = True
    keys = search_keys(place.latitude, place.longitude, km, place.area_codes)
    return Allowed(mask, keys, near_rows, near_m, remote)
