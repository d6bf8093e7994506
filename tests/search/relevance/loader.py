"""Load the relevance directory (services.jsonl) into the database as directory records."""

from __future__ import annotations

import uuid
from pathlib import Path

from linkwork.directory.hsds.interpret import area_names, normalise_area_name
from linkwork.directory.models import (
    Address,
    Location,
    Organization,
    Service,
    ServiceArea,
    ServiceAtLocation,
    TaxonomyTerm,
)
from linkwork.search.evaluation import Judged, RelevanceSet, load_relevance_set

HERE = Path(__file__).resolve().parent

#: The relevance set's need categories -> Linkwork's taxonomy codes (as an editor would tag).
CATEGORY_MAP = {
    "befriending": ["befriending"],
    "bereavement": ["bereavement"],
    "money_advice": ["money-advice"],
    "food": ["food"],
    "energy": ["fuel-poverty"],
    "housing": ["housing"],
    "mental_health": ["mental-health"],
    "physical_activity": ["physical-activity"],
    "arts_culture": ["arts-culture"],
    "nature_gardening": ["nature-outdoors"],
    "carers": ["carers"],
    "employability": ["employability"],
    "digital_learning": ["learning", "digital-inclusion"],
    "substance_use": ["addiction-recovery"],
    "domestic_abuse": ["domestic-abuse"],
    "older_people": ["older-people"],
    "families": ["family"],
    "young_people": ["children-young-people"],
    "long_term_conditions": ["long-term-conditions"],
    "dementia": ["long-term-conditions"],
    "transport": ["transport"],
    "refugees": ["legal-advice"],
    "disability_sensory": ["disability"],
    "volunteering": ["volunteering"],
    "veterans": [],
    "lgbt": [],
    "mens_health": [],
    "healthy_living": [],
}

#: Approximate town centres (latitude, longitude).
TOWNS = {
    "Dumfries": (55.070, -3.605),
    "Stranraer": (54.903, -5.027),
    "Castle Douglas": (54.941, -3.929),
    "Annan": (54.988, -3.262),
    "Lockerbie": (55.121, -3.355),
    "Moffat": (55.333, -3.442),
    "Newton Stewart": (54.958, -4.483),
    "Wigtown": (54.867, -4.445),
    "Sanquhar": (55.367, -3.923),
    "Galashiels": (55.617, -2.807),
    "Hawick": (55.423, -2.787),
    "Kelso": (55.598, -2.434),
    "Peebles": (55.652, -3.190),
    "Selkirk": (55.549, -2.840),
    "Jedburgh": (55.478, -2.555),
    "Melrose": (55.599, -2.719),
    "Duns": (55.778, -2.344),
    "Eyemouth": (55.870, -2.091),
    "Newtown St Boswells": (55.575, -2.672),
    "Perth": (56.396, -3.437),
    "Kinross": (56.205, -3.423),
    "Crieff": (56.374, -3.842),
    "Pitlochry": (56.704, -3.730),
    "Blairgowrie": (56.591, -3.340),
    "Aberfeldy": (56.620, -3.866),
    "Falkirk": (56.002, -3.784),
    "Grangemouth": (56.012, -3.722),
    "Larbert": (56.022, -3.830),
    "Bo'ness": (56.017, -3.608),
    "Stirling": (56.119, -3.936),
    "Alloa": (56.116, -3.794),
    "Tillicoultry": (56.153, -3.742),
    "Lerwick": (60.155, -1.145),
    "Kirkwall": (58.981, -2.960),
    "Stromness": (58.963, -3.296),
    "Stornoway": (58.209, -6.386),
    "Benbecula": (57.447, -7.343),
    "Tarbert": (57.898, -6.800),
    "Fort William": (56.819, -5.105),
    "Aviemore": (57.195, -3.826),
    "Kingussie": (57.080, -4.052),
    "Wick": (58.438, -3.093),
    "Thurso": (58.593, -3.522),
    "Glasgow": (55.861, -4.251),
}


def relevance_set() -> RelevanceSet:
    return load_relevance_set(HERE)


def service_uuid(key: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"linkwork-relevance/{key}")


