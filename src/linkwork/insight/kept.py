"""Kept aggregates (decision 0014): insight's per-case facts, built from the source rows by
the database and kept current, so that a dashboard counts one narrow row per case instead of
joining every referral, person, encounter, link and discharge of the programme per request.

- `refresh(full=True)` rebuilds every fact with one INSERT ... SELECT per table (the SELECT is
  an ORM queryset over cases, compiled by Django, so the same on PostgreSQL and SQLite).
- Changes are noticed by signal receivers (`connect`): each save or delete of a case,
  referral, person, encounter, discharge, link or outcome administration appends a
  `FactChange` row in the writing transaction (rolled back with it). `refresh()` without
  ``full`` rebuilds only the facts of the cases those rows name, then removes them.
- `current()` is what a page calls first: nothing to do when no change is waiting; a few
  changes (a link worker's day) are applied at once, in the request; a backlog (an import) is
  handed to the worker (`tasks.refresh_kept_task`) and the page reads the facts as they stand
  ("figures as of" the last refresh). Bulk loads that bypass signals (the demo generators)
  call `refresh(full=True)` themselves (`linkwork insight-refresh`).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.db.models import (
    CharField,
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, TruncDate
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from linkwork.casework.models import Case, Discharge, Encounter, Person, Referral, ServiceLink
from linkwork.core.models import Organisation
from linkwork.insight.models import CaseCode, CaseFact, FactChange, KeptState, OutcomeFact
from linkwork.outcomes.models import Administration, TimePoint
from linkwork.places.models import DataZone

logger = logging.getLogger(__name__)

#: Changes waiting beyond this many are applied by the worker, not in the request.
SYNC_CHANGES = 2000
#: With no facts built yet, a database with at most this many cases builds them in the
#: request (the small scale: milliseconds); a bigger one is read directly until the worker
#: has built them.
SYNC_BUILD_CASES = 20000

CASE_COLUMNS = (
    "case_id",
    "programme_id",
    "practice_id",
    "link_worker_id",
    "person_id",
    "received_at",
    "source",
    "reasons",
    "status",
    "data_zone",
    "hscp",
    "council_area",
    "intermediate_zone",
    "simd_quintile",
    "simd_decile",
    "sex",
    "ethnicity",
    "disability",
    "age",
    "contacts",
    "dnas",
    "wait",
    "discharge_reason",
    "engaged",
    "links_signposted",
    "links_supported",
    "links_accompanied",
    "links_sent",
    "links_accepted",
    "links_attended",
    "links_attending",
)


def case_rows(cases: QuerySet[Case]) -> QuerySet[Case]:
    """The facts of ``cases``, one row per case, as an ORM queryset whose values are
    CASE_COLUMNS prefixed ``k_``: counted and chosen exactly as the direct figures count and
    choose them (`activity`, `reach`, `effects`)."""
    from linkwork.insight.fact_sources import age_at, engaged_cases

    ATTENDED, DNA = Encounter.Attendance.ATTENDED, Encounter.Attendance.DID_NOT_ATTEND
    attended = Q(encounters__attendance=ATTENDED)
    received = TruncDate("referral__received_at", tzinfo=dt.UTC)

    def area(column: str) -> Coalesce:
        zone = DataZone.objects.filter(code=OuterRef("person__data_zone")).values(column)[:1]
        return Coalesce(Subquery(zone), Value(""), output_field=CharField())

    def links(**match: Any) -> Coalesce:
        counted = (
            ServiceLink.objects.filter(case=OuterRef("pk"), **match)
            .order_by()
            .values("case")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return Coalesce(Subquery(counted), Value(0))

    values: dict[str, Any] = {
        "k_case_id": F("id"),
        "k_programme_id": F("practice__programme_id"),
        "k_practice_id": F("practice_id"),
        "k_link_worker_id": F("link_worker_id"),
        "k_person_id": F("person_id"),
        "k_received_at": F("referral__received_at"),
        "k_source": F("referral__source"),
        "k_reasons": F("referral__reasons"),
        "k_status": F("status"),
        "k_data_zone": F("person__data_zone"),
        "k_hscp": area("hscp_id"),
        "k_council_area": area("council_area_id"),
        "k_intermediate_zone": area("intermediate_zone_id"),
        "k_simd_quintile": F("person__simd_quintile"),
        "k_simd_decile": F("person__simd_decile"),
        "k_sex": F("person__sex"),
        "k_ethnicity": F("person__ethnicity"),
        "k_disability": F("person__disability"),
        "k_age": age_at("person__date_of_birth", received),
        "k_contacts": Count("encounters", filter=attended),
        "k_dnas": Count("encounters", filter=Q(encounters__attendance=DNA)),
        "k_wait": ExpressionWrapper(
            Min("encounters__occurred_at", filter=attended) - F("referral__received_at"),
            output_field=DurationField(),
        ),
        "k_discharge_reason": Coalesce(F("discharge__reason"), Value(""), output_field=CharField()),
        "k_engaged": engaged_cases("pk"),
        "k_links_signposted": links(kind=ServiceLink.Kind.SIGNPOSTED),
        "k_links_supported": links(kind=ServiceLink.Kind.SUPPORTED),
        "k_links_accompanied": links(kind=ServiceLink.Kind.ACCOMPANIED),
        "k_links_sent": links(sent_at__isnull=False),
        "k_links_accepted": links(status__in=["accepted", "attending", "stopped"]),
        "k_links_attended": links(first_attended_on__isnull=False),
        "k_links_attending": links(status="attending"),
    }
    return cases.order_by().annotate(**values).values(*values)


def _insert(table: type[Any], columns: tuple[str, ...], rows: QuerySet[Any], extra: str) -> int:
    """INSERT INTO the table's columns the ``k_``-named values of a compiled queryset."""
    quote = connection.ops.quote_name
    sql, params = rows.query.sql_with_params()
    names = ", ".join(quote(c) for c in columns)
    select = ", ".join(extra.format(c=f"s.{quote('k_' + c)}", name=c) for c in columns)
    # Only quoted column names and Django's compiled query are formatted in.
    query = f"INSERT INTO {quote(table._meta.db_table)} ({names}) SELECT {select} FROM ({sql}) AS s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return int(cursor.rowcount or 0)


