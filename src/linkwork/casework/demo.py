"""Demo casework: people on real postcodes at the demo practices, referrals in every state,
cases with encounters, what-matters conversations, goals and links to services.

`small` loads in seconds; `national` (200,000 people, 1,000,000 encounters) is for
benchmarks and uses bulk_create in batches.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from linkwork.casework import models as m
from linkwork.casework.chi import make_chi
from linkwork.casework.choices import Ethnicity
from linkwork.casework.guards import service_writes
from linkwork.casework.reasons import all_reasons
from linkwork.casework.states import CaseStatus
from linkwork.core.models import Organisation

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
STATUS_MIX = [
    (CaseStatus.RECEIVED, 8),
    (CaseStatus.WAITING, 12),
    (CaseStatus.ALLOCATED, 8),
    (CaseStatus.ACTIVE, 35),
    (CaseStatus.CLOSED, 25),
    (CaseStatus.DECLINED, 4),
    (CaseStatus.UNABLE_TO_CONTACT, 4),
    (CaseStatus.DID_NOT_ENGAGE, 4),
]
PATH = {
    CaseStatus.RECEIVED: [],
    CaseStatus.WAITING: [CaseStatus.TRIAGED, CaseStatus.WAITING],
    CaseStatus.ALLOCATED: [CaseStatus.TRIAGED, CaseStatus.WAITING, CaseStatus.ALLOCATED],
    CaseStatus.ACTIVE: [
        CaseStatus.TRIAGED,
        CaseStatus.WAITING,
        CaseStatus.ALLOCATED,
        CaseStatus.ACTIVE,
    ],
    CaseStatus.CLOSED: [
        CaseStatus.TRIAGED,
        CaseStatus.WAITING,
        CaseStatus.ALLOCATED,
        CaseStatus.ACTIVE,
        CaseStatus.CLOSED,
    ],
    CaseStatus.DECLINED: [CaseStatus.DECLINED],
    CaseStatus.UNABLE_TO_CONTACT: [CaseStatus.TRIAGED, CaseStatus.UNABLE_TO_CONTACT],
    CaseStatus.DID_NOT_ENGAGE: [
        CaseStatus.TRIAGED,
        CaseStatus.WAITING,
        CaseStatus.ALLOCATED,
        CaseStatus.DID_NOT_ENGAGE,
    ],
}
WHAT_MATTERS = [
    ("I'd like to get out of the house more and meet people my age.", ["social_connection"]),
    ("Money is tight since I lost my job and the bills keep coming.", ["money", "work_learning"]),
    (
        "Since my wife died the days are long. I used to love gardening.",
        ["social_connection", "interests"],
    ),
    ("I want to get fitter and lose some weight but gyms put me off.", ["physical_health"]),
    (
        "Caring for my mum is wearing me down; I need a break sometimes.",
        ["family", "mental_wellbeing"],
    ),
    ("My flat is damp and cold and the landlord won't fix it.", ["housing"]),
]
GOALS = [
    ("Go to the walking group every week", "To get fitter and meet people"),
    ("Get advice on benefits and debts", "To stop worrying about money"),
    ("Join a community garden", "I love being outdoors"),
    ("Have a regular afternoon off from caring", "To look after myself too"),
    ("Try a volunteering role", "To feel useful and build confidence"),
]


def _postcodes(rng: random.Random) -> list[tuple[str, str, int | None, int | None, str]]:
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


def _weighted(rng: random.Random) -> str:
    return rng.choices([s for s, _ in STATUS_MIX], weights=[w for _, w in STATUS_MIX])[0]


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
    """Add ``n_people`` people with referrals and cases (bulk, in batches); ``home_share`` of
    them at the demo link worker's two practices, the rest anywhere. Used by the demo and, to
    grow a database to a chosen size, by `linkwork casework-lists-bench --add-people N`."""
    started = time.perf_counter()
    practices = list(Organisation.objects.filter(kind=Organisation.Kind.GP_PRACTICE).order_by("id"))
    if not practices:
        stdout.write("casework demo: no GP practices (run the core demo first)\n")
        return {}
    home = practices[:2]
    User = get_user_model()
    worker = User.objects.filter(username="demo-link-worker").first()
    staff = User.objects.filter(username="demo-practice").first()
    community = Organisation.objects.filter(kind=Organisation.Kind.COMMUNITY).order_by("id").first()
    pcs = _postcodes(rng)
    # Link working reaches deprived areas more (a gradient insight's Reach dashboard shows):
    # a postcode in SIMD quintile 1 is five times as likely as one in quintile 5.
    pc_weights = [6 - (pc[3] or 3) for pc in pcs]
    reasons = [r.code for r in all_reasons()]
    now = timezone.now()
    counts = dict.fromkeys(
        [
            "people",
            "referrals",
            "cases",
            "encounters",
            "what_matters",
            "goals",
            "links",
            "consents",
        ],
        0,
    )
    with service_writes():
        serial = 0
        used_chis: set[str] = set(m.Person.objects.exclude(chi="").values_list("chi", flat=True))
        for start in range(0, n_people, BATCH):
            size = min(BATCH, n_people - start)
            people = []
            for _ in range(size):
                dob = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 66))
                chi = None
                while chi is None or chi in used_chis:
                    serial += 1
                    chi = make_chi(dob, serial)
                used_chis.add(chi)
                pc = rng.choices(pcs, weights=pc_weights)[0]
                # (no draw when everyone is at home: the small demo stays as it was)
                at_home = home_share >= 1 or rng.random() < home_share
                practice = rng.choice(home) if at_home else rng.choice(practices)
                people.append(
                    m.Person(
                        chi=chi,
                        given_name=rng.choice(GIVEN),
                        family_name=rng.choice(FAMILY),
                        date_of_birth=dob,
                        sex=rng.choice(["female", "male", ""]),
                        phone=f"0131 496 {rng.randrange(10000):04d}",
                        mobile=f"07700 900{rng.randrange(1000):03d}",
                        contact_methods=rng.choice(
                            [["phone"], ["sms", "phone"], ["email"], ["letter"]]
                        ),
                        safe_to_leave_message=rng.choice(["yes", "no", ""]),
                        postcode=pc[0],
                        data_zone=pc[1] or "",
                        simd_decile=pc[2],
                        simd_quintile=pc[3],
                        simd_version=pc[4] or "",
                        gp_practice=practice,
                        ethnicity=rng.choice(
                            [Ethnicity.WHITE_SCOTTISH] * 6 + list(Ethnicity.values)
                        ),
                        carer=rng.choice(["yes", "no", "no", "prefer_not_to_say", ""]),
                    )
                )
            people = m.Person.objects.bulk_create(people)
            counts["people"] += len(people)
            _cases_for(
                people,
                rng=rng,
                now=now,
                worker=worker,
                staff=staff,
                community=community,
                reasons=reasons,
                per_case=per_case,
                counts=counts,
                home=home,
            )
            if progress:
                stdout.write(
                    f"  casework: {counts['people']} people, {counts['encounters']} encounters "
                    f"({time.perf_counter() - started:.0f}s)\n"
                )
    return counts


def _cases_for(
    people: list[m.Person],
    *,
    rng: random.Random,
    now: dt.datetime,
    worker: Any,
    staff: Any,
    community: Any,
    reasons: list[str],
    per_case: int,
    counts: dict[str, int],
    home: list[Organisation],
) -> None:
    referrals, statuses = [], []
    for p in people:
        received = now - dt.timedelta(days=rng.randrange(1, 400), hours=rng.randrange(24))
        status = _weighted(rng)
        statuses.append((status, received))
        source = rng.choice(["practice"] * 6 + ["self", "agency", "fhir"])
        referrals.append(
            m.Referral(
                person=p,
                source=source,
                referring_organisation=p.gp_practice if source in ("practice", "fhir") else None,
                referred_by=staff if source == "practice" and p.gp_practice in home[:1] else None,
                referrer_name="Dr Demo" if source == "practice" else "",
                reasons=rng.sample(reasons[:-1], k=rng.randint(1, 3)),
                person_agreed=True,
                received_at=received,
            )
        )
    referrals = m.Referral.objects.bulk_create(referrals)
    cases = []
    for ref, (status, received) in zip(referrals, statuses, strict=True):
        allocated = status in (
            CaseStatus.ALLOCATED,
            CaseStatus.ACTIVE,
            CaseStatus.CLOSED,
            CaseStatus.DID_NOT_ENGAGE,
        )
        mine = worker is not None and ref.person.gp_practice in home and allocated
        cases.append(
            m.Case(
                referral=ref,
                person=ref.person,
                practice=ref.person.gp_practice,
                status=status,
                opened_at=received,
                status_changed_at=received + dt.timedelta(days=min(30, (now - received).days)),
                link_worker=worker if mine else None,
                allocated_at=received + dt.timedelta(days=7) if allocated else None,
                next_follow_up=(now + dt.timedelta(days=rng.randrange(-3, 21))).date()
                if status == CaseStatus.ACTIVE
                else None,
                closed_at=now - dt.timedelta(days=rng.randrange(1, 30))
                if status
                in (
                    CaseStatus.CLOSED,
                    CaseStatus.DECLINED,
                    CaseStatus.UNABLE_TO_CONTACT,
                    CaseStatus.DID_NOT_ENGAGE,
                )
                else None,
            )
        )
    cases = m.Case.objects.bulk_create(cases)
    counts["referrals"] += len(referrals)
    counts["cases"] += len(cases)
    changes, encounters, wms, goals, consents, discharges = [], [], [], [], [], []
    for case in cases:
        at = case.opened_at
        changes.append(m.StatusChange(case=case, to_status=CaseStatus.RECEIVED, at=at))
        prev = CaseStatus.RECEIVED
        for step in PATH[case.status]:
            at = at + dt.timedelta(days=rng.randint(1, 10))
            changes.append(
                m.StatusChange(
                    case=case,
                    from_status=prev,
                    to_status=step,
                    at=min(at, timezone.now()),
                    by=case.link_worker,
                )
            )
            prev = step
        if case.status in (CaseStatus.ACTIVE, CaseStatus.CLOSED, CaseStatus.DID_NOT_ENGAGE):
            consents.append(
                m.Consent(
                    person=case.person,
                    purpose="sharing",
                    decision="given",
                    decided_on=case.opened_at.date(),
                )
            )
            # Contacts vary widely (1, 2, 3 or more: the doses insight compares), same mean.
            contacts = max(1, min(4 * per_case, round(rng.expovariate(1 / per_case))))
            for i in range(contacts):
                when = case.opened_at + dt.timedelta(days=7 + 14 * i, hours=rng.randrange(9))
                booked = when > timezone.now()
                encounters.append(
                    m.Encounter(
                        case=case,
                        occurred_at=when,
                        mode=rng.choice(m.Encounter.Mode.values),
                        duration_minutes=rng.choice([20, 30, 45, 60, 90]),
                        attendance="booked"
                        if booked
                        else rng.choice(["attended"] * 8 + ["did_not_attend", "cancelled"]),
                        notes="" if booked else "Talked about what matters and next steps.",
                        recorded_by=case.link_worker,
                    )
                )
            text, domains = rng.choice(WHAT_MATTERS)
            wms.append(
                m.WhatMatters(
                    case=case,
                    text=text,
                    domains=domains,
                    held_on=min(case.opened_at + dt.timedelta(days=8), now).date(),
                    recorded_by=case.link_worker,
                )
            )
            what, why = rng.choice(GOALS)
            goals.append(
                m.Goal(
                    case=case,
                    what=what,
                    why=why,
                    status="achieved" if case.status == CaseStatus.CLOSED else "open",
                    target_date=(case.opened_at + dt.timedelta(days=90)).date(),
                )
            )
        if case.status in (
            CaseStatus.CLOSED,
            CaseStatus.DECLINED,
            CaseStatus.UNABLE_TO_CONTACT,
            CaseStatus.DID_NOT_ENGAGE,
        ):
            reason = {
                "closed": "goals_met",
                "declined": "declined",
                "unable_to_contact": "unable_to_contact",
                "did_not_engage": "did_not_engage",
            }[case.status]
            discharges.append(
                m.Discharge(
                    case=case,
                    reason=reason,
                    summary="Summary for the GP.",
                    discharged_on=(case.closed_at or timezone.now()).date(),
                )
            )
    m.StatusChange.objects.bulk_create(changes, batch_size=BATCH)
    m.Encounter.objects.bulk_create(encounters, batch_size=BATCH)
    m.WhatMatters.objects.bulk_create(wms, batch_size=BATCH)
    goals = m.Goal.objects.bulk_create(goals, batch_size=BATCH)
    m.GoalProgress.objects.bulk_create(
        [
            m.GoalProgress(
                goal=g,
                rating=r,
                rated_on=min(g.case.opened_at + dt.timedelta(days=14 * i), now).date(),
            )
            for g in goals
            for i, r in enumerate(sorted(rng.sample(range(11), 3)))
        ],
        batch_size=BATCH,
    )
    m.Consent.objects.bulk_create(consents, batch_size=BATCH)
    m.Discharge.objects.bulk_create(discharges, batch_size=BATCH)
    counts["encounters"] += len(encounters)
    counts["what_matters"] += len(wms)
    counts["goals"] += len(goals)
    counts["consents"] += len(consents)
    counts["links"] += _links(cases, rng=rng, community=community)


def _links(cases: list[m.Case], *, rng: random.Random, community: Any) -> int:
    from linkwork.directory.models import Service

    active = [c for c in cases if c.status in (CaseStatus.ACTIVE, CaseStatus.CLOSED)]
    if not active:
        return 0
    pool = list(
        Service.objects.filter(status="active")
        .select_related("organization")
        .order_by("name")[:200]
    )
    if not pool:
        return 0
    owned = [
        s
        for s in pool
        if community is not None
        and (
            s.owner_id == community.pk
            or (s.organization and s.organization.owner_id == community.pk)
        )
    ]
    links, changes = [], []
    now = timezone.now()
    for case in active:
        if rng.random() < 0.5:
            continue
        svc = rng.choice(owned) if owned and rng.random() < 0.5 else rng.choice(pool)
        receiver = svc.owner_id or (svc.organization.owner_id if svc.organization else None)
        supported = receiver is not None
        status = (
            rng.choice(["sent", "accepted", "attending", "attending", "declined", "stopped"])
            if supported
            else "suggested"
        )
        sent = min(case.opened_at + dt.timedelta(days=20), now)
        links.append(
            m.ServiceLink(
                case=case,
                service=svc,
                kind="supported" if supported else "signposted",
                status=status,
                receiving_organisation_id=receiver,
                shared_fields=["preferred_name", "family_name", "phone"] if supported else [],
                sent_at=sent if supported else None,
                created_at=sent,
                first_attended_on=min(sent + dt.timedelta(days=10), now).date()
                if status in ("attending", "stopped")
                else None,
                response_reason="Group is full" if status == "declined" else "",
            )
        )
    links = m.ServiceLink.objects.bulk_create(links, batch_size=BATCH)
    for link in links:
        changes.append(
            m.ServiceLinkChange(
                link=link,
                to_status="sent" if link.kind == "supported" else link.status,
                at=link.created_at,
            )
        )
        if link.status not in ("sent", "suggested"):
            changes.append(
                m.ServiceLinkChange(
                    link=link,
                    from_status="sent",
                    to_status=link.status,
                    at=min(now, link.created_at + dt.timedelta(days=5)),
                )
            )
    m.ServiceLinkChange.objects.bulk_create(changes, batch_size=BATCH)
    return len(links)
