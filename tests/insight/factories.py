"""Building a programme's world for insight tests: practices, people, cases, contacts,
links and outcome scores."""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from linkwork.casework import models as m
from linkwork.casework.guards import service_writes
from linkwork.casework.states import CaseStatus
from linkwork.core.models import Organisation, User
from linkwork.core.roles import Role
from linkwork.insight.models import Programme
from linkwork.outcomes.models import Administration, TimePoint
from linkwork.outcomes.scoring import score
from linkwork.places.models import HSCP, DataZone
from tests.casework.factories import CaseFactory, EncounterFactory, PersonFactory
from tests.core.factories import OrganisationFactory, make_user


def programme(name: str = "Programme") -> Programme:
    org = OrganisationFactory(name=name, kind=Organisation.Kind.PROGRAMME)
    return Programme.objects.get(pk=org.pk)


def practice(prog: Organisation, name: str) -> Organisation:
    return OrganisationFactory(name=name, kind=Organisation.Kind.GP_PRACTICE, programme=prog)


def manager(prog: Organisation, username: str = "manager") -> User:
    return make_user(Role.PROGRAMME_MANAGER, organisations=(prog,), username=username)


def analyst(prog: Organisation, username: str = "analyst") -> User:
    return make_user(Role.ANALYST, organisations=(prog,), username=username)


def areas() -> list[DataZone]:
    """Ten data zones in one HSCP, one per SIMD decile, 800 residents each."""
    hscp, _ = HSCP.objects.get_or_create(code="S37999901", defaults={"name": "Test HSCP"})
    zones = []
    for decile in range(1, 11):
        zone, _ = DataZone.objects.update_or_create(
            code=f"S0199990{decile - 1:02d}"[:9],
            defaults={
                "hscp": hscp,
                "population": 800,
                "simd_decile": decile,
                "simd_quintile": (decile + 1) // 2,
                "simd_version": "2020v2",
            },
        )
        zones.append(zone)
    return zones


def swemwbs_answers(level: float) -> list[int]:
    return [max(1, min(5, round(level)))] * 7


def case(
    practice_org: Organisation,
    *,
    zone: DataZone | None = None,
    contacts: int = 1,
    dna: int = 0,
    baseline: list[int] | None = None,
    followup: list[int] | None = None,
    sex: str = "female",
    received: dt.datetime | None = None,
    reasons: list[str] | None = None,
) -> m.Case:
    received = received or timezone.now() - dt.timedelta(days=60)
    person = PersonFactory(
        gp_practice=practice_org,
        sex=sex,
        data_zone=zone.code if zone else "",
        simd_quintile=zone.simd_quintile if zone else None,
        simd_decile=zone.simd_decile if zone else None,
    )
    c = CaseFactory(
        referral__person=person,
        referral__received_at=received,
        referral__reasons=reasons or ["social_isolation"],
        status=CaseStatus.ACTIVE,
    )
    for i in range(contacts):
        EncounterFactory(
            case=c,
            occurred_at=received + dt.timedelta(days=7 + i),
            attendance=m.Encounter.Attendance.ATTENDED,
        )
    for i in range(dna):
        EncounterFactory(
            case=c,
            occurred_at=received + dt.timedelta(days=30 + i),
            attendance=m.Encounter.Attendance.DID_NOT_ATTEND,
        )
    points = [(TimePoint.BASELINE, baseline, 1), (TimePoint.REVIEW, followup, 40)]
    with service_writes():
        for time_point, answers, days in points:
            if answers is None:
                continue
            result = score("swemwbs", answers)
            Administration.objects.create(
                person=person,
                case=c,
                instrument="swemwbs",
                time_point=time_point,
                answers=answers,
                result=result.as_dict(),
                valid=result.valid,
                administered_at=received + dt.timedelta(days=days),
            )
    return c


def populated(prog: Programme, rng: random.Random, people: int = 40) -> list[m.Case]:
    zones = areas()
    practices = [practice(prog, f"{prog.name} practice {i}") for i in range(3)]
    out = []
    for i in range(people):
        contacts = 1 + i % 4
        base = rng.randint(2, 3)
        out.append(
            case(
                practices[i % 3],
                zone=zones[i % 10],
                contacts=contacts,
                baseline=swemwbs_answers(base),
                followup=swemwbs_answers(base + (1 if contacts >= 3 else 0)),
                sex="female" if i % 2 else "male",
            )
        )
    return out
