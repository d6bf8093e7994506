"""Build directory.json (standard HSDS 3.0) and queries.json (graded) from the evaluator's lists.

    python tests/search/relevance_independent_2/build.py

Deterministic: the same lists give the same bytes. The grading rules are in `grade` (see
README.md); the hand corrections are the `fix` entries of the queries.
"""

from __future__ import annotations

import hashlib
import json
import sys
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _places import ALL, AREAS, INVERNESS, TOWNS, km, near, nearest_town  # noqa: E402
from _queries import QUERIES, Qry  # noqa: E402
from _services import SERVICES, Svc  # noqa: E402

NS = uuid.UUID("5d0c3f7e-8a41-4b59-9a57-3c2f0e6b1d22")

STREETS = {
    "Dumfries": ["High Street", "English Street", "Buccleuch Street", "Irish Street"],
    "Annan": ["High Street", "Port Street"],
    "Stranraer": ["George Street", "Hanover Street"],
    "Stirling": ["Port Street", "King Street", "Barnton Street", "Drip Road"],
    "Callander": ["Main Street"],
    "Alloa": ["Mill Street", "Drysdale Street", "Bank Street"],
    "Falkirk": ["High Street", "Newmarket Street", "Vicar Street", "Callendar Road"],
    "Grangemouth": ["La Porte Precinct", "Bo'ness Road", "Abbots Road"],
    "Perth": ["High Street", "South Street", "Scott Street", "Kinnoull Street", "York Place"],
    "Crieff": ["East High Street", "Comrie Street"],
    "Pitlochry": ["Atholl Road", "West Moulin Road"],
    "Blairgowrie": ["Wellmeadow", "Allan Street"],
    "Galashiels": ["Channel Street", "Bank Street", "High Street", "Albert Place"],
    "Hawick": ["High Street", "North Bridge Street"],
    "Kelso": ["Bridge Street", "The Square"],
    "Stornoway": ["Francis Street", "Cromwell Street", "Point Street", "Keith Street"],
    "Benbecula": ["Balivanich"],
    "Thurso": ["Traill Street", "Olrig Street"],
    "Wick": ["Bridge Street", "High Street"],
    "Fort William": ["High Street", "Camanachd Crescent"],
    "Kirkwall": ["Albert Street", "Junction Road"],
    "Lerwick": ["Commercial Street", "Hillhead"],
    "Glasgow": ["West George Street", "St Vincent Street", "Renfield Street"],
}
COUNCIL_NAMES = {
    "S12000006": "Dumfries and Galloway",
    "S12000030": "Stirling",
    "S12000005": "Clackmannanshire",
    "S12000014": "Falkirk",
    "S12000048": "Perth and Kinross",
    "S12000026": "Scottish Borders",
    "S12000013": "Na h-Eileanan Siar",
    "S12000017": "Highland",
    "S12000023": "Orkney Islands",
    "S12000027": "Shetland Islands",
    "S12000049": "Glasgow City",
}
LANG_NAMES = {"en": "English", "pl": "Polish", "ar": "Arabic", "uk": "Ukrainian", "zh": "Chinese"}


def uid(*parts: object) -> str:
    return str(uuid.uuid5(NS, "|".join(str(p) for p in parts)))


def num(seed: str, national: bool) -> str:
    n = int(hashlib.sha256(seed.encode()).hexdigest(), 16) % 1000
    # Ofcom's ranges reserved for drama: never a real person's number.
    return f"0808 157 {n:04d}" if national else f"01632 960{n:03d}"


def slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-").replace("--", "-")


# --- directory ---------------------------------------------------------------------------


def place_of(i: int, s: Svc) -> tuple[str, float, float, str]:
    """(postcode, lat, long, street) of the service's location in its town."""
    assert s.town
    if s.town == "Inverness":
        pc, lat, lon, street = INVERNESS[i % len(INVERNESS)]
        return pc, lat, lon, street
    pool = near(s.town, 0.0, 1.2)
    pc, lat, lon, _ = pool[(i * 7) % len(pool)]
    streets = STREETS[s.town]
    return pc, lat, lon, streets[i % len(streets)]


def hsds_service(i: int, s: Svc) -> dict:
    sid = uid("service", s.key)
    org = {
        "id": uid("org", s.org),
        "name": s.org,
        "description": f"{s.org}.",
        "website": f"https://www.example.org/{slug(s.org)}",
    }
    out: dict = {
        "id": sid,
        "name": s.name,
        "description": s.desc,
        "status": "active",
        "organization": org,
    }
    national = s.town is None
    out["phones"] = [
        {
            "id": uid("phone", s.key),
            "number": num(s.key, national),
            "type": "voice",
        }
    ]
    if s.mode in ("online", "phone"):
        out["url"] = f"https://www.example.org/{slug(s.org)}/{slug(s.name)}"
    if s.mode == "online":
        out["phones"] = []
        del out["phones"]
    if s.area:
        out["service_areas"] = [{"id": uid("area", s.key), "name": s.area}]
    if s.langs:
        out["languages"] = [
            {"id": uid("lang", s.key, c), "name": LANG_NAMES[c], "code": c}
            for c in ["en", *s.langs]
        ]
    if s.town and s.mode in ("in", "home"):
        pc, lat, lon, street = place_of(i, s)
        council = TOWNS[s.town][3]
        public = s.mode == "in"
        loc = {
            "id": uid("location", s.key),
            "location_type": "physical" if public or i % 2 else "postal",
            "name": s.org if public else f"{s.org} office",
            "latitude": round(lat, 6),
            "longitude": round(lon, 6),
            "addresses": [
                {
                    "id": uid("address", s.key),
                    "address_1": f"{(i % 90) + 1} {street}",
                    "city": s.town,
                    "state_province": COUNCIL_NAMES[council],
                    "postal_code": pc,
                    "country": "GB",
                    "address_type": "physical" if public else "postal",
                }
            ],
        }
        if not public:
            loc["description"] = "Office base only, not open to the public."
        out["service_at_locations"] = [{"id": uid("sal", s.key), "location": loc}]
    return out


