"""Where a service works when its service area names a place the places data does not know.

Feeds name areas by town groups ("Grangemouth and Bo'ness"), districts ("Caithness",
"Lochaber") and local words. Left without a code, such a service would count as unrestricted,
and a home-visiting service in Wick would be "in reach" in Dumfries. The service's own
addresses tell the council area it works in (even an office not open to the public: nobody is
sent there, but it is where the service is based): by postcode, else by its coordinates inside
the council area's boundary. The import reports what it inferred, so an editor can check it.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from linkwork.places.geo import geometry_contains
from linkwork.places.models import CouncilArea, Postcode
from linkwork.places.postcodes import InvalidPostcode, normalise_postcode


def _postcode_areas(raws: set[object]) -> dict[object, str]:
    """Each raw postcode's council area, in one query (unknown and malformed ones left out)."""
    normal: dict[str, list[object]] = defaultdict(list)
    for raw in raws:
        try:
            normal[normalise_postcode(raw)].append(raw)
        except InvalidPostcode:
            continue
    found = Postcode.objects.filter(postcode__in=normal).exclude(council_area=None)
    return {
        raw: str(area)
        for code, area in found.values_list("postcode", "council_area_id")
        for raw in normal[code]
    }


def area_holding_point(
    lat: object, lon: object, boundaries: Iterable[tuple[str, Any]]
) -> str | None:
    """The code of the first boundary holding the point (None for no point or no boundary)."""
    try:
        lat_f, lon_f = float(lat), float(lon)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return next((code for code, b in boundaries if geometry_contains(b, lat_f, lon_f)), None)


def home_council_areas(
    rows: dict[str, dict[uuid.UUID, Any]], service_ids: set[uuid.UUID]
) -> dict[uuid.UUID, set[str]]:
    """Service id -> the council areas of the service's own locations (any location), for the
    services asked about: one query for their postcodes, boundaries read once if needed."""
    locations_of: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    for sat in rows["service_at_location"].values():
        sid, lid = sat.values.get("service_id"), sat.values.get("location_id")
        if sid in service_ids and lid is not None:
            locations_of[sid].add(lid)
    wanted = {lid for lids in locations_of.values() for lid in lids}
    postcodes: dict[uuid.UUID, list[object]] = defaultdict(list)
    for address in rows.get("address", {}).values():
        if address.values.get("location_id") in wanted:
            postcodes[address.values.get("location_id")].append(address.values.get("postal_code"))
    by_postcode = _postcode_areas({raw for raws in postcodes.values() for raw in raws})
    boundaries: list[tuple[str, Any]] | None = None
    areas_of_location: dict[uuid.UUID, str | None] = {}
    for lid in wanted:
        found = next((by_postcode[r] for r in postcodes.get(lid, []) if r in by_postcode), None)
        location = rows["location"].get(lid)
        if found is None and location is not None:
            if boundaries is None:
                boundaries = [
                    (str(c), b) for c, b in CouncilArea.objects.values_list("code", "boundary")
                ]
            values = location.values
            found = area_holding_point(values.get("latitude"), values.get("longitude"), boundaries)
        areas_of_location[lid] = found
    return {
        sid: {a for lid in lids if (a := areas_of_location[lid]) is not None}
        for sid, lids in locations_of.items()
    }
