# ruff: noqa: SIM115, RUF059
"""Build directory.json (HSDS 3.0 service list) from _services.py; deterministic.

Run: /work/main/.venv/bin/python tests/search/relevance_independent/build_directory.py
Also writes nothing else: the evaluator's labels stay in _services.py / build_queries.py.
"""

from __future__ import annotations

import csv
import gzip
import json
import math
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from _services import KINDS, PLACEMENTS, REMOTE

HERE = Path(__file__).resolve().parent
NS = uuid.UUID("6f1c3a52-6b0e-4d55-9a51-5a0c2b0e8e11")
POSTCODES = HERE.parents[2] / "src" / "linkwork" / "places" / "pack" / "postcodes.csv.gz"

# town -> (centre latitude, longitude, postcode prefix, council name as feeds write it,
#          phone area code, street names)
TOWNS: dict[str, tuple[float, float, str, str, str, list[str]]] = {
    "Perth": (
        56.3960,
        -3.4370,
        "PH",
        "Perth and Kinross",
        "01738",
        [
            "High Street",
            "South Street",
            "Scott Street",
            "King Street",
            "Atholl Street",
            "Tay Street",
            "Kinnoull Street",
            "Canal Street",
        ],
    ),
    "Falkirk": (
        56.0019,
        -3.7839,
        "FK",
        "Falkirk",
        "01324",
        [
            "High Street",
            "Newmarket Street",
            "Vicar Street",
            "Callendar Road",
            "Cow Wynd",
            "Grahams Road",
            "Bank Street",
        ],
    ),
    "Stirling": (
        56.1190,
        -3.9370,
        "FK",
        "Stirling",
        "01786",
        ["Port Street", "King Street", "Barnton Street", "Murray Place", "Dumbarton Road"],
    ),
    "Grangemouth": (
        56.0120,
        -3.7230,
        "FK",
        "Falkirk",
        "01324",
        ["La Porte Precinct", "Bo'ness Road", "Abbots Road"],
    ),
    "Alloa": (
        56.1160,
        -3.7930,
        "FK",
        "Clackmannanshire",
        "01259",
        ["Mill Street", "Drysdale Street"],
    ),
    "Dumfries": (
        55.0700,
        -3.6110,
        "DG",
        "Dumfries and Galloway",
        "01387",
        [
            "High Street",
            "English Street",
            "Buccleuch Street",
            "Irish Street",
            "Church Crescent",
            "Queensberry Street",
            "Irving Street",
        ],
    ),
    "Stranraer": (
        54.9030,
        -5.0240,
        "DG",
        "Dumfries and Galloway",
        "01776",
        ["George Street", "Hanover Street"],
    ),
    "Annan": (54.9880, -3.2600, "DG", "Dumfries and Galloway", "01461", ["High Street"]),
    "Lerwick": (
        60.1550,
        -1.1450,
        "ZE",
        "Shetland Islands",
        "01595",
        [
            "Commercial Street",
            "King Harald Street",
            "Market Street",
            "Hillhead",
            "Harbour Street",
            "North Road",
        ],
    ),
    "Stornoway": (
        58.2090,
        -6.3880,
        "HS",
        "Na h-Eileanan Siar",
        "01851",
        [
            "Cromwell Street",
            "Francis Street",
            "Kenneth Street",
            "Point Street",
            "Church Street",
            "Bayhead",
        ],
    ),
    "Kirkwall": (
        58.9810,
        -2.9600,
        "KW",
        "Orkney Islands",
        "01856",
        ["Albert Street", "Broad Street", "Victoria Street", "Junction Road"],
    ),
    "Wick": (
        58.4390,
        -3.0930,
        "KW",
        "Highland",
        "01955",
        ["High Street", "Bridge Street", "Market Place"],
    ),
    "Thurso": (58.5930, -3.5220, "KW", "Highland", "01847", ["Traill Street"]),
    "Galashiels": (
        55.6150,
        -2.8070,
        "TD",
        "Scottish Borders",
        "01896",
        ["Channel Street", "Bank Street", "High Street", "Overhaugh Street", "Market Street"],
    ),
    "Hawick": (
        55.4230,
        -2.7870,
        "TD",
        "Scottish Borders",
        "01450",
        ["High Street", "North Bridge Street", "Commercial Road"],
    ),
    "Fort William": (
        56.8190,
        -5.1050,
        "PH",
        "Highland",
        "01397",
        ["High Street", "Cameron Square", "Belford Road"],
    ),
    "Aviemore": (57.1950, -3.8270, "PH", "Highland", "01479", ["Grampian Road"]),
    "Pitlochry": (
        56.7040,
        -3.7300,
        "PH",
        "Perth and Kinross",
        "01796",
        ["Atholl Road", "West Moulin Road"],
    ),
    "Crieff": (
        56.3730,
        -3.8400,
        "PH",
        "Perth and Kinross",
        "01764",
        ["James Square", "High Street", "Comrie Street"],
    ),
    "Blairgowrie": (
        56.5920,
        -3.3400,
        "PH",
        "Perth and Kinross",
        "01250",
        ["Wellmeadow", "Allan Street"],
    ),
    "Glasgow": (
        55.8610,
        -4.2580,
        "G2",
        "Glasgow City",
        "0141",
        [
            "Bath Street",
            "West George Street",
            "Hope Street",
            "St Vincent Street",
            "Wellington Street",
            "West Nile Street",
            "Renfield Street",
            "Bothwell Street",
        ],
    ),
}

