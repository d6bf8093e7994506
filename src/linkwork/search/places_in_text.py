"""A place named in the words of a search ("food parcels Dumfries", "carers group in Lerwick"),
used when no postcode is given.

Names come from the places data (council areas and their common variants, with the mean point
of their postcodes) and from the directory's own address towns (the mean point of the
locations in each town, also by the part before a comma: "Lerwick, Shetland"). The gazetteer
is built once per process and refreshed every ten minutes; finding a place in a query is a
dictionary look-up per word and word pair, and only when none matches, a fuzzy look-up of the
words that are neither in the index nor English ("dumfreis", "stornaway").
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections import defaultdict

from linkwork.directory import selectors
from linkwork.search.query import STOP_WORDS, words

REFRESH_S = 600
MIN_LETTERS = 4
MAX_WORDS = 3
#: Words before a place name that belong to it ("in Lerwick", "near Perth").
PLACE_PREPOSITIONS = {"in", "near", "around", "at", "nr", "from"}
#: Words that are needs far more often than places, whatever towns are called.
NOT_PLACES = {"bank", "banks", "food", "group", "groups", "help", "support", "centre", "hall"}


@dataclasses.dataclass(frozen=True)
class NamedPlace:
    name: str
    latitude: float
    longitude: float
    area_codes: tuple[str, ...]


@dataclasses.dataclass
class Found:
    place: selectors.Place
    name: str
    rest: str  # the query without the place's words


_lock = threading.Lock()
_gazetteer: tuple[float, dict[tuple[str, ...], NamedPlace]] | None = None


def _build() -> dict[tuple[str, ...], NamedPlace]:
    from django.db.models import Avg

    from linkwork.directory.hsds.interpret import area_names
    from linkwork.directory.models import Address
    from linkwork.places.models import CouncilArea, Postcode

    out: dict[tuple[str, ...], NamedPlace] = {}
    # Council areas: the mean point of their postcodes
    centres = {
        row["council_area_id"]: (row["lat"], row["lon"])
        for row in Postcode.objects.filter(latitude__isnull=False, council_area__isnull=False)
        .values("council_area_id")
        .annotate(lat=Avg("latitude"), lon=Avg("longitude"))
        .order_by()
    }
    shown = dict(CouncilArea.objects.values_list("code", "name"))
    for name, kinds in area_names().items():
        code = kinds.get("council_area")
        if code and code in centres and centres[code][0] is not None:
            lat, lon = centres[code]
            key = tuple(words(name))
            if key:
                out[key] = NamedPlace(shown.get(code, name), lat, lon, (code,))
    # Towns of the directory's addresses: the mean point of their locations
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    rows = (
        Address.objects.exclude(city="")
        .filter(location__latitude__isnull=False)
        .values_list("city", "location__latitude", "location__longitude")
        .order_by()
    )
    for city, lat, lon in rows.iterator(chunk_size=5000):
        if lat is not None and lon is not None:
            # "Lerwick, Shetland": the town, and the whole as written
            for part in {city, city.split(",")[0]}:
                if part.strip():
                    points[part.strip().lower()].append((lat, lon))
    for city, found in points.items():
        key = tuple(words(city))
        if not key or key in out or len(key) > MAX_WORDS:
            continue
        lat = sum(p[0] for p in found) / len(found)
        lon = sum(p[1] for p in found) / len(found)
        out[key] = NamedPlace(city.title(), lat, lon, ())
    return {
        k: v
        for k, v in out.items()
        if len("".join(k)) >= MIN_LETTERS and not (len(k) == 1 and k[0] in NOT_PLACES | STOP_WORDS)
    }


def gazetteer() -> dict[tuple[str, ...], NamedPlace]:
    global _gazetteer
    now = time.monotonic()
    if _gazetteer is None or now - _gazetteer[0] > REFRESH_S:
        with _lock:
            if _gazetteer is None or now - _gazetteer[0] > REFRESH_S:
                _gazetteer = (now, _build())
    return _gazetteer[1]


def reset() -> None:
    global _gazetteer
    with _lock:
        _gazetteer = None


def _area_codes_near(lat: float, lon: float) -> tuple[str, ...]:
    """The areas of the postcode nearest a point (one query over a small box)."""
    from linkwork.places.models import Postcode

    box = Postcode.objects.filter(
        latitude__range=(lat - 0.05, lat + 0.05),
        longitude__range=(lon - 0.08, lon + 0.08),
    ).values_list("latitude", "longitude", "council_area_id", "hscp_id", "health_board_id")[:200]
    best: tuple[float, tuple[str, ...]] | None = None
    for r_lat, r_lon, *codes in box:
        if r_lat is None or r_lon is None:
            continue
        d = (r_lat - lat) ** 2 + (r_lon - lon) ** 2
        if best is None or d < best[0]:
            best = (d, tuple(str(c) for c in codes if c))
    return best[1] if best else ()


#: How close (rapidfuzz ratio) a word not in the index must be to a place name to be taken
#: for it ("dumfreis", "stornaway"); only words of at least MISSPELT_LETTERS letters.
MISSPELT_CUTOFF = 85
MISSPELT_LETTERS = 5

_joined_lock = threading.Lock()
_joined: list[tuple[dict, list[str], list[tuple[str, ...]]]] = []


def _joined_names(
    names: dict[tuple[str, ...], NamedPlace],
) -> tuple[list[str], list[tuple[str, ...]]]:
    """The gazetteer's names as strings (for fuzzy matching), kept with the gazetteer."""
    with _joined_lock:
        if not _joined or _joined[0][0] is not names:
            keys = list(names)
            _joined[:] = [(names, [" ".join(k) for k in keys], keys)]
        return _joined[0][1], _joined[0][2]