def _outcome_rows(cases: QuerySet[Case]) -> int:
    """Insert the outcome facts of ``cases``: per instrument with a primary score, each case's
    baseline and follow-up as `effects.person_frame` pairs them; then a row without scores for
    each other case and instrument with a baseline administration (which only makes the
    instrument appear, as `effects.instruments_used` does)."""
    from linkwork.insight.fact_sources import primary_score, score_windows
    from linkwork.outcomes import definitions

    quote = connection.ops.quote_name
    table = quote(OutcomeFact._meta.db_table)
    made = 0
    ids = cases.order_by().values("id")
    for code in definitions.codes():
        score = primary_score(code)
        if score is None:
            continue
        windows = score_windows(  # type: ignore[misc]
            Administration.objects.filter(case__in=ids, instrument=code, valid=True), score.key
        ).values("case_id", "baseline", "baseline_at", "latest", "latest_at", "latest_is_baseline")
        sql, params = windows.query.sql_with_params()
        query = (
            f"INSERT INTO {table} (case_id, instrument, baseline, followup) "  # noqa: S608
            "SELECT s.case_id, %s, s.baseline, CASE WHEN s.latest_is_baseline = 0 "
            f"AND s.latest_at > s.baseline_at THEN s.latest END FROM ({sql}) AS s"
        )
        with connection.cursor() as cursor:
            cursor.execute(query, [code, *params])
            made += int(cursor.rowcount or 0)
    others = (
        Administration.objects.filter(case__in=ids, time_point=TimePoint.BASELINE)
        .exclude(
            Exists(
                OutcomeFact.objects.filter(
                    case_id=OuterRef("case_id"), instrument=OuterRef("instrument")
                )
            )
        )
        .order_by()
        .values("case_id", "instrument")
        .distinct()
    )
    sql, params = others.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (case_id, instrument) SELECT s.case_id, s.instrument "  # noqa: S608
            f"FROM ({sql}) AS s",
            params,
        )
        made += int(cursor.rowcount or 0)
    return made


