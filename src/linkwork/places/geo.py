"""Small geometry helpers on WGS84 longitude/latitude, shared by every app that measures distance.

Great-circle distance on a sphere is accurate to about 0.5% for Scotland, which is more than
enough for "services within 5 km". `bounding_box` gives a cheap index-friendly prefilter:
filter by the box in SQL, then by `distance_m` in Python.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from typing import Any, NamedTuple

EARTH_RADIUS_M = 6_371_008.8  # mean Earth radius (IUGG)


class BoundingBox(NamedTuple):
    min_lat: float
    min_lon: float
    max_lat: float
    max_lon: float

    def contains(self, lat: float, lon: float) -> bool:
        return self.min_lat <= lat <= self.max_lat and self.min_lon <= lon <= self.max_lon


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance between two points, in metres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(lat: float, lon: float, km: float) -> BoundingBox:
    """A box that holds every point within `km` kilometres of (lat, lon) (it may hold more).

    Use it as a prefilter (`latitude__range`, `longitude__range`) before exact `distance_m`.
    """
    if km < 0:
        raise ValueError("km must not be negative")
    dlat = math.degrees(km * 1000 / EARTH_RADIUS_M)
    min_lat, max_lat = lat - dlat, lat + dlat
    if max_lat >= 90 or min_lat <= -90:
        return BoundingBox(max(min_lat, -90.0), -180.0, min(max_lat, 90.0), 180.0)
    # The box is widest at the latitude nearest a pole.
    widest = max(abs(min_lat), abs(max_lat))
    dlon = math.degrees(km * 1000 / (EARTH_RADIUS_M * math.cos(math.radians(widest))))
    if dlon >= 180:
        return BoundingBox(min_lat, -180.0, max_lat, 180.0)
    return BoundingBox(min_lat, lon - dlon, max_lat, lon + dlon)


# --- boundary simplification (used by scripts/build_places_pack.py) -------------------------

Point = Sequence[float]


def _segment_distance(p: Point, a: Point, b: Point) -> float:
    """Distance from p to the segment a-b, in coordinate units (planar)."""
    ax, ay = a[0], a[1]
    dx, dy = b[0] - ax, b[1] - ay
    if dx == 0 and dy == 0:
        return math.hypot(p[0] - ax, p[1] - ay)
    t = max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(p[0] - (ax + t * dx), p[1] - (ay + t * dy))


def douglas_peucker(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Simplify a line with the Douglas-Peucker algorithm (iterative, so deep lines are safe)."""
    n = len(points)
    if n < 3:
        return list(points)
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        first, last = stack.pop()
        worst, worst_at = -1.0, -1
        for i in range(first + 1, last):
            d = _segment_distance(points[i], points[first], points[last])
            if d > worst:
                worst, worst_at = d, i
        if worst > tolerance:
            keep[worst_at] = True
            stack.append((first, worst_at))
            stack.append((worst_at, last))
    return [p for p, k in zip(points, keep, strict=True) if k]


def ring_area(ring: Sequence[Point]) -> float:
    """Absolute planar area of a closed ring (shoelace formula), in squared coordinate units."""
    s = 0.0
    for (x1, y1, *_), (x2, y2, *_) in itertools.pairwise(ring):
        s += x1 * y2 - x2 * y1
    return abs(s) / 2


def _simplify_ring(ring: Sequence[Point], tolerance: float, digits: int) -> list[list[float]]:
    if len(ring) > 4:
        # Split the closed ring at its far point so both halves are open lines.
        far = max(range(len(ring)), key=lambda i: math.dist(ring[0][:2], ring[i][:2]))
        half1 = douglas_peucker(ring[: far + 1], tolerance)
        half2 = douglas_peucker(ring[far:], tolerance)
        ring = half1[:-1] + half2
    out: list[list[float]] = []
    for p in ring:
        q = [round(p[0], digits), round(p[1], digits)]
        if not out or out[-1] != q:
            out.append(q)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


def simplify_geometry(
    geometry: dict[str, Any], *, tolerance: float, digits: int, min_area: float = 0.0
) -> dict[str, Any]:
    """Simplify a GeoJSON Polygon/MultiPolygon; drop rings smaller than `min_area`.

    The largest polygon always survives, so no area disappears from the map.
    Returns a MultiPolygon (or the Polygon kind if only one polygon is left).
    """
    kind = geometry["type"]
    if kind == "Polygon":
        polygons = [geometry["coordinates"]]
    elif kind == "MultiPolygon":
        polygons = geometry["coordinates"]
    else:
        raise ValueError(f"cannot simplify a {kind}")
    largest = max(range(len(polygons)), key=lambda i: ring_area(polygons[i][0]))
    result = []
    for index, polygon in enumerate(polygons):
        if index != largest and ring_area(polygon[0]) < min_area:
            continue
        rings = []
        for r, ring in enumerate(polygon):
            if r > 0 and ring_area(ring) < min_area:
                continue  # a small hole
            simple = _simplify_ring(ring, tolerance, digits)
            if len(simple) >= 4:
                rings.append(simple)
            elif r == 0 and index == largest:
                rings.append([[round(p[0], digits), round(p[1], digits)] for p in ring])
            elif r == 0:
                break
        if rings:
            result.append(rings)
    if len(result) == 1:
        return {"type": "Polygon", "coordinates": result[0]}
    return {"type": "MultiPolygon", "coordinates": result}


# --- point in boundary ----------------------------------------------------------------------


def _in_ring(lon: float, lat: float, ring: Sequence[Point]) -> bool:
    """Ray casting: an odd number of edge crossings to the east means inside."""
    inside = False
    for (x1, y1), (x2, y2) in itertools.pairwise(ring):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def geometry_contains(geometry: dict[str, Any] | None, lat: float, lon: float) -> bool:
    """True if a GeoJSON Polygon or MultiPolygon (lon/lat rings, holes after the outer ring)
    holds the point."""
    if not geometry:
        return False
    kind, coords = geometry.get("type"), geometry.get("coordinates") or []
    polygons = [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else []
    return any(
        rings
        and _in_ring(lon, lat, rings[0])
        and not any(_in_ring(lon, lat, hole) for hole in rings[1:])
        for rings in polygons
    )
