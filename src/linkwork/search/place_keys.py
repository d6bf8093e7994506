"""Place as words of the full-text index, so that the database can restrict a text search to
a place before ranking it.

Each search document carries a few key words (`SearchDocument.place_keys`): the grid cells
holding the service's point at three sizes (`zcell0x564yn17`), `zremote` when it is
delivered by phone or online, and one word per service area (`zareas12000048`, `zscotland`
for the whole country). A search near a
place matches documents with any key of the cells its distance box touches, `zremote`, or
the person's areas; the engine then applies the exact distance and filters (`allowed`).
The keys only narrow the search: every document they admit is checked exactly afterwards.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from linkwork.places.geo import bounding_box

#: Cell sizes in degrees (latitude, longitude): about 11, 55 and 220 km across in Scotland.
LEVELS = ((0.1, 0.2), (0.5, 1.0), (2.0, 4.0))
MAX_CELLS = 16  # a search uses the finest level whose box needs at most this many cells
REMOTE = "zremote"
SCOTLAND = "zscotland"
SCOTLAND_CODE = "S92000003"
_KEY = re.compile(r"^z(?:cell\d|area|remote$|scotland$)")


def is_place_key(word: str) -> bool:
    return bool(_KEY.match(word))


def _cell(level: int, lat: float, lon: float) -> tuple[int, int]:
    dlat, dlon = LEVELS[level]
    return math.floor(lat / dlat), math.floor(lon / dlon)


def _cell_key(level: int, row: int, col: int) -> str:
    # Letters and digits only: every tokeniser keeps it one word ("n" for minus).
    def num(n: int) -> str:
        return f"n{-n}" if n < 0 else str(n)

    return f"zcell{level}x{num(row)}y{num(col)}"


def area_key(code: str) -> str:
    if code == SCOTLAND_CODE:
        return SCOTLAND
    return "zarea" + "".join(c for c in code.lower() if c.isascii() and c.isalnum())


def document_keys(
    latitude: float | None,
    longitude: float | None,
    *,
    remote: bool,
    area_codes: Iterable[str],
) -> str:
    """The place keys of one service, space-separated."""
    keys: list[str] = []
    if latitude is not None and longitude is not None:
        keys += [_cell_key(i, *_cell(i, latitude, longitude)) for i in range(len(LEVELS))]
    if remote:
        keys.append(REMOTE)
    keys += sorted({area_key(c) for c in area_codes if c})
    return " ".join(keys)


def search_keys(
    latitude: float, longitude: float, km: float, area_codes: Iterable[str]
) -> list[str]:
    """The keys a document needs one of to be near the place (within the box of km) or to
    serve it (remote, one of its areas, Scotland)."""
    box = bounding_box(latitude, longitude, km)
    keys: list[str] = []
    for level in range(len(LEVELS)):
        r0, c0 = _cell(level, box.min_lat, box.min_lon)
        r1, c1 = _cell(level, box.max_lat, box.max_lon)
        if (r1 - r0 + 1) * (c1 - c0 + 1) <= MAX_CELLS or level == len(LEVELS) - 1:
            keys = [_cell_key(level, r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]
            break
    return [*keys, REMOTE, SCOTLAND, *sorted({area_key(c) for c in area_codes if c})]