# --- grading -----------------------------------------------------------------------------

AUD_DEFAULT_MAYBE = {"men", "women", "older"}


class Person:
    def __init__(self, q: Qry, postcode: str | None, lat: float | None, lon: float | None):
        self.postcode = postcode
        self.lat, self.lon = lat, lon
        self.town = nearest_town(lat, lon) if lat is not None and lon is not None else None
        self.council = TOWNS[self.town][3] if self.town else None


def covered(area: str, p: Person) -> bool | None:
    """Does the named service area cover the person? None when the person's place is unknown."""
    codes = AREAS[area]
    if ALL in codes:
        return True
    if p.council is None:
        return None
    return p.council in codes or f"town:{p.town}" in codes


def reach_cap(s: Svc, p: Person) -> int:
    if s.mode in ("phone", "online", "home"):
        assert s.area, s.key
        c = covered(s.area, p)
        return 3 if c else (1 if c is None else 0)
    # in person
    if p.lat is None or p.lon is None:
        return 1
    if s.area and covered(s.area, p) is False:
        return 0
    assert s.town
    if s.town == "Inverness":
        lat, lon = TOWNS["Inverness"][:2]
    else:
        lat, lon = TOWNS[s.town][:2]
    d = km(p.lat, p.lon, lat, lon)
    return 3 if d <= 6 else 2 if d <= 15 else 1 if d <= 35 else 0


def grade(s: Svc, q: Qry, p: Person) -> int:
    g = max((min(w, s.needs[n]) for n, w in q.needs.items() if n in s.needs), default=0)
    if not g:
        return 0
    if s.aud and s.aud not in q.who:
        maybe = set(AUD_DEFAULT_MAYBE) if q.maybe is None else set(q.maybe)
        if "women" in q.who:
            maybe.discard("men")
        if "men" in q.who:
            maybe.discard("women")
        if "young" in q.who:
            maybe.discard("older")
        g = min(g, 2 if s.aud in maybe else 1)
    if q.lang and q.lang not in s.langs:
        g = min(g, 2)
    if s.for_lang and s.for_lang != q.lang:
        g = min(g, 0 if q.lang else 1)
    if q.inperson and s.mode in ("phone", "online"):
        g = min(g, 2)
    return min(g, reach_cap(s, p))


def person_postcode(q: Qry) -> tuple[str | None, float | None, float | None]:
    if q.place == "none" or q.town is None:
        return None, None, None
    lat, lon = TOWNS[q.town][:2]
    if q.place == "words":
        return None, lat, lon
    pool = near(q.town, 0.5, 2.5)
    pc, plat, plon, _ = pool[int(hashlib.sha256(q.id.encode()).hexdigest(), 16) % len(pool)]
    return pc, plat, plon


def main() -> None:
    for s in SERVICES:
        if "men's shed" in s.name.lower():
            s.needs["shed"] = 3
        if s.name == "Find a shed":
            s.needs["shed"] = 2
    keys = [s.key for s in SERVICES]
    assert len(set(keys)) == len(keys), "duplicate service"
    contents = [hsds_service(i, s) for i, s in enumerate(SERVICES)]
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
    (HERE / "directory.json").write_text(
        json.dumps(directory, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    by_name: dict[str, Svc] = {}
    for s in SERVICES:
        by_name.setdefault(f"{s.name}|{s.town}", s)
    out = []
    for q in QUERIES:
        pc, lat, lon = person_postcode(q)
        p = Person(q, pc, lat, lon)
        grades = {uid("service", s.key): grade(s, q, p) for s in SERVICES}
        for name, g in q.fix.items():
            s = by_name[name]
            grades[uid("service", s.key)] = g
        judged = [
            {"service_id": sid, "grade": g}
            for sid, g in sorted(grades.items(), key=lambda kv: (-kv[1], kv[0]))
            if g > 0
        ]
        assert max(grades.values()) >= 2, f"{q.id}: nothing relevant"
        out.append(
            {
                "id": q.id,
                "category": q.category,
                "text": q.text,
                "postcode": pc,
                "language": q.lang or "en",
                "judgements": judged,
            }
        )
    (HERE / "queries.json").write_text(
        json.dumps({"queries": out}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"{len(contents)} services, {len(out)} queries", file=sys.stderr)


if __name__ == "__main__":
    main()
