"""Where a postcode is when the places data does not list it: near its neighbours.

A deployment may load only some postcode areas, and new postcodes appear every month. A person
who types a real postcode we do not list should still find services near them, not an error.
The postcode's sector ("DD1 4") and then its district ("DD1") tell roughly where it is: the
centre of the postcodes we know there, from the places data, else from the directory's own
addresses (a directory with services in Dundee says where DD1 is). The areas that hold that
point come from the shipped boundaries. The place says it is approximate, so search can tell
the person (decision 0015).
"""

from __future__ import annotations

from collections.abc import Iterable
from statistics import fmean

from linkwork.directory.hsds.area_fallback import area_holding_point
from linkwork.places.postcodes import InvalidPostcode, normalise_postcode

# The last character that can follow a prefix in a stored postcode: a range query
# [prefix, prefix + HIGH) is a prefix match that uses the primary-key index on both databases.
_HIGH = "\uffff"


def _parts(postcode: str) -> list[str]:
    """The prefixes to try, nearest first: sector ("DD1 4"), then district ("DD1 ")."""
    outward, inward = postcode.split(" ")
    return [f"{outward} {inward[0]}", f"{outward} "]


def _from_places(prefix: str) -> list[tuple[float, float]]:
    from linkwork.places.models import Postcode

    rows = Postcode.objects.filter(
        postcode__gte=prefix, postcode__lt=prefix + _HIGH, latitude__isnull=False
    ).exclude(longitude=None)
    live = _points(rows.filter(terminated="").values_list("latitude", "longitude"))
    return live or _points(rows.values_list("latitude", "longitude"))


def _points(rows: Iterable[tuple[float | None, float | None]]) -> list[tuple[float, float]]:
    return [(lat, lon) for lat, lon in rows if lat is not None and lon is not None]


def _from_directory(prefixes: list[str]) -> dict[str, list[tuple[float, float]]]:
    """The directory's addresses with coordinates, by the prefixes their postcode starts with
    (one query: addresses whose postcode starts with the outward code, checked in Python since
    feeds write postcodes in any case and spacing)."""
    from linkwork.directory.models import Address

    outward = prefixes[-1].strip()
    rows = (
        Address.objects.filter(postal_code__istartswith=outward, location__latitude__isnull=False)
        .exclude(location__longitude=None)
        .values_list("postal_code", "location__latitude", "location__longitude")
    )
    found: dict[str, list[tuple[float, float]]] = {p: [] for p in prefixes}
    for raw, lat, lon in rows:
        try:
            code = normalise_postcode(raw)
        except InvalidPostcode:
            continue
        for prefix in prefixes:
            if code.startswith(prefix) and lat is not None and lon is not None:
                found[prefix].append((lat, lon))
    return found


def approximate_point(postcode: str) -> tuple[str, float, float] | None:
    """(the part of the postcode used, latitude, longitude) of a normalised postcode from its
    sector's or district's known postcodes, or None when nothing near it is known."""
    prefixes = _parts(postcode)
    directory: dict[str, list[tuple[float, float]]] | None = None
    for prefix in prefixes:
        points = _from_places(prefix)
        if not points:
            if directory is None:
                directory = _from_directory(prefixes)
            points = directory[prefix]
        if points:
            return prefix.strip(), fmean(p[0] for p in points), fmean(p[1] for p in points)
    return None


def areas_holding(lat: float, lon: float) -> tuple[str, ...]:
    """The council area, HSCP and health board (GSS codes) whose boundaries hold the point."""
    from linkwork.places.models import HSCP, CouncilArea, HealthBoard

    found = (
        area_holding_point(
            lat, lon, model.objects.exclude(boundary=None).values_list("code", "boundary")
        )
        for model in (CouncilArea, HSCP, HealthBoard)
    )
    return tuple(str(code) for code in found if code)
