"""Towns, service-area names and distances used to build and grade the set (see README)."""

from __future__ import annotations

import csv
import gzip
import math
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
POSTCODES = ROOT / "src" / "linkwork" / "places" / "pack" / "postcodes.csv.gz"

# Town centre (lat, long), postcode district, council area GSS code.
TOWNS: dict[str, tuple[float, float, str, str]] = {
    "Dumfries": (55.0705, -3.6105, "DG1", "S12000006"),
    "Annan": (54.9875, -3.2595, "DG12", "S12000006"),
    "Stranraer": (54.9045, -5.0265, "DG9", "S12000006"),
    "Stirling": (56.1190, -3.9370, "FK8", "S12000030"),
    "Callander": (56.2440, -4.2150, "FK17", "S12000030"),
    "Alloa": (56.1160, -3.7930, "FK10", "S12000005"),
    "Falkirk": (56.0015, -3.7840, "FK1", "S12000014"),
    "Grangemouth": (56.0120, -3.7200, "FK3", "S12000014"),
    "Perth": (56.3960, -3.4330, "PH1", "S12000048"),
    "Crieff": (56.3730, -3.8400, "PH7", "S12000048"),
    "Pitlochry": (56.7040, -3.7300, "PH16", "S12000048"),
    "Blairgowrie": (56.5920, -3.3400, "PH10", "S12000048"),
    "Galashiels": (55.6150, -2.8080, "TD1", "S12000026"),
    "Hawick": (55.4225, -2.7870, "TD9", "S12000026"),
    "Kelso": (55.5985, -2.4330, "TD5", "S12000026"),
    "Stornoway": (58.2095, -6.3880, "HS1", "S12000013"),
    "Benbecula": (57.4400, -7.3400, "HS7", "S12000013"),
    "Thurso": (58.5935, -3.5220, "KW14", "S12000017"),
    "Wick": (58.4395, -3.0930, "KW1", "S12000017"),
    "Fort William": (56.8190, -5.1050, "PH33", "S12000017"),
    "Inverness": (57.4778, -4.2247, "IV1", "S12000017"),
    "Kirkwall": (58.9815, -2.9600, "KW15", "S12000023"),
    "Lerwick": (60.1545, -1.1450, "ZE1", "S12000027"),
    "Glasgow": (55.8610, -4.2550, "G2", "S12000049"),
}

# Inverness (IV) postcodes are not in the shipped places pack: the pack knows Inverness only
# through the Highland council area. Real Inverness postcode districts with coordinates in
# the town (not checked against a postcode lookup).
INVERNESS = [
    ("IV1 1JJ", 57.4791, -4.2253, "Bridge Street"),
    ("IV3 5NX", 57.4735, -4.2405, "Glenurquhart Road"),
    ("IV2 3UJ", 57.4740, -4.1930, "Old Perth Road"),
    ("IV1 1EP", 57.4800, -4.2230, "Church Street"),
    ("IV2 3HQ", 57.4710, -4.2150, "Crown Avenue"),
    ("IV3 8HX", 57.4850, -4.2430, "Telford Street"),
    ("IV1 1QT", 57.4820, -4.2300, "Academy Street"),
    ("IV2 4AG", 57.4690, -4.2200, "Old Edinburgh Road"),
]

ALL = "*"
# Service-area names as written in directory.json -> council codes (or towns) they cover.
AREAS: dict[str, set[str]] = {
    "Scotland": {ALL},
    "Dumfries and Galloway": {"S12000006"},
    "Stirling": {"S12000030"},
    "Clackmannanshire": {"S12000005"},
    "Stirling and Clackmannanshire": {"S12000030", "S12000005"},
    "Forth Valley": {"S12000030", "S12000005", "S12000014"},
    "Falkirk council area": {"S12000014"},
    "Falkirk and Clackmannanshire": {"S12000014", "S12000005"},
    "Grangemouth and Bo'ness": {"town:Grangemouth"},
    "Perth & Kinross": {"S12000048"},
    "Highland Perthshire": {"town:Pitlochry"},
    "Highland": {"S12000017"},
    "Highland Council area": {"S12000017"},
    "Caithness": {"town:Thurso", "town:Wick"},
    "Lochaber": {"town:Fort William"},
    "Scottish Borders": {"S12000026"},
    "Western Isles": {"S12000013"},
    "Orkney": {"S12000023"},
    "Shetland": {"S12000027"},
    "Glasgow City": {"S12000049"},
}


def km(a: float, b: float, c: float, d: float) -> float:
    p1, p2 = math.radians(a), math.radians(c)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(d - b) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


@cache
def live_postcodes() -> list[tuple[str, float, float, str]]:
    with gzip.open(POSTCODES, "rt") as f:
        return [
            (r["postcode"], float(r["latitude"]), float(r["longitude"]), r["council_area"])
            for r in csv.DictReader(f)
            if r["latitude"] and not r["terminated"]
        ]


def near(town: str, lo_km: float, hi_km: float) -> list[tuple[str, float, float, str]]:
    """Live pack postcodes of the town's district between lo_km and hi_km from its centre."""
    lat, lon, district, council = TOWNS[town]
    out = [
        p
        for p in live_postcodes()
        if p[0].split()[0] == district
        and p[3] == council
        and lo_km <= km(lat, lon, p[1], p[2]) <= hi_km
    ]
    return sorted(out)


def nearest_town(lat: float, lon: float) -> str:
    return min(TOWNS, key=lambda t: km(lat, lon, TOWNS[t][0], TOWNS[t][1]))
