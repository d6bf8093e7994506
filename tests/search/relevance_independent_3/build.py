"""Build directory.json (standard HSDS 3.0) and queries.json (graded) for the third set.

    python tests/search/relevance_independent_3/build.py [--check]

Deterministic: ids are uuid5 of fixed names, postcodes are picked from the shipped places pack
by a hash of the service key. Every service is validated against the official HSDS 3.0
compiled service schema in /work/shared/hsds (when it is there). --check rebuilds in memory
and fails if the JSON files differ from what the sources make. Grades are applied by the
rules in README.md from the labels in _services.py and _queries.py (they never reach the
JSON files).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import math
import sys
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(HERE))

from _places import AREAS, HAND_POSTCODES, TOWNS  # noqa: E402
from _queries import QUERIES, Q  # noqa: E402
from _services import SERVICES, S  # noqa: E402

PACK = ROOT / "src" / "linkwork" / "places" / "pack" / "postcodes.csv.gz"
SCHEMA = Path("/work/shared/hsds/schema/compiled/service.json")
NS = uuid.UUID("5b0c6a52-31d4-4f5e-9b64-0c4d1f3e7a11")
LANG_NAMES = {
    "pl": "Polish",
    "ar": "Arabic",
    "uk": "Ukrainian",
    "zh": "Chinese",
    "gd": "Scottish Gaelic",
    "ru": "Russian",
    "bfi": "British Sign Language",
}
STREETS = [
    "High Street",
    "Main Street",
    "Church Street",
    "Market Place",
    "Station Road",
    "King Street",
    "Bridge Street",
    "Victoria Road",
    "Albert Place",
    "Mill Lane",
]
# audiences most people asking could belong to (unknown -> at most 2); young, carer -> at most 1
BROAD = {"men", "women", "older", "parent"}
# audiences a person is unlikely to belong to unless the words say so (unknown -> 0)
NARROW = {"veteran", "lgbt", "newscot", "cancer", "fisher"}


def uid(*parts: str) -> str:
    return str(uuid.uuid5(NS, "/".join(parts)))


def h(text: str) -> int:
    return int(hashlib.sha256(text.encode()).hexdigest()[:12], 16)


def km(a: float, b: float, c: float, d: float) -> float:
    p1, p2 = math.radians(a), math.radians(c)
    x = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(d - b) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(x))


def load_pack() -> list[tuple[str, float, float]]:
    with gzip.open(PACK, "rt") as f:
        return sorted(
            (r["postcode"], float(r["latitude"]), float(r["longitude"]))
            for r in csv.DictReader(f)
            if r["latitude"] and not r["terminated"]
        )


def pick(pack: list, town: str, key: str, lo: float, hi: float) -> tuple[str, float, float]:
    la, lo_, _, in_pack = TOWNS[town]
    if not in_pack:
        pcs = HAND_POSTCODES[town]
        i = h(key) % len(pcs)
        dla = ((h(key + "la") % 100) - 50) / 20000
        dlo = ((h(key + "lo") % 100) - 50) / 12000
        return pcs[i], round(la + dla, 6), round(lo_ + dlo, 6)
    near = [p for p in pack if lo <= km(la, lo_, p[1], p[2]) <= hi]
    if not near:
        raise SystemExit(f"no pack postcode {lo}-{hi} km from {town}")
    return near[h(key) % len(near)]


class Phones:
    def __init__(self) -> None:
        self.n = {"nat": 100, "loc": 100, "gla": 100}

    def next(self, kind: str) -> str:
        self.n[kind] += 7
        i = self.n[kind]
        if kind == "nat":
            return f"0808 157 0{i:03d}"
        if kind == "gla":
            return f"0141 496 0{i:03d}"
        return f"01632 960{i:03d}"


def slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-").replace("--", "-")


def hsds_service(s: S, pack: list, phones: Phones) -> tuple[dict, tuple[float, float] | None]:
    sid = uid("service", s.key)
    org = {
        "id": uid("org", s.org),
        "name": s.org,
        "description": f"{s.org}.",
        "website": f"https://www.example.org/{slug(s.org)}",
    }
    kind = "gla" if s.town == "Glasgow" else ("nat" if s.town is None else "loc")
    out: dict = {
        "id": sid,
        "name": s.name,
        "description": s.desc,
        "status": "active",
        "organization": org,
        "url": f"https://www.example.org/{slug(s.org)}/{slug(s.name)}",
    }
    if s.delivery != "online":
        out["phones"] = [{"id": uid("phone", s.key), "number": phones.next(kind), "type": "voice"}]
    else:
        out["email"] = f"hello@{slug(s.org)}.example.org"
    if s.elig:
        out["eligibility_description"] = s.elig
    if s.area:
        if s.area not in AREAS:
            raise SystemExit(f"{s.key}: unknown area {s.area}")
        out["service_areas"] = [{"id": uid("area", s.key), "name": s.area}]
    if s.langs:
        out["languages"] = [
            {"id": uid("lang", s.key, c), "name": LANG_NAMES[c], "code": c} for c in s.langs
        ]
    point = None
    if s.delivery in ("in", "home"):
        assert s.town, s.key
        pc, la, lo = pick(pack, s.town, s.key, 0.05, 1.0)
        street = f"{1 + h(s.key) % 90} {STREETS[h(s.key + 's') % len(STREETS)]}"
        council = TOWNS[s.town][2]
        loc: dict = {
            "id": uid("location", s.key),
            "location_type": "physical",
            "name": s.name if s.delivery == "in" else f"{s.org} office",
        }
        addr = {
            "id": uid("address", s.key),
            "address_1": street,
            "city": s.town,
            "state_province": council,
            "postal_code": pc,
            "country": "GB",
            "address_type": "physical",
        }
        if s.delivery == "home":
            loc["description"] = (
                "Office only, not open to the public. Staff and volunteers visit people at home."
            )
            if s.loc_type == "postal":
                loc["location_type"] = "postal"
                addr["address_type"] = "postal"
                addr["address_1"] = f"PO Box {100 + h(s.key) % 800}"
            # every location has coordinates: the MiniLM baseline (benchmarks/search/
            # minilm_radius_baseline.py) fails on a location without them
            loc["latitude"], loc["longitude"] = la, lo
        else:
            loc["latitude"], loc["longitude"] = la, lo
            point = (la, lo)
        loc["addresses"] = [addr]
        out["service_at_locations"] = [{"id": uid("sal", s.key), "location": loc}]
    return out, point


# --- grading ------------------------------------------------------------------------------


def covers(area: str, town: str) -> bool:
    councils, towns = AREAS[area]
    return "*" in councils or TOWNS[town][2] in councils or town in towns


def grade(q: Q, s: S, point: tuple[float, float] | None, origin: dict | None) -> int:
    if s.key in q.fix:
        return q.fix[s.key]
    qn, sn = q.need_weights, s.need_weights
    g = max((min(w, sn[n]) for n, w in qn.items() if n in sn), default=0)
    if not g:
        return 0
    for a in s.aud:
        if a.startswith("lang:"):
            if a in q.who or q.lang == a[5:]:
                continue
            return 0
        elif a in q.who:
            continue
        elif a in NARROW or a in q.notwho:
            return 0
        elif a not in BROAD:
            g = min(g, 1)
        else:
            g = min(g, 2)
    if q.lang not in ("en", "gd") and q.lang not in s.langs:
        g = min(g, 2)
    if q.wants_place and s.delivery in ("phone", "online", "home"):
        g = min(g, 2)
    # reach
    if origin is None:
        if not (s.area and AREAS[s.area][0] == {"*"}):
            g = min(g, 1)
        return g
    town = origin["town"]
    if s.area and not covers(s.area, town):
        return 0
    if s.delivery == "in":
        assert point
        d = km(origin["lat"], origin["lon"], *point)
        if d > 30:
            return 0
        if d > 15:
            g = min(g, 1)
        elif d > 5:
            g = min(g, 2)
    elif s.delivery == "home" and not s.area:
        raise SystemExit(f"{s.key}: home service with no area")
    return g


def build() -> tuple[dict, dict]:
    pack = load_pack()
    where = {p[0]: (p[1], p[2]) for p in pack}
    phones = Phones()
    contents, points = [], {}
    for s in SERVICES:
        svc, point = hsds_service(s, pack, phones)
        contents.append(svc)
        points[s.key] = point
    if SCHEMA.exists():
        import jsonschema

        schema = json.loads(SCHEMA.read_text())
        validator = jsonschema.Draft202012Validator(
            schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        )
        for svc in contents:
            errs = list(validator.iter_errors(svc))
            if errs:
                raise SystemExit(f"{svc['name']}: {errs[0].message}")
    directory = {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": False,
        "contents": contents,
    }
    out = []
    for q in QUERIES:
        postcode = None
        origin = None
        if q.place:
            kind, town = q.place[0], q.place[1]
            if kind == "pc":
                postcode, la, lo = pick(pack, town, "query-" + q.id, 0.4, 2.0)
                assert postcode in where
            elif kind == "hand":
                postcode = q.place[2]
                la, lo = TOWNS[town][0], TOWNS[town][1]
            else:
                la, lo = TOWNS[town][0], TOWNS[town][1]
                assert town.lower() in q.text.lower(), q.id
            origin = {"town": town, "lat": la, "lon": lo}
        graded: list[tuple[str, int]] = []
        for s in SERVICES:
            g = grade(q, s, points[s.key], origin)
            if g:
                graded.append((uid("service", s.key), g))
        graded.sort(key=lambda pair: -pair[1])
        judgements = [{"service_id": sid, "grade": g} for sid, g in graded]
        if not any(g == 3 for _, g in graded):
            print(f"warning: {q.id} has no grade-3 service", file=sys.stderr)
        out.append(
            {
                "id": q.id,
                "category": q.category,
                "text": q.text,
                "postcode": postcode,
                "language": q.lang,
                "judgements": judgements,
            }
        )
    return directory, {"queries": out}


def dump(obj: dict) -> str:
    return json.dumps(obj, indent=1, ensure_ascii=False) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    directory, queries = build()
    files = {"directory.json": dump(directory), "queries.json": dump(queries)}
    if args.check:
        stale = [n for n, t in files.items() if (HERE / n).read_text() != t]
        if stale:
            raise SystemExit(f"out of date: {stale}")
        print("up to date")
        return
    for name, text in files.items():
        (HERE / name).write_text(text)
    print(f"{len(directory['contents'])} services, {len(queries['queries'])} queries")


if __name__ == "__main__":
    main()
