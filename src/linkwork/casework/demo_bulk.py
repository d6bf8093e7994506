"""The rows behind each demo person: a referral, a case with its status history, and for
engaged cases consent, encounters, a what-matters conversation, a goal with progress, a
discharge and links to services, as plain tuples for `linkwork.core.demo_bulk.Table`.

What a service would have derived is derived the same way here: the status history follows
the state machine's path to the case's status, closed and final cases carry their discharge,
a supported link is sent to the organisation that owns the service (and records the change),
nothing is dated after `now`. The random draws happen in the same order as when these rows were
built as model instances, so a seed gives the same data as before.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from linkwork.casework import models as m
from linkwork.casework.states import CaseStatus
from linkwork.core.demo_bulk import Table

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
_STATUSES = [s for s, _ in STATUS_MIX]
_STATUS_WEIGHTS = [w for _, w in STATUS_MIX]
_PRE = [CaseStatus.TRIAGED, CaseStatus.WAITING, CaseStatus.ALLOCATED]
PATH = {
    CaseStatus.RECEIVED: [],
    CaseStatus.WAITING: _PRE[:2],
    CaseStatus.ALLOCATED: _PRE,
    CaseStatus.ACTIVE: [*_PRE, CaseStatus.ACTIVE],
    CaseStatus.CLOSED: [*_PRE, CaseStatus.ACTIVE, CaseStatus.CLOSED],
    CaseStatus.DECLINED: [CaseStatus.DECLINED],
    CaseStatus.UNABLE_TO_CONTACT: [CaseStatus.TRIAGED, CaseStatus.UNABLE_TO_CONTACT],
    CaseStatus.DID_NOT_ENGAGE: [*_PRE, CaseStatus.DID_NOT_ENGAGE],
}
ALLOCATED = {CaseStatus.ALLOCATED, CaseStatus.ACTIVE, CaseStatus.CLOSED, CaseStatus.DID_NOT_ENGAGE}
ENGAGED = {CaseStatus.ACTIVE, CaseStatus.CLOSED, CaseStatus.DID_NOT_ENGAGE}
ENDED = {
    CaseStatus.CLOSED: "goals_met",
    CaseStatus.DECLINED: "declined",
    CaseStatus.UNABLE_TO_CONTACT: "unable_to_contact",
    CaseStatus.DID_NOT_ENGAGE: "did_not_engage",
}
LINKED = {CaseStatus.ACTIVE, CaseStatus.CLOSED}
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
_MODES = list(m.Encounter.Mode.values)
_DURATIONS = [20, 30, 45, 60, 90]
_ATTENDANCE = ["attended"] * 8 + ["did_not_attend", "cancelled"]
_SOURCES = ["practice"] * 6 + ["self", "agency", "fhir"]
_LINK_STATUSES = ["sent", "accepted", "attending", "attending", "declined", "stopped"]
_SHARED = ["preferred_name", "family_name", "phone"]


class DemoPerson(NamedTuple):
    """What a case needs of its person: the key and the registered practice."""

    id: int
    practice_id: int


class PoolService(NamedTuple):
    """A directory service demo cases link to, and who receives supported referrals to it."""

    id: object
    receiver_id: int | None
    owned: bool


@dataclass
class CaseContext:
    """What every batch of cases shares: who works where, what services to link to, and the
    tables the rows go to."""

    now: dt.datetime
    worker_id: int | None
    staff_id: int | None
    home: list[int]
    reasons: list[str]
    per_case: int
    pool: Sequence[PoolService]
    tables: dict[str, Table] = field(default_factory=dict)

    def __post_init__(self) -> None:
        now = self.now
        cols = {
            "referral": (m.Referral, "id person_id source referring_organisation_id "
                         "referred_by_id referrer_name reasons person_agreed received_at"),
            "case": (m.Case, "id referral_id person_id practice_id status opened_at "
                     "status_changed_at link_worker_id allocated_at next_follow_up closed_at"),
            "status_change": (m.StatusChange, "case_id from_status to_status at by_id"),
            "encounter": (m.Encounter, "case_id occurred_at mode duration_minutes attendance "
                          "notes recorded_by_id"),
            "what_matters": (m.WhatMatters, "case_id text domains held_on recorded_by_id"),
            "goal": (m.Goal, "id case_id what why status target_date"),
            "goal_progress": (m.GoalProgress, "goal_id rating rated_on"),
            "consent": (m.Consent, "person_id purpose decision decided_on"),
            "discharge": (m.Discharge, "case_id reason summary discharged_on"),
            "link": (m.ServiceLink, "id case_id service_id kind status receiving_organisation_id "
                     "shared_fields sent_at created_at first_attended_on response_reason"),
            "link_change": (m.ServiceLinkChange, "link_id from_status to_status at"),
        }  # fmt: skip
        for name, (model, columns) in cols.items():
            self.tables.setdefault(name, Table(model, columns.split(), now=now))

    def written(self, name: str) -> int:
        return self.tables[name].written


def cases_for(people: Sequence[DemoPerson], *, rng: random.Random, ctx: CaseContext) -> None:
    """Write a referral and a case, with everything that follows, for each person."""
    now, t = ctx.now, ctx.tables
    referrals, opened = [], []
    first = t["referral"].reserve(len(people))
    home_first = ctx.home[:1]
    for i, p in enumerate(people):
        received = now - dt.timedelta(days=rng.randrange(1, 400), hours=rng.randrange(24))
        status = rng.choices(_STATUSES, weights=_STATUS_WEIGHTS)[0]
        opened.append((status, received))
        source = rng.choice(_SOURCES)
        k = rng.randint(1, 3)
        referrals.append(
            (
                first + i,
                p.id,
                source,
                p.practice_id if source in ("practice", "fhir") else None,
                ctx.staff_id if source == "practice" and p.practice_id in home_first else None,
                "Dr Demo" if source == "practice" else "",
                rng.sample(ctx.reasons[:-1], k=k),
                True,
                received,
            )
        )
    t["referral"].write(referrals)
    cases = []
    case_first = t["case"].reserve(len(people))
    for i, (p, (status, received)) in enumerate(zip(people, opened, strict=True)):
        allocated = status in ALLOCATED
        mine = ctx.worker_id is not None and p.practice_id in ctx.home and allocated
        follow_up = (
            (now + dt.timedelta(days=rng.randrange(-3, 21))).date()
            if status == CaseStatus.ACTIVE
            else None
        )
        closed = now - dt.timedelta(days=rng.randrange(1, 30)) if status in ENDED else None
        cases.append(
            (
                case_first + i,
                first + i,
                p.id,
                p.practice_id,
                status,
                received,
                received + dt.timedelta(days=min(30, (now - received).days)),
                ctx.worker_id if mine else None,
                received + dt.timedelta(days=7) if allocated else None,
                follow_up,
                closed,
            )
        )
    t["case"].write(cases)
    _history(cases, rng=rng, ctx=ctx)
    _links(cases, rng=rng, ctx=ctx)


def _history(cases: list[tuple], *, rng: random.Random, ctx: CaseContext) -> None:
    """Status changes, and for engaged cases consent, encounters, what matters and a goal;
    discharges for ended cases; then goal progress."""
    now, per_case = ctx.now, ctx.per_case
    changes, encounters, wms, goals, consents, discharges = [], [], [], [], [], []
    goal_first = ctx.tables["goal"].reserve(sum(1 for c in cases if c[4] in ENGAGED))
    goal_opened = []
    for case_id, _ref, person_id, _practice, status, opened, _c, worker, _a, _f, closed in cases:
        at = opened
        changes.append((case_id, "", CaseStatus.RECEIVED, at, None))
        prev = CaseStatus.RECEIVED
        for step in PATH[status]:
            at = at + dt.timedelta(days=rng.randint(1, 10))
            changes.append((case_id, prev, step, min(at, now), worker))
            prev = step
        if status in ENGAGED:
            consents.append((person_id, "sharing", "given", opened.date()))
            # Contacts vary widely (1, 2, 3 or more: the doses insight compares), same mean.
            contacts = max(1, min(4 * per_case, round(rng.expovariate(1 / per_case))))
            for i in range(contacts):
                when = opened + dt.timedelta(days=7 + 14 * i, hours=rng.randrange(9))
                booked = when > now
                mode = rng.choice(_MODES)
                minutes = rng.choice(_DURATIONS)
                attendance = "booked" if booked else rng.choice(_ATTENDANCE)
                notes = "" if booked else "Talked about what matters and next steps."
                encounters.append((case_id, when, mode, minutes, attendance, notes, worker))
            text, domains = rng.choice(WHAT_MATTERS)
            wms.append(
                (case_id, text, domains, min(opened + dt.timedelta(days=8), now).date(), worker)
            )
            what, why = rng.choice(GOALS)
            goals.append(
                (
                    goal_first + len(goals),
                    case_id,
                    what,
                    why,
                    "achieved" if status == CaseStatus.CLOSED else "open",
                    (opened + dt.timedelta(days=90)).date(),
                )
            )
            goal_opened.append(opened)
        if status in ENDED:
            day = (closed or now).date()
            discharges.append((case_id, ENDED[status], "Summary for the GP.", day))
    progress = [
        (goal[0], r, min(at + dt.timedelta(days=14 * i), now).date())
        for goal, at in zip(goals, goal_opened, strict=True)
        for i, r in enumerate(sorted(rng.sample(range(11), 3)))
    ]
    t = ctx.tables
    t["status_change"].write(changes)
    t["encounter"].write(encounters)
    t["what_matters"].write(wms)
    t["goal"].write(goals)
    t["goal_progress"].write(progress)
    t["consent"].write(consents)
    t["discharge"].write(discharges)


def _links(cases: list[tuple], *, rng: random.Random, ctx: CaseContext) -> None:
    """Half the active and closed cases get a link: to the demo community organisation's own
    services half the time, supported (sent, with its history) when the service has an owner."""
    active = [c for c in cases if c[4] in LINKED]
    pool = ctx.pool
    if not active or not pool:
        return
    owned = [s for s in pool if s.owned]
    now = ctx.now
    links = []
    for case in active:
        if rng.random() < 0.5:
            continue
        svc = rng.choice(owned) if owned and rng.random() < 0.5 else rng.choice(pool)
        supported = svc.receiver_id is not None
        status = rng.choice(_LINK_STATUSES) if supported else "suggested"
        sent = min(case[5] + dt.timedelta(days=20), now)
        links.append(
            [
                0,
                case[0],
                svc.id,
                "supported" if supported else "signposted",
                status,
                svc.receiver_id,
                _SHARED if supported else [],
                sent if supported else None,
                sent,
                min(sent + dt.timedelta(days=10), now).date()
                if status in ("attending", "stopped")
                else None,
                "Group is full" if status == "declined" else "",
            ]
        )
    first = ctx.tables["link"].reserve(len(links))
    changes = []
    for i, link in enumerate(links):
        link[0] = first + i
        kind, status, created = link[3], link[4], link[8]
        changes.append((link[0], "", "sent" if kind == "supported" else status, created))
        if status not in ("sent", "suggested"):
            changes.append((link[0], "sent", status, min(now, created + dt.timedelta(days=5))))
    ctx.tables["link"].write(tuple(link) for link in links)
    ctx.tables["link_change"].write(changes)
