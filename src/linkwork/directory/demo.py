"""Demo directory: realistic services built from templates per category, on real postcodes.

small: about 350 services; national: 100,000 (written as rows in batches: COPY on PostgreSQL,
bulk_create elsewhere). Some belong to the demo community organisation "Befriend Together" so
demo-editor has records to edit.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any

from django.db import models
from django.utils import timezone

from linkwork.core.demo_bulk import Table
from linkwork.directory import models as m
from linkwork.directory.demo_templates import (
    BEFRIEND_TOGETHER,
    ORG_WORDS,
    STREETS,
    TEMPLATES,
    VENUES,
)
from linkwork.directory.forms import ACCESSIBILITY

SCALE_SERVICES = {"small": 350, "national": 100_000}
BATCH = 2000
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
TIMES = [
    ("09:30", "11:00"),
    ("10:00", "12:00"),
    ("13:00", "15:00"),
    ("14:00", "16:00"),
    ("18:00", "20:00"),
]


#: The second category a demo service may also have: only ones that fit a service of the first
#: (a tea dance is for older people and befriending, never legal advice).
RELATED: dict[str, tuple[str, ...]] = {
    "physical-activity": ("older-people", "long-term-conditions"),
    "mental-health": ("befriending",),
    "befriending": ("older-people", "mental-health"),
    "money-advice": ("debt", "fuel-poverty"),
    "debt": ("money-advice",),
    "housing": ("money-advice",),
    "food": ("money-advice",),
    "fuel-poverty": ("money-advice",),
    "employability": ("learning",),
    "learning": ("employability",),
    "volunteering": ("employability",),
    "carers": ("mental-health",),
    "family": ("children-young-people",),
    "children-young-people": ("family",),
    "older-people": ("befriending",),
    "bereavement": ("mental-health",),
    "addiction-recovery": ("mental-health",),
    "long-term-conditions": ("physical-activity",),
    "disability": ("money-advice",),
    "arts-culture": ("befriending",),
    "nature-outdoors": ("physical-activity",),
    "digital-inclusion": ("learning",),
    "legal-advice": ("money-advice",),
    "domestic-abuse": ("housing",),
    "transport": ("older-people",),
    "faith-community": ("befriending",),
}


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _places(rng: random.Random, n: int) -> Sequence[Mapping[str, Any]]:
    from linkwork.places.models import Postcode

    rows = list(
        Postcode.objects.filter(terminated="", latitude__isnull=False)
        .order_by("postcode")
        .values("postcode", "latitude", "longitude", "council_area_id", "council_area__name")[
            :30000
        ]
    )
    if not rows:
        raise RuntimeError("No postcodes loaded: run `linkwork load-places` first.")
    return [rng.choice(rows) for _ in range(n)]


Row = dict[str, Any]


class Batch:
    """Rows to insert, as column values, flushed by model in dependency order
    (`linkwork.core.demo_bulk`: COPY on PostgreSQL, bulk_create elsewhere). A column a row
    does not name takes the field's default, as a model instance would."""

    ORDER: list[type[models.Model]] = [
        m.Organization,
        m.Location,
        m.Address,
        m.Accessibility,
        m.Service,
        m.ServiceAtLocation,
        m.Phone,
        m.Schedule,
        m.CostOption,
        m.Language,
        m.ServiceArea,
        m.Service.categories.through,
    ]

    def __init__(self, now: Any) -> None:
        self.items: dict[type[models.Model], list[Row]] = {k: [] for k in self.ORDER}
        self.counts: dict[str, int] = {}
        self.tables = {model: Table(model, _columns(model), now=now) for model in self.ORDER}
        self.defaults = {
            model: {f.attname: f.get_default() for f in model._meta.concrete_fields}
            for model in self.ORDER
        }

    def add(self, model: type[models.Model], **values: Any) -> Row:
        self.items[model].append(values)
        return values

    def flush(self) -> None:
        for model in self.ORDER:
            rows = self.items[model]
            if rows:
                columns, defaults = self.tables[model].columns, self.defaults[model]
                self.tables[model].write(
                    tuple(row[c] if c in row else defaults[c] for c in columns) for row in rows
                )
                key = model._meta.model_name or model.__name__.lower()
                self.counts[key] = self.counts.get(key, 0) + len(rows)
                self.items[model] = []


#: HSDS bookkeeping the demo leaves at its defaults (written once per table, not per row).
_FIXED = {"extra", "position"}