def _exact(
    tokens: list[str], names: dict[tuple[str, ...], NamedPlace]
) -> tuple[int, int, tuple[str, ...]] | None:
    """The longest name in the text, the last one when several: (start, end, name)."""
    for n in range(min(MAX_WORDS, len(tokens)), 0, -1):
        for start in range(len(tokens) - n, -1, -1):
            key = tuple(tokens[start : start + n])
            if key in names:
                return start, start + n, key
    return None


def _misspelt(
    tokens: list[str], names: dict[tuple[str, ...], NamedPlace]
) -> tuple[int, int, tuple[str, ...]] | None:
    """A misspelt place name: one or two words, one of them neither in the index nor English,
    close to a name in the gazetteer ("dumfreis", "fort wiliam"): (start, end, name)."""
    from rapidfuzz import fuzz, process

    from linkwork.search import vocabulary
    from linkwork.search.query import english_words, stem

    joined, keys = _joined_names(names)
    indexed = vocabulary.terms()
    english = english_words()

    def unknown(word: str) -> bool:
        return (
            len(word) >= MISSPELT_LETTERS
            and word.isalpha()
            and word not in STOP_WORDS
            and word not in NOT_PLACES
            and stem(word) not in indexed
            and stem(word) not in english
        )

    best: tuple[float, int, int, tuple[str, ...]] | None = None
    for n in (2, 1):
        for start in range(len(tokens) - n + 1):
            span = tokens[start : start + n]
            if not any(unknown(w) for w in span) or not all(w.isalpha() for w in span):
                continue
            match = process.extractOne(
                " ".join(span), joined, scorer=fuzz.ratio, score_cutoff=MISSPELT_CUTOFF
            )
            if match is not None and (best is None or match[1] > best[0]):
                best = (match[1], start, start + n, keys[match[2]])
    return best[1:] if best else None


def find_place(text: str) -> Found | None:
    """The place named in the text (the longest name, last in the text when several; else a
    misspelt one), with the text left when its words (and a preposition before them) are
    taken out."""
    tokens = words(text)
    if not tokens:
        return None
    names = gazetteer()
    if not names:
        return None
    found = _exact(tokens, names) or _misspelt(tokens, names)
    if found is None:
        return None
    start, end, key = found
    named = names[key]
    if start > 0 and tokens[start - 1] in PLACE_PREPOSITIONS:
        start -= 1
    rest = " ".join(tokens[:start] + tokens[end:])
    codes = named.area_codes or _area_codes_near(named.latitude, named.longitude)
    return Found(selectors.Place("", named.latitude, named.longitude, codes), named.name, rest)
