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
from typing import Any

from linkwork.places.geo import geometry_contains
from linkwork.places.models import CouncilArea, Postcode
from linkwork.places.postcodes import InvalidPostcode, normalise_postcode


def _postcode_area(raw: object) -> str | None:
    try:
        postcode = normalise_postcode(raw)
    except InvalidPostcode:
        return None
    row = Postcode.objects.filter(postcode=postcode).values_list("council_area_id", flat=True)
    return next(iter(row), None)


def _point_area(lat: object, lon: object) -> str | None:
    try:
        lat_f, lon_f = float(lat), float(lon)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    for code, boundary in CouncilArea.objects.values_list("code", "boundary"):
        if geometry_contains(boundary, lat_f, lon_f):
            return str(code)
    return None


def home_council_areas(rows: dict[str, dict[uuid.UUID, Any]]) -> dict[uuid.UUID, set[str]]:
    """Service id -> the council areas of the service's own locations (any location)."""
    locations_of: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    for sat in rows["service_at_location"].values():
        sid, lid = sat.values.get("service_id"), sat.values.get("location_id")
        if sid is not None and lid is not None:
            locations_of[sid].add(lid)
    postcodes: dict[uuid.UUID, list[object]] = defaultdict(list)
    for address in rows.get("address", {}).values():
        postcodes[address.values.get("location_id")].append(address.values.get("postal_code"))
    areas_of_location: dict[uuid.UUID, str | None] = {}

    def area_of(lid: uuid.UUID) -> str | None:
        if lid not in areas_of_location:
            found = next(filter(None, map(_postcode_area, postcodes.get(lid, []))), None)
            location = rows["location"].get(lid)
            if found is None and location is not None:
                values = location.values
                found = _point_area(values.get("latitude"), values.get("longitude"))
            areas_of_location[lid] = found
        return areas_of_location[lid]

    return {
        sid: {a for a in map(area_of, lids) if a is not None} for sid, lids in locations_of.items()
    }
