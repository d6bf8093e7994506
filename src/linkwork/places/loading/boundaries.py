"""Boundary GeoJSON: council areas, health boards and HSCPs, recognised by their properties."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import models
from django.utils.translation import gettext as _

from linkwork.places.loading import cells
from linkwork.places.loading.sources import LoadError
from linkwork.places.models import HSCP, CouncilArea, HealthBoard


@dataclass(frozen=True)
class BoundaryKind:
    label: str
    model: type[models.Model]
    code: str  # property name patterns, lower case
    name: str


BOUNDARY_KINDS = (
    BoundaryKind(
        "council area boundaries", CouncilArea, r"lad\d\dcd|ca\d*code", r"lad\d\dnm|ca\d*name"
    ),
    BoundaryKind("health board boundaries", HealthBoard, r"hbcode|hb\d*cd", r"hbname|hb\d*nm"),
    BoundaryKind(
        "HSCP boundaries", HSCP, r"hiacode|hscpcode|hscp\d*cd", r"hianame|hscpname|hscp\d*nm"
    ),
)


def _key(props: dict[str, Any], pattern: str) -> str | None:
    regex = re.compile(pattern)
    return next((k for k in props if regex.fullmatch(k.lower())), None)


def _first_point(coordinates: Any) -> list[float] | None:
    while isinstance(coordinates, list) and coordinates and isinstance(coordinates[0], list):
        coordinates = coordinates[0]
    if isinstance(coordinates, list) and len(coordinates) >= 2:
        return coordinates
    return None


def read_boundaries(path: Path, data: Any) -> tuple[BoundaryKind, list[models.Model]]:
    """Areas (code, name, boundary) from a GeoJSON FeatureCollection, or a LoadError."""
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list) or not features:
        raise LoadError(
            path, _("this JSON is not a GeoJSON FeatureCollection with features."), line=1
        )
    crs = str((data.get("crs") or {}).get("properties", {}).get("name", ""))
    if "27700" in crs:
        raise LoadError(
            path,
            _(
                "the coordinates are British National Grid (EPSG:27700); convert the file to "
                "WGS84 longitude/latitude (EPSG:4326) first."
            ),
        )
    first = features[0].get("properties") or {}
    for kind in BOUNDARY_KINDS:
        code_key = _key(first, kind.code)
        name_key = _key(first, kind.name)
        if code_key and name_key:
            break
    else:
        raise LoadError(
            path,
            _(
                "cannot tell which areas these boundaries are from their properties "
                "(%(properties)s). Expected lad18cd/lad18nm (council areas), HBCode/HBName "
                "(health boards) or HIACode/HIAName (HSCPs)."
            )
            % {"properties": ", ".join(list(first)[:8])},
            line=1,
        )
    areas = []
    for number, feature in enumerate(features, start=1):
        where = _("feature %(n)s") % {"n": number}
        props = feature.get("properties") or {}
        geometry = feature.get("geometry")
        for key in (code_key, name_key):
            if not str(props.get(key) or "").strip():
                raise LoadError(path, where + ": " + _("the value is empty."), column=key)
        try:
            code = cells.code(str(props[code_key]))
        except ValueError as exc:
            raise LoadError(path, f"{where}: {exc}", column=code_key) from None
        if not isinstance(geometry, dict) or geometry.get("type") not in (
            "Polygon",
            "MultiPolygon",
        ):
            raise LoadError(
                path, where + ": " + _("the geometry is not a Polygon or MultiPolygon.")
            )
        point = _first_point(geometry.get("coordinates"))
        if point is None or not (-180 <= point[0] <= 180 and -90 <= point[1] <= 90):
            raise LoadError(
                path,
                where
                + ": "
                + _("the coordinates are not WGS84 longitude/latitude (found %(point)s).")
                % {"point": str(point)[:40]},
            )
        areas.append(kind.model(code=code, name=str(props[name_key]).strip(), boundary=geometry))
    return kind, areas
