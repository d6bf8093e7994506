"""Demo data for insight at the small scale: people at the demo programme's other practices.

Casework's small demo puts its 300 people at the two practices the demo link worker works in
(so the caseload pages are full). Insight's multilevel model needs people from at least three
practices for its practice random intercept, so here a few dozen more people are referred from
each of the remaining demo practices, with cases, encounters, links and outcome measures made
by casework's and outcomes' own demo code. Nothing is added at the national scale, where
casework already spreads people over every practice. No audit entries: demo data is not
anyone's access to a record.

Called by `linkwork generate-demo` (DEMO_APPS, after "outcomes").
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from linkwork.casework import demo as casework_demo
from linkwork.casework import models as cm
from linkwork.casework.chi import make_chi
from linkwork.casework.choices import Ethnicity
from linkwork.casework.guards import service_writes
from linkwork.casework.reasons import all_reasons
from linkwork.core.models import Organisation
from linkwork.outcomes import demo as outcomes_demo
from linkwork.outcomes.models import Administration

#: People referred from each practice other than the demo link worker's two.
PEOPLE_PER_OTHER_PRACTICE = {"small": 40, "national": 0}
#: Casework's demo gives the link worker's practices the first two GP practices.
HOME_PRACTICES = 2


def _people(
    rng: random.Random, practices: list[Organisation], per_practice: int
) -> list[cm.Person]:
    pcs = casework_demo._postcodes(rng)
    weights = [6 - (pc[3] or 3) for pc in pcs]  # the same SIMD gradient as casework's demo
    used = set(cm.Person.objects.exclude(chi="").values_list("chi", flat=True))
    serial = 900_000  # away from casework's serials, so CHIs do not collide
    people = []
    for practice in practices:
        for _ in range(per_practice):
            dob = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 66))
            chi = None
            while chi is None or chi in used:
                serial += 1
                chi = make_chi(dob, serial)
            used.add(chi)
            pc = rng.choices(pcs, weights=weights)[0]
            people.append(
                cm.Person(
                    chi=chi,
                    given_name=rng.choice(casework_demo.GIVEN),
                    family_name=rng.choice(casework_demo.FAMILY),
                    date_of_birth=dob,
                    sex=rng.choice(["female", "male"]),
                    postcode=pc[0],
                    data_zone=pc[1] or "",
                    simd_decile=pc[2],
                    simd_quintile=pc[3],
                    simd_version=pc[4] or "",
                    gp_practice=practice,
                    ethnicity=rng.choice([Ethnicity.WHITE_SCOTTISH] * 6 + list(Ethnicity.values)),
                )
            )
    return cm.Person.objects.bulk_create(people)


def _administrations(
    case_ids: list[int], *, scale: str, rng: random.Random, now: dt.datetime
) -> int:
    rows = (
        cm.Case.objects.filter(id__in=case_ids, status__in=outcomes_demo.SUPPORTED)
        .order_by("id")
        .annotate(
            contacts=Count("encounters", filter=Q(encounters__attendance="attended")),
            engaged=Exists(
                cm.ServiceLink.objects.filter(
                    case=OuterRef("pk"), status__in=["attending", "stopped"]
                )
            ),
        )
        .values_list(
            "id",
            "person_id",
            "status",
            "opened_at",
            "closed_at",
            "link_worker_id",
            "contacts",
            "engaged",
        )
    )
    made = [a for case in rows for a in outcomes_demo._rows(case, scale=scale, rng=rng, now=now)]
    Administration.objects.bulk_create(made, batch_size=outcomes_demo.BATCH)
    return len(made)


def generate(*, scale: str, rng: random.Random, stdout: Any) -> dict[str, int]:
    per_practice = PEOPLE_PER_OTHER_PRACTICE[scale]
    practices = list(Organisation.objects.filter(kind=Organisation.Kind.GP_PRACTICE).order_by("id"))
    others = practices[HOME_PRACTICES:]
    if not per_practice or not others or not cm.Case.objects.exists():
        return {}  # nothing to add (national scale, or casework's demo has not run)
    User = get_user_model()
    counts = dict.fromkeys(["people", "referrals", "cases", "encounters"], 0)
    counts.update(what_matters=0, goals=0, links=0, consents=0)
    now = timezone.now()
    with service_writes():
        people = _people(rng, others, per_practice)
        counts["people"] = len(people)
        casework_demo._cases_for(
            people,
            rng=rng,
            now=now,
            worker=User.objects.filter(username="demo-link-worker").first(),
            staff=User.objects.filter(username="demo-practice").first(),
            community=Organisation.objects.filter(kind=Organisation.Kind.COMMUNITY)
            .order_by("id")
            .first(),
            reasons=[r.code for r in all_reasons()],
            per_case=casework_demo.SCALES[scale][1],
            counts=counts,
            home=practices[:HOME_PRACTICES],
        )
        case_ids = list(cm.Case.objects.filter(person__in=people).values_list("id", flat=True))
        administrations = _administrations(case_ids, scale=scale, rng=rng, now=now)
    return {
        "practices": len(others),
        "people": counts["people"],
        "encounters": counts["encounters"],
        "administrations": administrations,
    }
