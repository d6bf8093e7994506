"""A generated national directory for the search benchmarks.

Builds exactly N services from the relevance set's 310 hand-written service texts, spread over
44 towns with jitter, 3% national by phone or online, 5% inactive (the directory's demo
generator, `linkwork generate-demo --scale national`, arrived after these benchmarks were
written; it can replace this for the 1M run).
"""

from __future__ import annotations

import random
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

QUALIFIERS = ["", "North", "South", "East", "West", "Community", "Central", "Rural", "Town"]
BENCH_POSTCODES = {  # postcode -> (lat, lon, council area)
    "PH1 5PH": (56.3967, -3.4337, "S12000048"),
    "FK8 2ET": (56.1192, -3.9358, "S12000030"),
    "DG1 2BD": (55.0700, -3.6079, "S12000006"),
    "TD1 1AA": (55.6150, -2.8100, "S12000026"),
    "KW15 1NX": (58.9839, -2.9587, "S12000023"),
}


def ensure_postcodes() -> None:
    from linkwork.places.models import CouncilArea, Postcode

    for code, (lat, lon, ca) in BENCH_POSTCODES.items():
        area, _ = CouncilArea.objects.get_or_create(code=ca, defaults={"name": ca})
        Postcode.objects.get_or_create(
            postcode=code, defaults={"latitude": lat, "longitude": lon, "council_area": area}
        )


def generate(n: int, seed: int = 7) -> int:
    from tests.search.relevance.loader import CATEGORY_MAP, TOWNS, relevance_set

    from linkwork.directory.models import Organization, Service, ServiceArea, TaxonomyTerm

    rng = random.Random(seed)
    rel = relevance_set()
    terms = {t.code: t.id for t in TaxonomyTerm.objects.filter(taxonomy_ref__is_default=True)}
    towns = list(TOWNS.values())
    orgs = [Organization(name=f"Community organisation {i}") for i in range(max(1, n // 8))]
    Organization.objects.bulk_create(orgs, batch_size=5000)
    made = 0
    while made < n:
        batch, links, areas = [], [], []
        for _ in range(min(5000, n - made)):
            s = rng.choice(rel.services)
            national = rng.random() < 0.03
            lat, lon = rng.choice(towns)
            service = Service(
                id=uuid.uuid4(),
                organization=rng.choice(orgs),
                name=f"{s['name']} {rng.choice(QUALIFIERS)} {made}".strip(),
                summary=s["summary"],
                description=s["description"],
                status="active" if rng.random() > 0.05 else "inactive",
                delivery_in_person=not national,
                delivery_phone=national,
                delivery_online=national and rng.random() < 0.5,
                is_free=s.get("free"),
                latitude=None if national else lat + rng.uniform(-0.15, 0.15),
                longitude=None if national else lon + rng.uniform(-0.25, 0.25),
            )
            batch.append(service)
            for code in {c for cat in s["cats"] for c in CATEGORY_MAP[cat]}:
                links.append(
                    Service.categories.through(service_id=service.id, taxonomyterm_id=terms[code])
                )
            if national:
                areas.append(
                    ServiceArea(
                        service=service, gss_code=ServiceArea.SCOTLAND_CODE, kind="scotland"
                    )
                )
            made += 1
        Service.objects.bulk_create(batch, batch_size=1000)
        Service.categories.through.objects.bulk_create(links, batch_size=5000)
        ServiceArea.objects.bulk_create(areas, batch_size=5000)
    return made
