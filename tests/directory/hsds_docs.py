"""Generated HSDS 3.0 documents for import tests and the import benchmark."""

from __future__ import annotations

import random
import uuid
from typing import Any

WORDS = [
    *("walk", "talk", "food", "debt", "garden", "art"),
    *("music", "carers", "young", "older", "money", "housing"),
]


def _id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def service_doc(rng: random.Random, org: dict[str, Any] | None = None) -> dict[str, Any]:
    w = rng.sample(WORDS, 3)
    org = org or {"id": _id(rng), "name": f"{w[0].title()} Trust", "description": "A charity."}
    loc_id = _id(rng)
    doc: dict[str, Any] = {
        "id": _id(rng),
        "name": f"{w[0].title()} and {w[1]} group",
        "description": f"A weekly {w[2]} session for anyone.",
        "status": rng.choice(["active", "active", "inactive"]),
        "email": "hello@example.org",
        "url": "https://example.org",
        "minimum_age": rng.choice([16, 18, 50]),
        "organization": org,
        "phones": [{"id": _id(rng), "number": f"01738 {rng.randint(100000, 999999)}"}],
        "schedules": [
            {
                "id": _id(rng),
                "freq": "WEEKLY",
                "byday": rng.choice(["MO", "TU,TH", "SA"]),
                "opens_at": "10:00",
                "closes_at": "12:00",
            }
        ],
        "service_at_locations": [
            {
                "id": _id(rng),
                "location": {
                    "id": loc_id,
                    "location_type": "physical",
                    "name": f"{w[1].title()} Hall",
                    "latitude": 56.39 + rng.random() / 10,
                    "longitude": -3.43 + rng.random() / 10,
                    "addresses": [
                        {
                            "id": _id(rng),
                            "address_1": f"{rng.randint(1, 99)} High Street",
                            "city": "Perth",
                            "state_province": "Perth and Kinross",
                            "postal_code": "PH1 5PH",
                            "country": "GB",
                            "address_type": "physical",
                        }
                    ],
                },
            }
        ],
        "cost_options": [{"id": _id(rng), "option": "Free", "amount": 0}],
        "languages": [{"id": _id(rng), "name": "English", "code": "en"}],
        "attributes": [
            {
                "id": _id(rng),
                "taxonomy_term_id": "fe7b4b11-b0a9-5ea4-83b4-9e4e4e4e4e4e",
                "taxonomy_term": {
                    "id": "fe7b4b11-b0a9-5ea4-83b4-9e4e4e4e4e4e",
                    "code": "walking",
                    "name": "Walking",
                    "description": "Walking groups",
                    "taxonomy": "Other directory",
                },
            }
        ],
    }
    return doc


def services(n: int, seed: int = 1) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    orgs = [None] * n
    shared = [
        {"id": _id(rng), "name": f"Trust {i}", "description": "A charity."}
        for i in range(max(1, n // 5))
    ]
    for i in range(n):
        orgs[i] = shared[i % len(shared)]
    return [service_doc(rng, orgs[i]) for i in range(n)]
