"""Demo casework: people on real postcodes at the demo practices, referrals in every state,
cases with encounters, what-matters conversations, goals and links to services.

`small` (300 people) loads in seconds; `national` (200,000 people, about a million encounters)
is for benchmarks. Rows are written in batches as tuples with keys chosen beforehand
(`linkwork.core.demo_bulk`: COPY on PostgreSQL, bulk_create elsewhere); what follows each
referral is in `demo_bulk.py`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import time
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from linkwork.casework import models as m
from linkwork.casework.chi import make_chi
from linkwork.casework.choices import Ethnicity
from linkwork.casework.demo_bulk import (
    GOALS,
    PATH,
    STATUS_MIX,
    WHAT_MATTERS,
    CaseContext,
    DemoPerson,
    PoolService,
    cases_for,
)
from linkwork.casework.guards import service_writes
from linkwork.casework.reasons import all_reasons
from linkwork.core.demo_bulk import Table
from linkwork.core.models import Organisation

__all__ = ["GOALS", "PATH", "STATUS_MIX", "WHAT_MATTERS", "add_people", "generate"]

SCALES = {"small": (300, 3), "national": (200_000, 8)}  # people, encounters per engaged case
BATCH = 5000

GIVEN = [
    "Isla",
    "Olivia",
    "Freya",
    "Emily",
    "Ava",
    "Aileen",
    "Morag",
    "Fiona",
    "Catriona",
    "Jean",
    "Jack",
    "Noah",
    "Lewis",
    "Callum",
    "Euan",
    "Hamish",
    "Iain",
    "Douglas",
    "Malik",
    "Aisha",
    "Zofia",
    "Piotr",
    "Chen",
    "Priya",
    "Mohammed",
    "Grace",
    "Ruth",
    "Alasdair",
    "Kirsty",
    "Sam",
]
FAMILY = [
    "Smith",
    "Brown",
    "Wilson",
    "Campbell",
    "Stewart",
    "Thomson",
    "Robertson",
    "Anderson",
    "MacDonald",
    "Scott",
    "Reid",
    "Murray",
    "Taylor",
    "Clark",
    "Ross",
    "Watson",
    "Morrison",
    "Paterson",
    "Young",
    "Mitchell",
    "Fraser",
    "Kowalski",
    "Khan",
    "Ali",
    "Wong",
    "Singh",
]

PERSON_COLUMNS = [
    "id",
    "chi",
    "given_name",
    "family_name",
    "date_of_birth",
    "sex",
    "phone",
    "mobile",
    "contact_methods",
    "safe_to_leave_message",
    "postcode",
    "data_zone",
    "simd_decile",
    "simd_quintile",
    "simd_version",
    "gp_practice_id",
    "ethnicity",
    "carer",
]
_ETHNICITIES = [Ethnicity.WHITE_SCOTTISH] * 6 + list(Ethnicity.values)
_CONTACT_METHODS = [["phone"], ["sms", "phone"], ["email"], ["letter"]]

Place = tuple[str, str, int | None, int | None, str]


def _postcodes(rng: random.Random) -> list[Place]:
    from linkwork.places.models import Postcode

    rows = list(
        Postcode.objects.filter(terminated="", data_zone__isnull=False)
        .order_by("postcode")
        .values_list(
            "postcode",
            "data_zone_id",
            "data_zone__simd_decile",
            "data_zone__simd_quintile",
            "data_zone__simd_version",
        )[:20000]
    )
    return rows or [("", "", None, None, "")]


def deprivation_weights(pcs: list[Place]) -> list[float]:
    """Cumulative weights for `rng.choices(pcs, cum_weights=...)`: link working reaches
    deprived areas more (the gradient insight's Reach dashboard shows), so a postcode in SIMD
    quintile 1 is five times as likely as one in quintile 5. Cumulated once: passing plain
    weights would sum 20,000 of them for every person, and draws the same either way."""
    return list(itertools.accumulate(6 - (pc[3] or 3) for pc in pcs))


def case_context(
    *, rng: random.Random, per_case: int, now: dt.datetime, practices: list[Organisation]
) -> CaseContext:
    """What cases need from the rest of the demo: the demo link worker and practice account,
    their two practices, the referral reasons and the services cases link to."""
    User = get_user_model()
    users = dict(
        User.objects.filter(username__in=["demo-link-worker", "demo-practice"]).values_list(
            "username", "id"
        )
    )
    community = Organisation.objects.filter(kind=Organisation.Kind.COMMUNITY).order_by("id").first()
    return CaseContext(
        now=now,
        worker_id=users.get("demo-link-worker"),
        staff_id=users.get("demo-practice"),
        home=[p.pk for p in practices[:2]],
        reasons=[r.code for r in all_reasons()],
        per_case=per_case,
        pool=_service_pool(community.pk if community else None),
    )


def _service_pool(community_id: int | None) -> list[PoolService]:
    """The first 200 active services by name, and which belong to the demo community
    organisation (its editor sees the referrals sent to them)."""
    from linkwork.directory.models import Service

    rows = (
        Service.objects.filter(status="active")
        .order_by("name", "id")  # names repeat: the id keeps the pool the same every run
        .values_list("id", "owner_id", "organization__owner_id")[:200]
    )
    return [
        PoolService(
            id=pk,
            receiver_id=owner or org_owner,
            owned=community_id is not None and community_id in (owner, org_owner),
        )
        for pk, owner, org_owner in rows
    ]


def generate(*, scale: str, rng: random.Random, stdout: Any) -> dict[str, int]:
    n_people, per_case = SCALES[scale]
    return add_people(
        n_people,
        per_case=per_case,
        home_share=1.0 if scale == "small" else 0.01,
        rng=rng,
        stdout=stdout,
        progress=scale == "national",
    )


def add_people(
    n_people: int,
    *,
    per_case: int,
    home_share: float,
    rng: random.Random,
    stdout: Any,
    progress: bool = True,
) -> dict[str, int]:
    """Add ``n_people`` people with referrals and cases (in batches); ``home_share`` of them
    at the demo link worker's two practices, the rest anywhere. Used by the demo and, to grow
    a database to a chosen size, by `linkwork casework-lists-bench --add-people N`."""
    started = time.perf_counter()
    practices = list(Organisation.objects.filter(kind=Organisation.Kind.GP_PRACTICE).order_by("id"))
    if not practices:
        stdout.write("casework demo: no GP practices (run the core demo first)\n")
        return {}
    practice_ids = [p.pk for p in practices]
    now = timezone.now()
    ctx = case_context(rng=rng, per_case=per_case, now=now, practices=practices)
    home = ctx.home
    pcs = _postcodes(rng)
    cum_weights = deprivation_weights(pcs)
    people_table = Table(m.Person, PERSON_COLUMNS, now=now)
    with service_writes():
        serial = 0
        used_chis: set[str] = set(m.Person.objects.exclude(chi="").values_list("chi", flat=True))
        for start in range(0, n_people, BATCH):
            size = min(BATCH, n_people - start)
            first = people_table.reserve(size)
            rows, people = [], []
            for i in range(size):
                dob = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 66))
                chi = None
                while chi is None or chi in used_chis:
                    serial += 1
                    chi = make_chi(dob, serial)
                used_chis.add(chi)
                pc = rng.choices(pcs, cum_weights=cum_weights)[0]
                # (no draw when everyone is at home: the small demo stays as it was)
                at_home = home_share >= 1 or rng.random() < home_share
                practice = rng.choice(home) if at_home else rng.choice(practice_ids)
                people.append(DemoPerson(first + i, practice))
                rows.append(
                    (
                        first + i,
                        chi,
                        rng.choice(GIVEN),
                        rng.choice(FAMILY),
                        dob,
                        rng.choice(["female", "male", ""]),
                        f"0131 496 {rng.randrange(10000):04d}",
                        f"07700 900{rng.randrange(1000):03d}",
                        rng.choice(_CONTACT_METHODS),
                        rng.choice(["yes", "no", ""]),
                        pc[0],
                        pc[1] or "",
                        pc[2],
                        pc[3],
                        pc[4] or "",
                        practice,
                        rng.choice(_ETHNICITIES),
                        rng.choice(["yes", "no", "no", "prefer_not_to_say", ""]),
                    )
                )
            people_table.write(rows)
            cases_for(people, rng=rng, ctx=ctx)
            if progress:
                stdout.write(
                    f"  casework: {people_table.written} people, "
                    f"{ctx.written('encounter')} encounters "
                    f"({time.perf_counter() - started:.0f}s)\n"
                )
    return {
        "people": people_table.written,
        "referrals": ctx.written("referral"),
        "cases": ctx.written("case"),
        "encounters": ctx.written("encounter"),
        "what_matters": ctx.written("what_matters"),
        "goals": ctx.written("goal"),
        "links": ctx.written("link"),
        "consents": ctx.written("consent"),
    }