def _codes(facts: QuerySet[CaseFact]) -> int:
    """Insert the reasons and needs of ``facts`` (CaseCode): the reasons' JSON list expanded
    once here, as `aggregates.reason_counts` expands it per request."""
    from linkwork.insight.aggregates import json_elements
    from linkwork.insight.fact_sources import REASON_CATEGORIES

    quote = connection.ops.quote_name
    table = quote(CaseCode._meta.db_table)
    sql, params = facts.order_by().values("case_id", "reasons").query.sql_with_params()
    made = 0
    pairs = [(c, category) for c, cats in REASON_CATEGORIES.items() for category in cats]
    with connection.cursor() as cursor:
        elements, code = json_elements(connection, "t.reasons", outer=True)
        cursor.execute(
            f"INSERT INTO {table} (case_id, kind, code) SELECT t.case_id, %s, {code} "  # noqa: S608
            f"FROM ({sql}) AS t {elements}",
            [CaseCode.REASON, *params],
        )
        made += int(cursor.rowcount or 0)
        elements, code = json_elements(connection, "t.reasons", outer=False)
        cursor.execute(
            f"INSERT INTO {table} (case_id, kind, code) SELECT DISTINCT t.case_id, %s, "  # noqa: S608
            f"m.category FROM ({sql}) AS t {elements} JOIN (SELECT column1 AS code, column2 AS "
            f"category FROM (VALUES {', '.join(['(%s, %s)'] * len(pairs))}) AS v) AS m "
            f"ON m.code = {code}",
            [CaseCode.NEED, *params, *[v for pair in pairs for v in pair]],
        )
        made += int(cursor.rowcount or 0)
    return made


def _state() -> KeptState:
    """The state row (made by the migration), locked until the refresh commits."""
    state = KeptState.objects.select_for_update().filter(pk=1).first()
    if state is None:  # the migration's row is gone (a flushed test database)
        KeptState.objects.get_or_create(pk=1)
        state = KeptState.objects.select_for_update().get(pk=1)
    return state


@dataclass(frozen=True)
class Refreshed:
    full: bool
    cases: int
    outcomes: int
    seconds: float


def refresh(*, full: bool = False) -> Refreshed:
    """Bring the kept facts up to date: all of them (``full``), or those of the cases named
    by waiting changes (or all of them if a change names none, or none were built yet). One
    transaction; concurrent refreshes wait for each other."""
    started = time.perf_counter()
    with transaction.atomic():
        state = _state()
        last = FactChange.objects.order_by("-pk").values_list("pk", flat=True).first()
        waiting = FactChange.objects.filter(pk__lte=last or 0)
        if (
            not state.built
            or waiting.filter(
                case_id__isnull=True, referral_id__isnull=True, person_id__isnull=True
            ).exists()
        ):
            full = True
        if full:
            CaseFact.objects.all().delete()
            OutcomeFact.objects.all().delete()
            CaseCode.objects.all().delete()
            cases: QuerySet[Case] = Case.objects.all()
            touched: QuerySet[Any] | None = None
        elif last is None:
            return Refreshed(False, 0, 0, time.perf_counter() - started)
        else:
            touched = Case.objects.filter(
                Q(pk__in=waiting.filter(case_id__isnull=False).values("case_id"))
                | Q(referral_id__in=waiting.filter(referral_id__isnull=False).values("referral_id"))
                | Q(person_id__in=waiting.filter(person_id__isnull=False).values("person_id"))
            ).values("pk")
            gone = waiting.filter(case_id__isnull=False).values("case_id")
            CaseFact.objects.filter(Q(case_id__in=touched) | Q(case_id__in=gone)).delete()
            OutcomeFact.objects.filter(Q(case_id__in=touched) | Q(case_id__in=gone)).delete()
            CaseCode.objects.filter(Q(case_id__in=touched) | Q(case_id__in=gone)).delete()
            cases = Case.objects.filter(pk__in=touched)
        made = _insert(CaseFact, CASE_COLUMNS, case_rows(cases), "{c}")
        _codes(
            CaseFact.objects.all() if touched is None else CaseFact.objects.filter(pk__in=touched)
        )
        outcomes = _outcome_rows(cases)
        waiting.delete()
        seconds = time.perf_counter() - started
        state.built, state.refreshed_at, state.seconds = True, timezone.now(), seconds
        state.save()
    if full:
        logger.info("insight facts rebuilt: %s cases in %.1f s", made, seconds)
    return Refreshed(full, made, outcomes, seconds)


