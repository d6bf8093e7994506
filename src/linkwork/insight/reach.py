"""Reach and inequalities: who a programme's referrals come from, against the population of
the same areas by SIMD, and by age, sex, ethnic group and disability.

The population is that of every data zone in the HSCPs where the referred people live
(SIMD 2020v2 data-zone populations, shipped with the places data). People are counted once
per period (their earliest case in it), by the SIMD recorded with their postcode."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db import connections
from django.db.models import (
    Case,
    CharField,
    Count,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import TruncDate
from django.db.models.lookups import GreaterThanOrEqual, LessThanOrEqual
from django.utils.translation import gettext_lazy as _

from linkwork.casework.choices import Ethnicity, Sex, YesNoPrefer
from linkwork.casework.models import Person
from linkwork.insight import statistics as st
from linkwork.insight.fact_sources import age_at
from linkwork.insight.selectors import SIMD_VERSION, Rows, kept_rows, path
from linkwork.insight.tables import CountTable
from linkwork.places.models import DataZone

AGE_BANDS = ((0, 17), (18, 29), (30, 44), (45, 64), (65, 74), (75, 200))


@dataclass(frozen=True)
class RateRow:
    label: str
    people: int
    population: int
    rate: st.Rate
    ratio: st.RateRatio


@dataclass(frozen=True)
class SimdReach:
    level: str  # "quintile" or "decile"
    rows: list[RateRow]
    unknown: int
    reference: str
    simd_version: str = SIMD_VERSION


@dataclass(frozen=True)
class Equity:
    """Share of people from the most deprived quintile against its share of the population:
    above 1 means the programme reaches the most deprived areas more than proportionately."""

    people_share: float | None
    population_share: float | None
    index: float | None
    simd_version: str = SIMD_VERSION


@dataclass(frozen=True)
class Reach:
    quintiles: SimdReach
    deciles: SimdReach
    equity: Equity
    tables: list[CountTable]
    hscps: list[str]


#: What Reach counts people by; with the kept facts all counted in one query.
PERSON_FIELDS = ("simd_quintile", "simd_decile", "sex", "ethnicity", "disability")
NUMERIC_FIELDS = {"simd_quintile", "simd_decile", "age"}
#: People by each of PERSON_FIELDS, referrals by "age", and the HSCPs people live in.
KeptCounts = dict[str, dict[object, int]]


def kept_counts(facts: Rows) -> KeptCounts:
    """From the kept facts in one query: people (each once, however many cases they have in
    the period) by each of PERSON_FIELDS, referrals by age at referral, and cases by HSCP. A
    person's attributes are the same on each of their cases' rows (they are rebuilt together)."""
    db = connections[facts.db]
    sql, params = (
        facts.order_by().values("person_id", "age", "hscp", *PERSON_FIELDS).query.sql_with_params()
    )
    people = ", ".join(f"MIN(f.{name}) AS {name}" for name in PERSON_FIELDS)
    parts = [
        f"SELECT '{name}', CAST({name} AS TEXT), COUNT(*) FROM p GROUP BY {name}"  # noqa: S608  (constant names)
        for name in PERSON_FIELDS
    ]
    parts.append("SELECT 'age', CAST(age AS TEXT), COUNT(*) FROM f GROUP BY age")
    parts.append("SELECT 'hscp', hscp, COUNT(*) FROM f WHERE hscp <> '' GROUP BY hscp")
    # Only constant SQL and Django's compiled query are formatted in.
    query = (
        f"WITH f AS ({sql}), p AS (SELECT f.person_id, {people} FROM f GROUP BY f.person_id) "  # noqa: S608
        + " UNION ALL ".join(parts)
    )
    out: KeptCounts = {name: {} for name in (*PERSON_FIELDS, "age", "hscp")}
    with db.cursor() as cursor:
        cursor.execute(query, params)
        for name, value, n in cursor.fetchall():
            key = int(value) if value is not None and name in NUMERIC_FIELDS else value
            out[name][key] = int(n)
    return out


def _people(cases: Rows) -> KeptCounts | QuerySet[Person]:
    """Who to count people in: the counts from the kept facts, or the people of the cases."""
    if kept_rows(cases):
        return kept_counts(cases)
    return Person.objects.filter(pk__in=cases.values("person_id"))  # type: ignore[misc]


def _people_by(people: KeptCounts | QuerySet[Person], field: str) -> dict[object, int]:
    """People by the value of one of their attributes, each counted once."""
    if isinstance(people, dict):
        return people[field]
    rows = people.values(field).annotate(n=Count("id")).order_by()
    return dict(rows.values_list(field, "n"))


def _simd(
    people: KeptCounts | QuerySet[Person], zones: QuerySet[DataZone], level: str
) -> SimdReach:
    field = f"simd_{level}"
    counts = _people_by(people, field)
    population = dict(zones.values(field).annotate(p=Sum("population")).values_list(field, "p"))
    top = 5 if level == "quintile" else 10
    ref_people, ref_pop = counts.get(top, 0), population.get(top) or 0
    rows = []
    for band in range(1, top + 1):
        n, pop = counts.get(band, 0), population.get(band) or 0
        label = str(_("%(n)s (most deprived)") % {"n": band}) if band == 1 else str(band)
        if band == top:
            label = str(_("%(n)s (least deprived)") % {"n": band})
        rows.append(
            RateRow(
                label,
                n,
                pop,
                st.rate_per_1000(n, pop),
                st.rate_ratio(n, pop, ref_people, ref_pop),
            )
        )
    return SimdReach(level, rows, counts.get(None, 0), reference=str(top))


def _age_band_counts(cases: Rows, kept: KeptCounts | None = None) -> Counter[str]:
    """Referrals by age band at referral (the date in UTC, as stored), counted by the
    database."""
    counts: Counter[str] = Counter()
    if kept_rows(cases):  # the age is kept: counted by age, banded here
        by_age = kept["age"] if kept is not None else kept_counts(cases)["age"]
        for age, n in by_age.items():
            counts[_age_band(age) if isinstance(age, int) else str(_("Not recorded"))] += n
        return counts
    received = TruncDate("referral__received_at", tzinfo=dt.UTC)
    age = age_at("person__date_of_birth", received)
    band = Case(
        When(person__date_of_birth__isnull=True, then=Value("")),
        *(
            When(
                GreaterThanOrEqual(age, low) & LessThanOrEqual(age, high),
                then=Value(_age_band(low)),
            )
            for low, high in AGE_BANDS
        ),
        default=Value(""),
        output_field=CharField(),
    )
    rows = cases.annotate(band=band).order_by().values("band").annotate(n=Count("id"))
    for row in rows:
        counts[row["band"] or str(_("Not recorded"))] += row["n"]
    return counts


def _age_band(age: int) -> str:
    for low, high in AGE_BANDS:
        if low <= age <= high:
            return f"{low}+" if high >= 200 else f"{low}-{high}"
    return str(_("Not recorded"))


def _category_table(
    key: str,
    title: str,
    row_label: str,
    people: KeptCounts | QuerySet[Person],
    field: str,
    choices: dict[str, object],
) -> CountTable:
    counts = _people_by(people, field)
    rows = [(str(label), counts.get(code, 0)) for code, label in choices.items()]
    rows.append((str(_("Not recorded")), counts.get("", 0)))
    return CountTable(
        key=key,
        title=title,
        row_label=row_label,
        rows=[r for r, _n in rows],
        columns=[str(_("People"))],
        cells=[[n] for _r, n in rows],
    )


def reach(cases: Rows) -> Reach:
    people = _people(cases)
    zone = path(cases, "data_zone")
    if isinstance(people, dict):  # the HSCPs of the kept facts' data zones
        hscps = sorted(str(code) for code in people["hscp"])
    else:
        in_zones = DataZone.objects.filter(code__in=cases.exclude(**{zone: ""}).values(zone))
        hscps = sorted(set(in_zones.values_list("hscp_id", flat=True)) - {None})
    zones = DataZone.objects.filter(hscp_id__in=hscps)
    quintiles = _simd(people, zones, "quintile")
    deciles = _simd(people, zones, "decile")
    known = sum(r.people for r in quintiles.rows)
    pop = sum(r.population for r in quintiles.rows)
    q1 = quintiles.rows[0]
    people_share = q1.people / known if known else None
    pop_share = q1.population / pop if pop else None
    index = people_share / pop_share if people_share is not None and pop_share else None
    ages = _age_band_counts(cases, people if isinstance(people, dict) else None)
    band_order = [_age_band(low) for low, _high in AGE_BANDS] + [str(_("Not recorded"))]
    tables = [
        CountTable(
            key="people_by_age",
            title=str(_("Referrals by age band at referral")),
            row_label=str(_("Age band")),
            rows=band_order,
            columns=[str(_("Referrals"))],
            cells=[[ages.get(b, 0)] for b in band_order],
        ),
        _category_table(
            "people_by_sex",
            str(_("People by sex")),
            str(_("Sex")),
            people,
            "sex",
            dict(Sex.choices),
        ),
        _category_table(
            "people_by_ethnicity",
            str(_("People by ethnic group (Scotland's Census 2022 categories)")),
            str(_("Ethnic group")),
            people,
            "ethnicity",
            dict(Ethnicity.choices),
        ),
        _category_table(
            "people_by_disability",
            str(_("People by disability or long-term condition")),
            str(_("Disability")),
            people,
            "disability",
            dict(YesNoPrefer.choices),
        ),
        CountTable(
            key="people_by_simd_quintile",
            title=str(_("People by SIMD quintile (%(v)s)") % {"v": SIMD_VERSION}),
            row_label=str(_("SIMD quintile")),
            rows=[r.label for r in quintiles.rows] + [str(_("Not known"))],
            columns=[str(_("People"))],
            cells=[[r.people] for r in quintiles.rows] + [[quintiles.unknown]],
        ),
    ]
    return Reach(
        quintiles=quintiles,
        deciles=deciles,
        equity=Equity(people_share, pop_share, index),
        tables=tables,
        hscps=hscps,
    )
