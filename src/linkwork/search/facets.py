"""Structured filters and place in memory: one numpy column per facet, row-aligned with the
vector index (see `vectors`), so that a search's allowed set is a few vectorised masks
instead of SQL over every service.

The rules are the directory's (`directory.selectors`): active status, any of the categories,
any of the delivery modes, free of charge, age within the service's range, one organisation,
excluded ids; place is distance (haversine), delivery by phone or online, or a service area
holding the person's place (or the whole of Scotland). Filters with no column here (opening
day, accessibility, languages, area restriction) are left to SQL by `allowed`; a test checks
that every filter here selects exactly what the SQL filters do.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterable

import numpy as np

from linkwork.directory.models import Service, ServiceArea
from linkwork.directory.search_backend import SearchParams
from linkwork.places.geo import EARTH_RADIUS_M, bounding_box

NO_AGE = -1
#: The facet columns read per service (a join from the search document).
FIELDS = (
    "service__status",
    "service__latitude",
    "service__longitude",
    "service__is_free",
    "service__minimum_age",
    "service__maximum_age",
    "service__organization_id",
    "service__delivery_in_person",
    "service__delivery_phone",
    "service__delivery_online",
    "service__delivery_home_visit",
    "category_codes",
)
#: Filters this module answers; the others (see `sql_only`) stay with SQL.
SQL_ONLY = ("open_on", "accessibility", "languages", "area_codes")


@dataclasses.dataclass
class Facets:
    active: np.ndarray  # bool
    latitude: np.ndarray  # float64, NaN where the service has no point
    longitude: np.ndarray
    free: np.ndarray  # bool (is_free is True)
    min_age: np.ndarray  # int32, NO_AGE where none
    max_age: np.ndarray
    organisation: np.ndarray  # int32 index into organisations
    delivery: dict[str, np.ndarray]  # mode -> bool
    categories: dict[str, np.ndarray]  # category code -> bool
    organisations: dict[str, int]  # organisation id (as `vectors.key`) -> index
    row_areas: dict[int, tuple[str, ...]]  # sparse: rows with service areas
    _area_rows: dict[str, np.ndarray] | None = None
    _restricted: np.ndarray | None = None

    @classmethod
    def empty(cls, n: int = 0) -> Facets:
        return cls(
            active=np.zeros(n, dtype=bool),
            latitude=np.full(n, np.nan),
            longitude=np.full(n, np.nan),
            free=np.zeros(n, dtype=bool),
            min_age=np.full(n, NO_AGE, dtype=np.int32),
            max_age=np.full(n, NO_AGE, dtype=np.int32),
            organisation=np.full(n, -1, dtype=np.int32),
            delivery={m: np.zeros(n, dtype=bool) for m in Service.DELIVERY_MODES},
            categories={},
            organisations={},
            row_areas={},
        )

    @classmethod
    def build(cls, rows: list[tuple]) -> Facets:
        """Facets of many services at once (values in the order of FIELDS), column by column."""
        n = len(rows)
        facets = cls.empty(n)
        if not n:
            return facets
        status, lat, lon, free, min_age, max_age, org, *modes, codes = zip(*rows, strict=True)
        facets.active = np.array(status, dtype=object) == Service.Status.ACTIVE
        lats = np.array(lat, dtype=np.float64)  # None becomes NaN
        lons = np.array(lon, dtype=np.float64)
        missing = np.isnan(lats) | np.isnan(lons)
        lats[missing], lons[missing] = np.nan, np.nan
        facets.latitude, facets.longitude = lats, lons
        facets.free = np.array([bool(f) for f in free], dtype=bool)  # None: not known free
        facets.min_age = np.array([NO_AGE if a is None else a for a in min_age], dtype=np.int32)
        facets.max_age = np.array([NO_AGE if a is None else a for a in max_age], dtype=np.int32)
        orgs = facets.organisations
        facets.organisation = np.fromiter(
            (orgs.setdefault(uuid_key(o), len(orgs)) for o in org), dtype=np.int32, count=n
        )
        for mode, column in zip(Service.DELIVERY_MODES, modes, strict=True):
            facets.delivery[mode] = np.array(column, dtype=bool)
        members: dict[str, list[int]] = {}
        for row, text in enumerate(codes):
            for code in (text or "").split():
                members.setdefault(code, []).append(row)
        for code, where in members.items():
            in_category = np.zeros(n, dtype=bool)
            in_category[where] = True
            facets.categories[code] = in_category
        return facets

    def grow(self, n: int) -> None:
        """Make room for rows up to n (new services), empty until `set_row`."""
        extra = n - len(self.active)
        if extra <= 0:
            return
        more = Facets.empty(extra)
        for f in ("active", "latitude", "longitude", "free", "min_age", "max_age", "organisation"):
            setattr(self, f, np.concatenate([getattr(self, f), getattr(more, f)]))
        for m in self.delivery:
            self.delivery[m] = np.concatenate([self.delivery[m], more.delivery[m]])
        for c in self.categories:
            self.categories[c] = np.concatenate([self.categories[c], np.zeros(extra, dtype=bool)])

    def set_row(self, row: int, values: tuple) -> None:
        """Store one service's facets (values in the order of FIELDS)."""
        status, lat, lon, free, min_age, max_age, org, *modes, codes = values
        self.active[row] = status == Service.Status.ACTIVE
        self.latitude[row] = np.nan if lat is None or lon is None else lat
        self.longitude[row] = np.nan if lat is None or lon is None else lon
        self.free[row] = bool(free)
        self.min_age[row] = NO_AGE if min_age is None else min_age
        self.max_age[row] = NO_AGE if max_age is None else max_age
        self.organisation[row] = self.organisations.setdefault(
            uuid_key(org), len(self.organisations)
        )
        for mode, on in zip(Service.DELIVERY_MODES, modes, strict=True):
            self.delivery[mode][row] = bool(on)
        mine = set((codes or "").split())
        for code, column in self.categories.items():
            column[row] = code in mine
        for code in mine - self.categories.keys():
            column = np.zeros(len(self.active), dtype=bool)
            column[row] = True
            self.categories[code] = column

    def set_areas(self, rows: Iterable[int], areas: dict[int, list[tuple[str, str]]]) -> None:
        """Replace the service areas of these rows ((gss code, kind) pairs per row)."""
        for row in rows:
            found = areas.get(row)
            if found:
                self.row_areas[row] = tuple(
                    ServiceArea.SCOTLAND_CODE if kind == ServiceArea.Kind.SCOTLAND else code
                    for code, kind in found
                )
            else:
                self.row_areas.pop(row, None)
        self._area_rows = None
        self._restricted = None

    def area_rows(self, codes: Iterable[str]) -> np.ndarray:
        """Rows serving any of the areas or the whole of Scotland (as `selectors.area_q`)."""
        if self._area_rows is None:
            inverted: dict[str, list[int]] = {}
            for row, row_codes in self.row_areas.items():
                for code in row_codes:
                    inverted.setdefault(code, []).append(row)
            self._area_rows = {c: np.array(r, dtype=np.int64) for c, r in inverted.items()}
        wanted = {*codes, ServiceArea.SCOTLAND_CODE}
        parts = [self._area_rows[c] for c in wanted if c in self._area_rows]
        return np.unique(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.int64)

    # --- the filters -------------------------------------------------------------------

    def filter_mask(self, params: SearchParams, service_rows: dict[str, int]) -> np.ndarray:
        """Rows passing every structured filter of params this module answers."""
        mask = np.ones(len(self.active), dtype=bool) if params.include_inactive else self.active
        mask = mask.copy()
        if params.categories:
            wanted = np.zeros(len(mask), dtype=bool)
            for code in params.categories:
                if code in self.categories:
                    wanted |= self.categories[code]
            mask &= wanted
        modes = [m for m in params.delivery_modes if m in self.delivery]
        if modes:
            wanted = np.zeros(len(mask), dtype=bool)
            for mode in modes:
                wanted |= self.delivery[mode]
            mask &= wanted
        if params.free_only:
            mask &= self.free
        if params.age is not None:
            mask &= (self.min_age == NO_AGE) | (self.min_age <= params.age)
            mask &= (self.max_age == NO_AGE) | (self.max_age >= params.age)
        if params.organisation_id:
            org = self.organisations.get(uuid_key(params.organisation_id))
            mask &= self.organisation == org if org is not None else False
        for sid in params.exclude_ids:
            row = service_rows.get(uuid_key(sid))
            if row is not None:
                mask[row] = False
        return mask

    def distances(
        self, latitude: float, longitude: float, km: float
    ) -> tuple[np.ndarray, np.ndarray]:
        """Rows within km of the point and their distances in metres (haversine, as
        `places.geo.distance_m`), nearest first not guaranteed."""
        box = bounding_box(latitude, longitude, km)
        lat, lon = self.latitude, self.longitude
        with np.errstate(invalid="ignore"):
            inside = (lat >= box.min_lat) & (lat <= box.max_lat)
            inside &= (lon >= box.min_lon) & (lon <= box.max_lon)
        rows = np.flatnonzero(inside)
        metres = haversine_m(latitude, longitude, lat[rows], lon[rows])
        close = metres <= km * 1000
        return rows[close], metres[close]

    def restricted_rows(self) -> np.ndarray:
        """Rows whose service areas name areas (a service for the people of those areas)."""
        if self._restricted is None:
            self._restricted = np.array(
                sorted(r for r, codes in self.row_areas.items() if any(codes)), dtype=np.int64
            )
        return self._restricted

    def remote_rows(self, area_codes: Iterable[str]) -> np.ndarray:
        """Rows reached from anywhere (by phone or online, with no place of their own: the
        rule of `directory.selectors.reached_from_anywhere`), or serving the place's areas
        (or Scotland)."""
        remote = (self.delivery["phone"] | self.delivery["online"]) & np.isnan(self.latitude)
        remote[self.area_rows(area_codes)] = True
        return remote


def uuid_key(value: object) -> str:
    """A UUID as the index keeps it: 32 hex digits (SQLite returns it so, PostgreSQL as UUID)."""
    return value.hex if isinstance(value, uuid.UUID) else str(value).replace("-", "").lower()


def sql_only(params: SearchParams) -> bool:
    """Whether params use a filter only SQL can answer."""
    defaults = SearchParams()
    return any(getattr(params, f) != getattr(defaults, f) for f in SQL_ONLY)


def haversine_m(lat: float, lon: float, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    p1, p2 = np.radians(lat), np.radians(lats)
    dp, dl = p2 - p1, np.radians(lons - lon)
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.minimum(a, 1.0)))