def _columns(model: type[models.Model]) -> list[str]:
    """The columns demo rows may name: all but timestamps `save()` would set, an automatic
    key and HSDS bookkeeping (the table's defaults fill those)."""
    return [
        f.attname
        for f in model._meta.concrete_fields
        if not (getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False))
        and not (f.primary_key and isinstance(f, models.AutoField))
        and f.attname not in _FIXED
    ]


def _service(
    batch: Batch,
    rng: random.Random,
    *,
    org: Row,
    place: Mapping[str, Any],
    template: tuple,
    code: str,
    terms: dict[str, uuid.UUID],
    owner_id: int | None,
    now: Any,
    labels: dict[str, str],
) -> None:
    name, summary, access, modes, free, min_age, max_age = template
    town = (place["council_area__name"] or "Local").split(" and ")[0]
    name = name.format(place=town)
    loc = batch.add(
        m.Location,
        id=_uuid(rng),
        location_type="physical",
        organization_id=org["id"],
        name=f"{rng.choice(STREETS).split()[0]} {rng.choice(VENUES)}",
        latitude=place["latitude"],
        longitude=place["longitude"],
        transportation=rng.choice(
            ["", "On the main bus route; stop outside.", "Free parking at the back."]
        ),
    )
    batch.add(
        m.Address,
        id=_uuid(rng),
        location_id=loc["id"],
        address_1=f"{rng.randint(1, 120)} {rng.choice(STREETS)}",
        city=town,
        state_province=place["council_area__name"] or "",
        postal_code=place["postcode"],
        country="GB",
        address_type="physical",
    )
    for feature in rng.sample(list(labels), rng.randint(0, 3)):
        batch.add(
            m.Accessibility,
            id=_uuid(rng),
            location_id=loc["id"],
            code=feature,
            description=labels[feature],
        )
    reviewed = now - timedelta(days=rng.randint(0, 720)) if rng.random() < 0.9 else None
    service = batch.add(
        m.Service,
        id=_uuid(rng),
        organization_id=org["id"],
        owner_id=owner_id,
        name=name,
        summary=summary,
        description=f"{summary} Run by {org['name']}. Everyone is welcome; "
        "tell us if you need anything to take part.",
        status="active" if rng.random() < 0.95 else "inactive",
        access=access,
        application_process={
            "drop_in": "Just turn up.",
            "self_referral": "Phone or email us.",
            "referral_needed": "Ask your link worker, GP or social worker to refer you.",
        }[access],
        delivery_in_person="in_person" in modes,
        delivery_phone="phone" in modes,
        delivery_online="online" in modes,
        delivery_home_visit="home_visit" in modes,
        is_free=free,
        minimum_age=min_age,
        maximum_age=max_age,
        fees_description="" if free else f"£{rng.choice([1, 2, 3, 5])} a session",
        email=f"hello@{org['name'].lower().replace(' ', '')[:20]}.org.uk",
        url=f"https://www.{org['name'].lower().replace(' ', '')[:20]}.org.uk",
        latitude=place["latitude"],
        longitude=place["longitude"],
        postcode=place["postcode"],
        last_reviewed_at=reviewed,
    )
    batch.add(m.ServiceAtLocation, id=_uuid(rng), service_id=service["id"], location_id=loc["id"])
    batch.add(
        m.Phone,
        id=_uuid(rng),
        service_id=service["id"],
        # Ofcom's numbers reserved for drama (Edinburgh and Glasgow): never a real line.
        number=f"{rng.choice(('0131', '0141'))} 496 0{rng.randint(0, 999):03d}",
    )
    days = sorted(rng.sample(DAYS[:6], rng.choice([1, 1, 2])), key=DAYS.index)
    opens, closes = rng.choice(TIMES)
    batch.add(
        m.Schedule,
        id=_uuid(rng),
        service_id=service["id"],
        freq="WEEKLY",
        byday=",".join(days),
        opens_at=opens,
        closes_at=closes,
    )
    if rng.random() < 0.1:
        day = (now + timedelta(days=rng.randint(7, 60))).date().isoformat()
        batch.add(
            m.Schedule,
            id=_uuid(rng),
            service_id=service["id"],
            dtstart=day,
            valid_from=day,
            valid_to=day,
            opens_at="10:00",
            closes_at="15:00",
            description="Open day",
        )
    batch.add(
        m.CostOption,
        id=_uuid(rng),
        service_id=service["id"],
        option="Free" if free else "Per session",
        amount=0 if free else 2,
        currency="GBP",
    )
    batch.add(m.Language, id=_uuid(rng), service_id=service["id"], code="en", name="English")
    if rng.random() < 0.1:
        batch.add(
            m.Language,
            id=_uuid(rng),
            service_id=service["id"],
            **rng.choice(
                [
                    {"code": "pl", "name": "Polish"},
                    {"code": "ar", "name": "Arabic"},
                    {"code": "gd", "name": "Gaelic"},
                ]
            ),
        )
    if "in_person" not in modes or rng.random() < 0.1:
        batch.add(
            m.ServiceArea,
            id=_uuid(rng),
            service_id=service["id"],
            gss_code=m.ServiceArea.SCOTLAND_CODE,
            kind="scotland",
            name="Scotland",
        )
    elif place["council_area_id"]:
        batch.add(
            m.ServiceArea,
            id=_uuid(rng),
            service_id=service["id"],
            gss_code=place["council_area_id"],
            kind="council_area",
            name=place["council_area__name"] or "",
        )
    through = m.Service.categories.through
    batch.add(through, service_id=service["id"], taxonomyterm_id=terms[code])
    if rng.random() < 0.3 and RELATED.get(code):
        extra = rng.choice(RELATED[code])
        if extra != code and extra in terms:
            batch.add(through, service_id=service["id"], taxonomyterm_id=terms[extra])


