"""Demo data for insight at the small scale: people at the demo programme's other practices.

Casework's small demo puts its 300 people at the two practices the demo link worker works in
(so the caseload pages are full). Insight's multilevel model needs people from at least three
practices for its practice random intercept, so here a few dozen more people are referred from
each of the remaining demo practices, with cases, encounters, links and outcome measures made
by casework's and outcomes' own demo code. Nothing is added at the national scale, where
casework already spreads people over every practice. No audit entries: demo data is not
anyone's access to a record.

Called by `linkwork generate-demo` (DEMO_APPS, after "outcomes"); it ends by building
insight's kept facts from everything generated (decision 0014).
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.utils import timezone

from linkwork.casework import demo as casework_demo
from linkwork.casework import models as cm
from linkwork.casework.chi import make_chi
from linkwork.casework.choices import Ethnicity
from linkwork.casework.demo_bulk import DemoPerson, cases_for
from linkwork.casework.guards import service_writes
from linkwork.core.demo_bulk import Table
from linkwork.core.models import Organisation
from linkwork.insight import kept
from linkwork.outcomes import demo as outcomes_demo

#: People referred from each practice other than the demo link worker's two.
PEOPLE_PER_OTHER_PRACTICE = {"small": 40, "national": 0}
#: Casework's demo gives the link worker's practices the first two GP practices.
HOME_PRACTICES = 2


def _people(
    rng: random.Random, practices: list[Organisation], per_practice: int, now: dt.datetime
) -> list[DemoPerson]:
    pcs = casework_demo._postcodes(rng)
    cum_weights = casework_demo.deprivation_weights(pcs)  # casework's SIMD gradient
    used = set(cm.Person.objects.exclude(chi="").values_list("chi", flat=True))
    serial = 900_000  # away from casework's serials, so CHIs do not collide
    table = Table(cm.Person, casework_demo.PERSON_COLUMNS, now=now)
    first = table.reserve(len(practices) * per_practice)
    people: list[DemoPerson] = []
    rows: list[tuple[Any, ...]] = []
    for practice in practices:
        for _ in range(per_practice):
            dob = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 66))
            chi = None
            while chi is None or chi in used:
                serial += 1
                chi = make_chi(dob, serial)
            used.add(chi)
            pc = rng.choices(pcs, cum_weights=cum_weights)[0]
            person = DemoPerson(first + len(people), practice.pk)
            people.append(person)
            rows.append(
                (
                    person.id,
                    chi,
                    rng.choice(casework_demo.GIVEN),
                    rng.choice(casework_demo.FAMILY),
                    dob,
                    rng.choice(["female", "male"]),
                    "",
                    "",
                    [],
                    "",
                    pc[0],
                    pc[1] or "",
                    pc[2],
                    pc[3],
                    pc[4] or "",
                    practice.pk,
                    rng.choice([Ethnicity.WHITE_SCOTTISH] * 6 + list(Ethnicity.values)),
                    "",
                )
            )
    table.write(rows)
    return people


def generate(*, scale: str, rng: random.Random, stdout: Any) -> dict[str, int]:
    counts = _generate(scale=scale, rng=rng)
    # The bulk writers above bypass the model signals that keep insight's facts current:
    # rebuild them all (decision 0014; `linkwork insight-refresh --full` does the same).
    counts["case facts"] = kept.refresh(full=True).cases
    return counts


def _generate(*, scale: str, rng: random.Random) -> dict[str, int]:
    per_practice = PEOPLE_PER_OTHER_PRACTICE[scale]
    practices = list(Organisation.objects.filter(kind=Organisation.Kind.GP_PRACTICE).order_by("id"))
    others = practices[HOME_PRACTICES:]
    if not per_practice or not others or not cm.Case.objects.exists():
        return {}  # nothing to add (national scale, or casework's demo has not run)
    now = timezone.now()
    ctx = casework_demo.case_context(
        rng=rng, per_case=casework_demo.SCALES[scale][1], now=now, practices=practices
    )
    with service_writes():
        people = _people(rng, others, per_practice, now)
        cases_for(people, rng=rng, ctx=ctx)
    cases = cm.Case.objects.filter(person_id__in=[p.id for p in people])
    administrations = outcomes_demo.write_administrations(cases, scale=scale, rng=rng, now=now)
    return {
        "practices": len(others),
        "people": len(people),
        "encounters": ctx.written("encounter"),
        "administrations": administrations,
    }