# How service areas are written in the feed (varied on purpose) per council name.
AREA_WORDING = {
    "Perth and Kinross": ["Perth and Kinross", "Perth & Kinross", "NHS Tayside"],
    "Falkirk": ["Falkirk council area", "Falkirk", "NHS Forth Valley"],
    "Stirling": ["Stirling", "Stirling council area"],
    "Clackmannanshire": ["Clackmannanshire"],
    "Dumfries and Galloway": [
        "Dumfries and Galloway",
        "Dumfries & Galloway",
        "NHS Dumfries and Galloway",
    ],
    "Shetland Islands": ["Shetland Islands", "Shetland"],
    "Na h-Eileanan Siar": ["Na h-Eileanan Siar", "Western Isles", "Outer Hebrides"],
    "Orkney Islands": ["Orkney Islands", "Orkney"],
    "Highland": ["Highland", "NHS Highland"],
    "Scottish Borders": ["Scottish Borders", "NHS Borders"],
    "Glasgow City": ["Glasgow City", "Glasgow", "NHS Greater Glasgow and Clyde"],
}


def uid(*parts: str) -> str:
    return str(uuid.uuid5(NS, "/".join(parts)))


def _km(a: float, b: float, c: float, d: float) -> float:
    return math.hypot((a - c) * 111.2, (b - d) * 111.2 * math.cos(math.radians(a)))


def postcode_pool() -> dict[str, list[tuple[str, float, float]]]:
    """For each town, live postcodes nearest its centre (every third, to spread them)."""
    rows = [
        r
        for r in csv.DictReader(gzip.open(POSTCODES, "rt"))
        if not r["terminated"] and r["latitude"]
    ]
    pool: dict[str, list[tuple[str, float, float]]] = {}
    for town, (lat, lon, prefix, *_rest) in TOWNS.items():
        near = sorted(
            (r for r in rows if r["postcode"].startswith(prefix)),
            key=lambda r: _km(lat, lon, float(r["latitude"]), float(r["longitude"])),
        )
        pool[town] = [
            (r["postcode"], float(r["latitude"]), float(r["longitude"])) for r in near[:120:3]
        ]
    return pool


@dataclass
class Entry:
    """One service plus the evaluator's labels (never exported)."""

    key: str
    doc: dict
    need: str
    secondary: list[str]
    audience: str
    delivery: str
    town: str | None  # None: no physical location
    lat: float | None = None
    lon: float | None = None
    areas: list[str] = field(default_factory=list)


_ORGS: dict[str, dict] = {}


def _org(name: str, town: str | None) -> dict:
    """The organisation as first described (one organisation, one description)."""
    if name in _ORGS:
        return dict(_ORGS[name])
    desc = f"{name} is a community organisation" + (
        f" based in {town}." if town else " working across Scotland."
    )
    _ORGS[name] = {
        "id": uid("org", name),
        "name": name,
        "description": desc,
        "website": "https://www.example.org.uk/"
        + "-".join(name.lower().replace("'", "").replace("&", "and").split()),
    }
    return dict(_ORGS[name])


def _phone(key: str, number: str) -> dict:
    return {"id": uid("phone", key), "number": number, "type": "voice"}


