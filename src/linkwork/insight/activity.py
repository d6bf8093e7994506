"""The Activity dashboard: referrals, waiting, contacts, attendance, links, discharges and
caseloads for a programme's cases in a period. Every figure is one aggregate query."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Aggregate,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    Min,
    Q,
    QuerySet,
    Sum,
)
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from linkwork.casework import reasons as casework_reasons
from linkwork.casework.models import Case, Discharge, Encounter, Referral, ServiceLink
from linkwork.casework.states import CaseStatus
from linkwork.insight.aggregates import Percentile, reason_counts
from linkwork.insight.models import CaseCode
from linkwork.insight.selectors import Rows, kept_rows, path
from linkwork.insight.tables import CountTable

ATTENDED = Encounter.Attendance.ATTENDED
DNA = Encounter.Attendance.DID_NOT_ATTEND


def reason_labels() -> dict[str, str]:
    return dict(casework_reasons.choices())


def _series(key: str, title: str, row_label: str, counts: list[tuple[str, int]]) -> CountTable:
    return CountTable(
        key=key,
        title=title,
        row_label=row_label,
        rows=[label for label, _n in counts],
        columns=[str(_("Number"))],
        cells=[[n] for _label, n in counts],
    )


@dataclass(frozen=True)
class Measure:
    """A summary figure with the number of things it summarises (shown only if n >= 5 outside
    the analyst role)."""

    label: str
    value: float | None
    n: int
    unit: str = ""


def referrals_by_month(cases: Rows) -> CountTable:
    source = path(cases, "source")
    rows = (
        cases.annotate(month=TruncMonth(path(cases, "received_at")))
        .values("month", source)
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    sources = [str(label) for _code, label in Referral.Source.choices]
    codes = [code for code, _label in Referral.Source.choices]
    months: dict[str, list[int]] = {}
    for row in rows:
        month = row["month"].strftime("%Y-%m")
        months.setdefault(month, [0] * len(codes))[codes.index(row[source])] += row["n"]
    return CountTable(
        key="referrals_by_month",
        title=str(_("Referrals by month and source")),
        row_label=str(_("Month")),
        rows=list(months),
        columns=sources,
        cells=list(months.values()),
    )


def _grouped(cases: Rows, field: str) -> list[tuple[str, int]]:
    rows = cases.values(field).annotate(n=Count("pk")).order_by("-n", field)
    return [(str(r[field] or _("Not recorded")), r["n"]) for r in rows]


def _reason_counts(cases: Rows) -> list[tuple[str | None, int]]:
    if kept_rows(cases):
        rows = (
            CaseCode.objects.filter(case__in=cases, kind=CaseCode.REASON)  # type: ignore[misc]
            .order_by()
            .values("code")
            .annotate(n=Count("pk"))
        )
        return [(r["code"], r["n"]) for r in rows]
    return [(c, n) for _g, c, n in reason_counts(cases, group=None, codes=path(cases, "reasons"))]


def referrals_by_reason(cases: Rows) -> CountTable:
    labels = reason_labels()
    counts = sorted(
        ((code if code is not None else "(none recorded)", n) for code, n in _reason_counts(cases)),
        key=lambda item: (-item[1], item[0]),
    )
    table = _series(
        "referrals_by_reason",
        str(_("Referrals by reason")),
        str(_("Reason")),
        [(labels.get(code, code), n) for code, n in counts],
    )
    return CountTable(**{**table.__dict__, "note": str(_("A referral may give several reasons."))})


def _per_case(cases: Rows) -> QuerySet[Case]:
    """Each case with its attended ``contacts`` and ``wait`` to the first: kept in the facts,
    or counted and found by the database from the encounters."""
    if kept_rows(cases):
        return cases  # type: ignore[return-value]  # the facts have both columns
    attended = Q(encounters__attendance=ATTENDED)
    return cases.annotate(  # type: ignore[no-redef, return-value]
        contacts=Count("encounters", filter=attended),
        wait=ExpressionWrapper(
            Min("encounters__occurred_at", filter=attended) - F("referral__received_at"),
            output_field=DurationField(),
        ),
    )


def _contact_totals() -> dict[str, Aggregate]:
    return {
        "none": Count("pk", filter=Q(contacts=0)),
        "one": Count("pk", filter=Q(contacts=1)),
        "two": Count("pk", filter=Q(contacts=2)),
        "more": Count("pk", filter=Q(contacts__gte=3)),
        "total": Sum("contacts"),
        "waited": Count("wait"),
        "median": Percentile("wait", 0.5),
        "p90": Percentile("wait", 0.9),
    }


#: The link columns of the kept facts: by kind, and at each closed-loop stage.
LINK_KINDS = {kind: f"links_{kind}" for kind in ServiceLink.Kind.values}
LINK_STAGES = ("sent", "accepted", "attended", "attending")


def kept_totals(facts: Rows) -> dict[str, Any]:
    """Every whole-period sum of the Activity page from the kept facts, in one query."""
    links = {column: Sum(column) for column in LINK_KINDS.values()}
    stages = {f"links_{stage}": Sum(f"links_{stage}") for stage in LINK_STAGES}
    return facts.aggregate(
        **_contact_totals(), attended=Sum("contacts"), dna=Sum("dnas"), **links, **stages
    )


def contacts_and_waiting(
    cases: Rows, totals: dict[str, Any] | None = None
) -> tuple[CountTable, list[Measure]]:
    """People by number of contacts attended, the mean among those seen, and the days from
    referral to first attended contact (median, 90th percentile): one query, each case's
    contacts counted and first contact found by the database, then summarised there."""
    agg = totals if totals is not None else _per_case(cases).aggregate(**_contact_totals())
    table = _series(
        "contacts_per_person",
        str(_("People by number of contacts attended")),
        str(_("Contacts")),
        [("0", agg["none"]), ("1", agg["one"]), ("2", agg["two"]), ("3+", agg["more"])],
    )
    seen = agg["one"] + agg["two"] + agg["more"]
    n = agg["waited"]
    return table, [
        Measure(
            str(_("Median days from referral to first contact")),
            _days(agg["median"]) if n else None,
            n,
        ),
        Measure(
            str(_("90th percentile of days from referral to first contact")),
            _days(agg["p90"]) if n else None,
            n,
        ),
        Measure(
            str(_("Mean contacts per person seen")),
            (agg["total"] or 0) / seen if seen else None,
            seen,
        ),
    ]


def _days(value: dt.timedelta | None) -> float | None:
    return None if value is None else value.total_seconds() / 86400


def did_not_attend(cases: Rows, totals: dict[str, Any] | None = None) -> Measure:
    if kept_rows(cases):
        agg = totals if totals is not None else kept_totals(cases)
    else:
        agg = Encounter.objects.filter(case__in=cases.values("id")).aggregate(  # type: ignore[misc]
            attended=Count("id", filter=Q(attendance=ATTENDED)),
            dna=Count("id", filter=Q(attendance=DNA)),
        )
    n = (agg["attended"] or 0) + (agg["dna"] or 0)
    rate = 100 * (agg["dna"] or 0) / n if n else None
    return Measure(str(_("Did-not-attend rate")), rate, n, "%")


def links(cases: Rows, totals: dict[str, Any] | None = None) -> list[CountTable]:
    qs = ServiceLink.objects.filter(case__in=cases.values(path(cases, "case_id")))
    kinds = dict(ServiceLink.Kind.choices)
    if kept_rows(cases):
        agg = totals if totals is not None else kept_totals(cases)
        kind_counts = sorted(
            ((-(agg[column] or 0), kind) for kind, column in LINK_KINDS.items() if agg[column]),
        )
        by_kind = [(str(kinds.get(kind, kind)), -n) for n, kind in kind_counts]
        loop = {stage: agg[f"links_{stage}"] or 0 for stage in LINK_STAGES}
    else:
        by_kind = [
            (str(kinds.get(r["kind"], r["kind"])), r["n"])
            for r in qs.values("kind").annotate(n=Count("id")).order_by("-n", "kind")
        ]
        loop = qs.aggregate(
            sent=Count("id", filter=Q(sent_at__isnull=False)),
            accepted=Count("id", filter=Q(status__in=["accepted", "attending", "stopped"])),
            attended=Count("id", filter=Q(first_attended_on__isnull=False)),
            attending=Count("id", filter=Q(status="attending")),
        )
    by_org = [
        (str(r["service__organization__name"] or _("Not recorded")), r["n"])
        for r in qs.values("service__organization__name")
        .annotate(n=Count("id"))
        .order_by("-n", "service__organization__name")[:20]
    ]
    closed_loop = [
        (str(_("Sent")), loop["sent"]),
        (str(_("Accepted")), loop["accepted"]),
        (str(_("Attended")), loop["attended"]),
        (str(_("Still attending")), loop["attending"]),
    ]
    return [
        _series("links_by_kind", str(_("Links by kind of support")), str(_("Kind")), by_kind),
        _series(
            "links_by_organisation",
            str(_("Links by organisation (top 20)")),
            str(_("Organisation")),
            by_org,
        ),
        CountTable(
            key="closed_loop",
            title=str(_("Closed-loop referrals to community organisations")),
            row_label=str(_("Stage")),
            rows=[label for label, _n in closed_loop],
            columns=[str(_("Links"))],
            cells=[[n] for _label, n in closed_loop],
            note=str(_("Stages are nested: each link counts at every stage it reached.")),
        ),
    ]


def discharges(cases: Rows) -> CountTable:
    reasons = dict(Discharge.Reason.choices)
    if kept_rows(cases):
        rows = (
            cases.exclude(discharge_reason="")  # type: ignore[misc]
            .values(reason=F("discharge_reason"))
            .annotate(n=Count("pk"))
            .order_by("-n", "reason")
        )
    else:
        rows = (
            Discharge.objects.filter(case__in=cases.values("id"))  # type: ignore[assignment, misc]
            .values("reason")
            .annotate(n=Count("id"))
            .order_by("-n", "reason")
        )
    return _series(
        "discharge_reasons",
        str(_("Discharge reasons")),
        str(_("Reason")),
        [(str(reasons.get(r["reason"], r["reason"])), r["n"]) for r in rows],
    )


def caseloads(cases: Rows) -> CountTable:
    rows = (
        cases.filter(status__in=[CaseStatus.ALLOCATED, CaseStatus.ACTIVE])
        .values("link_worker__first_name", "link_worker__last_name", "link_worker__username")
        .annotate(n=Count("pk"))
        .order_by("-n", "link_worker__username")
    )
    counts = []
    for r in rows:
        name = f"{r['link_worker__first_name']} {r['link_worker__last_name']}".strip()
        counts.append((name or r["link_worker__username"] or str(_("Not allocated")), r["n"]))
    return _series(
        "caseload_by_worker", str(_("Open cases per link worker")), str(_("Link worker")), counts
    )


@dataclass(frozen=True)
class Activity:
    tables: list[CountTable]
    measures: list[Measure]


def activity(cases: Rows) -> Activity:
    totals = kept_totals(cases) if kept_rows(cases) else None
    contacts, (median_wait, p90_wait, mean_contacts) = contacts_and_waiting(cases, totals)
    tables = [
        referrals_by_month(cases),
        _series(
            "referrals_by_source",
            str(_("Referrals by source")),
            str(_("Source")),
            [
                (str(dict(Referral.Source.choices).get(k, k)), n)
                for k, n in _grouped(cases, path(cases, "source"))
            ],
        ),
        _series(
            "referrals_by_practice",
            str(_("Referrals by practice")),
            str(_("Practice")),
            _grouped(cases, "practice__name"),
        ),
        _series(
            "referrals_by_hscp",
            str(_("Referrals by HSCP of residence")),
            str(_("HSCP")),
            _hscp_counts(cases),
        ),
        referrals_by_reason(cases),
        contacts,
        *links(cases, totals),
        discharges(cases),
        caseloads(cases),
    ]
    measures = [median_wait, p90_wait, mean_contacts, did_not_attend(cases, totals)]
    return Activity(tables=tables, measures=measures)


def _hscp_counts(cases: Rows) -> list[tuple[str, int]]:
    from linkwork.places.models import DataZone

    zone = path(cases, "data_zone")
    by_zone = dict(cases.values(zone).annotate(n=Count("pk")).values_list(zone, "n"))
    names = dict(
        DataZone.objects.filter(code__in=[z for z in by_zone if z]).values_list(
            "code", "hscp__name"
        )
    )
    counter: Counter[str] = Counter()
    for zone, n in by_zone.items():
        counter[names.get(zone) or str(_("Not known"))] += n
    return counter.most_common()
