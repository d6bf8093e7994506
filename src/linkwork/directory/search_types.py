"""What a search asks and answers (SearchParams, SearchHit, SearchPage): the types shared by
the engine registry (search_backend), the directory's simple engine and the search app, in a
module of their own so that none of them imports another to get them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SearchParams:
    """What a person asked for. Every field is optional; validation happens before this."""

    q: str = ""
    postcode: str = ""  # normalised postcode, already checked to exist
    latitude: float | None = None
    longitude: float | None = None
    distance_km: float | None = None  # only with a place
    categories: tuple[str, ...] = ()  # taxonomy term codes (ours, e.g. "befriending")
    delivery_modes: tuple[str, ...] = ()  # in_person, phone, online, home_visit
    free_only: bool = False
    open_on: int | None = None  # ISO weekday 1=Monday..7=Sunday
    accessibility: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()  # ISO 639 codes
    age: int | None = None
    organisation_id: uuid.UUID | None = None
    area_codes: tuple[str, ...] = ()  # GSS codes (council area/HSCP/HB) to restrict to
    exclude_ids: tuple[uuid.UUID, ...] = ()
    include_inactive: bool = False
    page: int = 1
    per_page: int = 20
    explain: bool = False
    mode: str = "hybrid"  # hybrid, lexical, semantic (engines that cannot, ignore it)


@dataclass
class SearchHit:
    service_id: uuid.UUID
    score: float
    distance_m: float | None = None
    why: list[str] = field(default_factory=list)


@dataclass
class SearchPage:
    hits: list[SearchHit]
    total: int
    page: int
    per_page: int
    notes: list[str] = field(default_factory=list)  # e.g. "showing services for all of Scotland"