def build() -> list[Entry]:
    pool = postcode_pool()
    used: dict[str, int] = {t: 0 for t in TOWNS}
    entries: list[Entry] = []
    seq = 0
    for kind, towns in PLACEMENTS.items():
        need, secondary, audience, variants = KINDS[kind]
        for i, town in enumerate(towns):
            name_t, org_t, desc_t, delivery, how = variants[i % len(variants)]
            lat0, lon0, _p, council, code, streets = TOWNS[town]
            pc, lat, lon = pool[town][used[town] % len(pool[town])]
            street = streets[used[town] % len(streets)]
            used[town] += 1
            seq += 1
            fmt = {
                "town": town,
                "council": council if council != "Glasgow City" else "Glasgow City",
            }
            name = name_t.format(**fmt)
            org = org_t.format(**fmt)
            key = f"{kind}:{town}"
            number = f"{code} {100000 + seq * 7919 % 900000:06d}"[: len(code) + 7]
            loc_name = f"{org}, {street}"
            location = {
                "id": uid("loc", key),
                "location_type": "physical",
                "name": loc_name,
                "latitude": lat,
                "longitude": lon,
                "addresses": [
                    {
                        "id": uid("addr", key),
                        "address_1": f"{(seq * 13) % 140 + 1} {street}",
                        "city": town,
                        "state_province": "Scotland",
                        "postal_code": pc,
                        "country": "GB",
                        "address_type": "physical",
                    }
                ],
            }
            areas: list[str] = []
            if seq % 3 != 0:  # most local feeds name an area; some leave it out
                wording = AREA_WORDING[council]
                areas = [wording[seq % len(wording)]]
                if seq % 7 == 0:
                    areas = [town]
            doc = {
                "id": uid("svc", key),
                "name": name,
                "description": desc_t.format(**fmt),
                "status": "active",
                "application_process": how,
                "url": "https://www.example.org.uk/" + uid("url", key)[:8],
                "organization": _org(org, town),
                "phones": [_phone(key, number)],
                "service_areas": [{"id": uid("area", key, a), "name": a} for a in areas],
                "service_at_locations": [{"id": uid("sal", key), "location": location}],
            }
            if audience == "older":
                doc["eligibility_description"] = "Older people, usually aged 60 and over."
                doc["minimum_age"] = 60
            entries.append(
                Entry(key, doc, need, list(secondary), audience, delivery, town, lat, lon, areas)
            )
    for key, name, org, desc, delivery, areas, need, secondary, audience, langs in REMOTE:
        seq += 1
        doc = {
            "id": uid("svc", key),
            "name": name,
            "description": desc,
            "status": "active",
            "url": "https://www.example.org.uk/" + uid("url", key)[:8],
            "organization": _org(org, None),
            "phones": [_phone(key, f"0800 {100 + seq:03d} {(seq * 4111) % 9000 + 1000}")],
            "service_areas": [{"id": uid("area", key, a), "name": a} for a in areas],
        }
        if langs:
            names = {
                "pl": "Polish",
                "ar": "Arabic",
                "uk": "Ukrainian",
                "zh": "Chinese (Mandarin)",
                "ru": "Russian",
            }
            doc["languages"] = [
                {"id": uid("lang", key, c), "name": names[c], "code": c} for c in langs
            ]
        if audience == "older":
            doc["minimum_age"] = 60
        if audience == "young":
            doc["minimum_age"], doc["maximum_age"] = 12, 25
        entries.append(
            Entry(
                "remote:" + key,
                doc,
                need,
                list(secondary),
                audience,
                delivery,
                None,
                None,
                None,
                areas,
            )
        )
    return entries


def directory(entries: list[Entry]) -> dict:
    contents = [e.doc for e in entries]
    return {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": False,
        "contents": contents,
    }


def validate(doc: dict) -> None:
    """Every service against the official compiled/service.json (Draft 2020-12, uuid format
    asserted), the envelope against the standard OpenAPI's Page schema."""
    import jsonschema

    schema_dir = Path("/work/shared/hsds/schema")
    service = json.loads((schema_dir / "compiled" / "service.json").read_text())
    page = json.loads((schema_dir / "openapi.json").read_text())["components"]["schemas"]["Page"]
    checker = jsonschema.FormatChecker(formats=["uuid"])
    errors = []
    for err in jsonschema.Draft202012Validator(page, format_checker=checker).iter_errors(
        {k: v for k, v in doc.items() if k != "contents"}
    ):
        errors.append(("envelope", err))
    sv = jsonschema.Draft202012Validator(service, format_checker=checker)
    for item in doc["contents"]:
        errors += [(item["name"], err) for err in sv.iter_errors(item)]
    for where, e in errors[:20]:
        print("INVALID", where, list(e.path), e.message[:200])
    if errors:
        raise SystemExit(f"{len(errors)} schema errors")


if __name__ == "__main__":
    es = build()
    d = directory(es)
    validate(d)
    (HERE / "directory.json").write_text(json.dumps(d, indent=1, ensure_ascii=False) + "\n")
    print(
        len(es), "services,", len({e.doc["organization"]["id"] for e in es}), "organisations, valid"
    )