def generate(*, scale: str, rng: random.Random, stdout: Any) -> dict[str, int]:
    from linkwork.core.models import Organisation

    n = SCALE_SERVICES[scale]
    if not m.TaxonomyTerm.objects.filter(taxonomy_ref__is_default=True).exists():
        # The data migration loads it; repair a database whose terms were removed.
        from linkwork.directory.taxonomy import load_default_taxonomy

        load_default_taxonomy(m.Taxonomy, m.TaxonomyTerm)
    terms = dict(
        m.TaxonomyTerm.objects.filter(taxonomy_ref__is_default=True).values_list("code", "id")
    )
    places = _places(rng, n + 10)
    now = timezone.now()
    batch = Batch(now)
    # The accessibility features' labels, translated once rather than once per service.
    labels = {code: str(label) for code, label in ACCESSIBILITY}
    codes = list(TEMPLATES)
    # the demo community organisation's own records
    account = Organisation.objects.filter(name="Befriend Together", kind="community").first()
    bt = batch.add(
        m.Organization,
        id=_uuid(rng),
        name="Befriend Together",
        owner_id=account.id if account else None,
        description="Befriending and friendship for older people and anyone feeling lonely.",
        email="hello@befriendtogether.org.uk",
        website="https://www.befriendtogether.org.uk",
    )
    # An organisation's services are all in its own council area.
    by_area: dict[str | None, list[Mapping[str, Any]]] = {}
    for place in places:
        by_area.setdefault(place["council_area_id"], []).append(place)
    for i, (code, *template) in enumerate(BEFRIEND_TOGETHER):
        _service(
            batch,
            rng,
            org=bt,
            place=places[0] if i == 0 else rng.choice(by_area[places[0]["council_area_id"]]),
            template=tuple(template),
            code=code,
            terms=terms,
            owner_id=account.id if account else None,
            now=now,
            labels=labels,
        )
    org: Row | None = None
    home: str | None = None
    for i in range(n - len(BEFRIEND_TOGETHER)):
        place = places[i + len(BEFRIEND_TOGETHER)]
        if org is None or rng.random() < 0.35:
            home = place["council_area_id"]
            org = batch.add(
                m.Organization,
                id=_uuid(rng),
                name=f"{rng.choice(ORG_WORDS[0])} {rng.choice(ORG_WORDS[1])}",
                description="A local charity supporting people and communities.",
            )
        code = codes[i % len(codes)]
        _service(
            batch,
            rng,
            org=org,
            place=place if place["council_area_id"] == home else rng.choice(by_area[home]),
            template=rng.choice(TEMPLATES[code]),
            code=code,
            terms=terms,
            owner_id=None,
            now=now,
            labels=labels,
        )
        if (i + 1) % 5000 == 0:
            batch.flush()
            stdout.write(f"  directory: {i + 1} services")
    batch.flush()
    c = batch.counts
    return {
        "organisations": c.get("organization", 0),
        "services": c.get("service", 0),
        "locations": c.get("location", 0),
    }