def load_directory(rel: RelevanceSet) -> dict[str, uuid.UUID]:
    """Create the organisations and services (bulk, as an import would). Returns key -> id."""
    terms = {t.code: t for t in TaxonomyTerm.objects.filter(taxonomy_ref__is_default=True)}
    council_areas = area_names()  # each service serves its council area (as HSDS says)
    orgs: dict[str, Organization] = {}
    for s in rel.services:
        if s["org"] not in orgs:
            orgs[s["org"]] = Organization(name=s["org"], description="")
    Organization.objects.bulk_create(orgs.values())
    services, areas, links = [], [], []
    for s in rel.services:
        lat, lon = TOWNS.get(s["town"], (None, None))
        ages = s.get("ages") or [None, None]
        modes = set(s["modes"])
        service = Service(
            id=service_uuid(s["id"]),
            organization=orgs[s["org"]],
            name=s["name"],
            summary=s["summary"],
            description=s["description"],
            status=Service.Status.ACTIVE,
            delivery_in_person="in_person" in modes,
            delivery_phone="phone" in modes,
            delivery_online="online" in modes,
            delivery_home_visit="home_visit" in modes,
            is_free=s.get("free"),
            minimum_age=ages[0],
            maximum_age=ages[1],
            latitude=lat,
            longitude=lon,
        )
        services.append(service)
        if s["area"] == "Scotland":
            areas.append(
                ServiceArea(
                    service=service,
                    gss_code=ServiceArea.SCOTLAND_CODE,
                    kind=ServiceArea.Kind.SCOTLAND,
                    name="Scotland",
                )
            )
        elif code := council_areas.get(normalise_area_name(s["area"]), {}).get("council_area"):
            areas.append(
                ServiceArea(
                    service=service,
                    gss_code=code,
                    kind=ServiceArea.Kind.COUNCIL_AREA,
                    name=s["area"],
                )
            )
        codes = {c for cat in s["cats"] for c in CATEGORY_MAP[cat]}
        links.extend(
            Service.categories.through(service_id=service.id, taxonomyterm_id=terms[c].id)
            for c in sorted(codes)
        )
    Service.objects.bulk_create(services)
    ServiceArea.objects.bulk_create(areas)
    _locations(rel, services)
    Service.categories.through.objects.bulk_create(links)
    return {s["id"]: service_uuid(s["id"]) for s in rel.services}


def _locations(rel: RelevanceSet, services: list[Service]) -> None:
    """A location with a street address in its town for each service with a town (as an
    HSDS import makes them), so the directory's address towns are known."""
    locations, addresses, links = [], [], []
    for s, service in zip(rel.services, services, strict=True):
        if not s["town"] or service.latitude is None:
            continue
        location = Location(
            location_type=Location.Type.PHYSICAL,
            name=s["name"],
            latitude=service.latitude,
            longitude=service.longitude,
        )
        locations.append(location)
        addresses.append(
            Address(
                location=location,
                address_1="1 High Street",
                city=s["town"],
                state_province=s["area"],
                postal_code="",
                country="GB",
                address_type="physical",
            )
        )
        links.append(ServiceAtLocation(service=service, location=location))
    Location.objects.bulk_create(locations)
    Address.objects.bulk_create(addresses)
    ServiceAtLocation.objects.bulk_create(links)


#: A service in reach of a named town: within this many kilometres (or by phone, online or
#: Scotland-wide).
REACH_KM = 40.0


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    import math

    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def dev_queries(rel: RelevanceSet) -> dict[str, list[Judged]]:
    """The search engineer's own development statements (queries_dev.jsonl), by slice, and
    the second batch (queries_own.jsonl: Scots, colloquial, link-worker, place in words and
    other languages, written before the ranking changes of issue 13's second round), as
    "own-tune" / "own-held" and by kind ("own-held-sco"): the held half is never tuned on.

    Graded by category like queries.jsonl. A statement naming a town ("place") is graded for
    a person there: a service out of reach (in person only, more than REACH_KM away) gets 0,
    one in reach only by phone, online or Scotland-wide one grade less than a local one. A
    statement naming a council area ("area") counts the services of that area as local."""
    import json

    out: dict[str, list[Judged]] = {}
    for line in (HERE / "queries_dev.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            out.setdefault(raw["slice"], []).append(_judged(rel, raw))
    for line in (HERE / "queries_own.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            judged = _judged(rel, raw)
            for name in (f"own-{raw['split']}", f"own-{raw['split']}-{raw['kind']}"):
                out.setdefault(name, []).append(judged)
    return out


def _judged(rel: RelevanceSet, raw: dict) -> Judged:
    """One development statement, graded over the relevance directory."""
    by_category: dict[str, int] = raw["grades"]
    town = TOWNS.get(raw.get("place", ""))
    area = raw.get("area")
    grades = {}
    for s in rel.services:
        grade = max((by_category.get(c, 0) for c in s["cats"]), default=0)
        if grade and (town is not None or area):
            where = TOWNS.get(s["town"])
            if area:
                local = s["area"] == area
            else:
                local = where is not None and _km(town, where) <= REACH_KM  # type: ignore[arg-type]
            remote = s["area"] == "Scotland" or bool({"phone", "online"} & set(s["modes"]))
            grade = grade if local else (grade - 1 if remote else 0)
        if grade > 0:
            grades[s["id"]] = grade
    return Judged(raw["id"], raw["text"], grades)