def as_of() -> dt.datetime | None:
    return KeptState.objects.filter(pk=1, built=True).values_list("refreshed_at", flat=True).first()


def current() -> dt.datetime | None:
    """Called before a page reads the facts. Applies waiting changes when they are few (or
    builds the facts when the database is small); otherwise asks the worker to. Returns the
    time the facts are as of, or None when they are not built yet (read the source rows)."""
    state = KeptState.objects.filter(pk=1).values_list("built", "refreshed_at").first()
    built = bool(state and state[0])
    waiting = FactChange.objects.values_list("pk", flat=True)[: SYNC_CHANGES + 1].count()
    if built and not waiting:
        return state[1] if state else None
    if (built and waiting <= SYNC_CHANGES) or (
        not built and Case.objects.count() <= SYNC_BUILD_CASES
    ):
        refresh()
        return as_of()
    for handler in _backlog_handlers:
        transaction.on_commit(handler)
    return state[1] if built and state else None


#: Called (after commit) when a backlog is too big to apply in a request: the app registers
#: the worker's task here (`apps.py`), so this module does not import the task that imports it.
_backlog_handlers: list[Callable[[], object]] = []


def on_backlog(handler: Callable[[], object]) -> None:
    """Register what hands a backlog of changes to the worker (once per handler)."""
    if handler not in _backlog_handlers:
        _backlog_handlers.append(handler)


# Signal receivers: one insert per changed row, in the writing transaction.


def _changed(**keys: int | None) -> None:
    FactChange.objects.create(**keys)


def _case_changed(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    case_id = instance.pk if isinstance(instance, Case) else instance.case_id
    if not raw and case_id is not None:  # an administration without a case counts nowhere
        _changed(case_id=case_id)


def _referral_changed(sender: Any, instance: Referral, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        _changed(referral_id=instance.pk)


def _person_changed(sender: Any, instance: Person, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        _changed(person_id=instance.pk)


def _organisation_changed(
    sender: Any, instance: Organisation, raw: bool = False, **kwargs: Any
) -> None:
    # A practice joining or leaving a programme changes whose figures its cases are.
    if not raw and instance.kind == Organisation.Kind.GP_PRACTICE:
        _changed()  # no key: rebuild everything (rare: practices are set up, not edited daily)


def connect() -> None:
    for model in (Encounter, Discharge, ServiceLink, Administration):
        post_save.connect(
            _case_changed, sender=model, dispatch_uid=f"insight-kept-{model.__name__}"
        )
        post_delete.connect(
            _case_changed, sender=model, dispatch_uid=f"insight-kept-del-{model.__name__}"
        )
    post_save.connect(_case_changed, sender=Case, dispatch_uid="insight-kept-Case")
    post_delete.connect(_case_changed, sender=Case, dispatch_uid="insight-kept-del-Case")
    post_save.connect(_referral_changed, sender=Referral, dispatch_uid="insight-kept-Referral")
    post_save.connect(_person_changed, sender=Person, dispatch_uid="insight-kept-Person")
    post_save.connect(
        _organisation_changed, sender=Organisation, dispatch_uid="insight-kept-Organisation"
    )
