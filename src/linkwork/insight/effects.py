"""The Outcomes dashboard: per instrument, each person's baseline against their latest
follow-up (review, discharge or later follow-up), as mean change with a 95% CI, paired
Cohen's d and the share reaching the minimal important difference, overall, by dose (1
contact, 2, 3 or more) and by whether they engaged with a linked service; and the multilevel
model of the Scottish Links Worker Programme evaluation's question."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

import pandas as pd
from django.core.cache import caches
from django.db.models import (
    Count,
    F,
    QuerySet,
)
from django.db.models.functions import TruncDate
from django.utils.translation import gettext_lazy as _

from linkwork.casework.models import Case, Encounter
from linkwork.insight import statistics as st
from linkwork.insight.fact_sources import age_at, engaged_cases, primary_score, score_windows
from linkwork.insight.models import CaseFact, OutcomeFact
from linkwork.insight.selectors import Rows, kept_rows
from linkwork.outcomes import definitions
from linkwork.outcomes.models import Administration, TimePoint


@dataclass(frozen=True)
class Group:
    label: str
    change: st.PairedChange
    mid: st.Proportion | None


@dataclass(frozen=True)
class InstrumentEffect:
    code: str
    name: str
    score_key: str
    score_label: str
    higher_is_better: bool
    mid: float | None
    mid_source: str | None
    overall: Group
    by_dose: list[Group]
    by_engagement: list[Group]
    model: st.ModelResult | None
    people_with_baseline: int
    excluded: dict[str, int] = field(default_factory=dict)


def attended_contacts(cases: QuerySet[Case], instruments: list[str]) -> dict[int, int]:
    """Contacts attended by each case with a baseline score on any of the instruments (cases
    without an attended contact are left out: they had none), counted by the database."""
    with_baseline = Administration.objects.filter(
        case__in=cases.values("id"),
        instrument__in=instruments,
        time_point=TimePoint.BASELINE,
        valid=True,
    ).values("case_id")
    return dict(
        Encounter.objects.filter(case__in=with_baseline, attendance=Encounter.Attendance.ATTENDED)
        .order_by()
        .values("case_id")
        .annotate(n=Count("id"))
        .values_list("case_id", "n")
    )


def kept_frame(facts: QuerySet[CaseFact], code: str) -> pd.DataFrame:
    """`person_frame` from the kept facts: each case's paired scores were chosen when the facts
    were built (`kept._outcome_rows`, with `score_windows`), its covariates are on its row."""
    rows = (
        OutcomeFact.objects.filter(case__in=facts, instrument=code, baseline__isnull=False)
        .order_by("case_id")
        .values_list(
            "case_id",
            "case__practice_id",
            "case__age",
            "case__sex",
            "case__simd_quintile",
            "case__contacts",
            "case__engaged",
            "baseline",
            "followup",
        )
    )
    records = [
        (case_id, practice, age, SEX_CODES.get(sex), simd, contacts, int(bool(engaged)), b, f)
        for case_id, practice, age, sex, simd, contacts, engaged, b, f in rows
    ]
    return pd.DataFrame.from_records(records, columns=list(st.FRAME_COLUMNS))


def person_frame(
    cases: QuerySet[Case], code: str, key: str, contacts: dict[int, int] | None = None
) -> pd.DataFrame:
    """One row per case with a baseline: FRAME_COLUMNS, followup empty when there is none.

    One query: each case's first baseline score and latest later score are chosen by the
    database (window functions over the case's valid administrations of the instrument), with
    the case's covariates (age at referral, sex, SIMD quintile, practice, contacts attended,
    engagement) alongside. The baseline is the earliest baseline administration; the follow-up
    the latest administration at another time point after it (ties broken by time point, then
    score, as before)."""
    if contacts is None:
        contacts = attended_contacts(cases, [code])
    received = TruncDate("case__referral__received_at", tzinfo=dt.UTC)
    rows = (
        score_windows(
            Administration.objects.filter(case__in=cases.values("id"), instrument=code, valid=True),
            key,
        )
        .annotate(
            practice=F("case__practice_id"),
            age=age_at("case__person__date_of_birth", received),
            sex=F("case__person__sex"),
            simd=F("case__person__simd_quintile"),
            engaged=engaged_cases("case_id"),
        )
        .order_by("case_id")
        .values_list(
            "case_id",
            "practice",
            "age",
            "sex",
            "simd",
            "engaged",
            "baseline",
            "baseline_at",
            "latest",
            "latest_at",
            "latest_is_baseline",
        )
    )
    records = [
        (
            case_id,
            practice,
            age,
            SEX_CODES.get(sex),
            simd,
            contacts.get(case_id, 0),
            int(bool(engaged)),
            baseline,
            latest if not latest_is_baseline and latest_at > baseline_at else None,
        )
        for (
            case_id,
            practice,
            age,
            sex,
            simd,
            engaged,
            baseline,
            baseline_at,
            latest,
            latest_at,
            latest_is_baseline,
        ) in rows
    ]
    return pd.DataFrame.from_records(records, columns=list(st.FRAME_COLUMNS))


SEX_CODES = {"female": "F", "male": "M"}


#: How long a fitted model is kept; the key is the data itself, so it never goes stale.
MODEL_CACHE_SECONDS = 24 * 3600


def cached_model(frame: pd.DataFrame) -> st.ModelResult:
    """The multilevel model of `frame`, fitted once per distinct data: the cache key is a
    hash of the frame's contents, so any new, changed or removed score, contact or covariate
    gives a new key (nothing to invalidate). Kept in the shared (database) cache, so a fit
    by the worker's warm-up or another process serves every process. At national scale the fit
    takes seconds of CPU (tens of thousands of people, hundreds of practices); the frame's
    hash, milliseconds."""
    rows = pd.util.hash_pandas_object(frame.sort_values("person_id"), index=False)
    digest = hashlib.sha256(st.FORMULA.encode() + rows.to_numpy().tobytes()).hexdigest()
    key = f"insight:model:{digest}"
    cache = caches["shared"]  # across processes: the worker's warm-up serves the web's views
    found = cache.get(key)
    if isinstance(found, st.ModelResult):
        return found
    result = st.fit_outcome_model(frame)
    cache.set(key, result, MODEL_CACHE_SECONDS)
    return result


def _group(label: str, frame: pd.DataFrame, mid: float | None, higher: bool) -> Group:
    paired = frame.dropna(subset=["baseline", "followup"])
    change = st.paired_change(paired["baseline"].tolist(), paired["followup"].tolist())
    proportion = None
    if mid is not None:
        proportion = st.share_reaching_mid(
            (paired["followup"] - paired["baseline"]).tolist(), mid=mid, higher_is_better=higher
        )
    return Group(label, change, proportion)


def effect(
    cases: Rows,
    code: str,
    *,
    with_model: bool = True,
    contacts: dict[int, int] | None = None,
) -> InstrumentEffect | None:
    score = primary_score(code)
    if score is None:
        return None
    inst = definitions.get(code)
    if kept_rows(cases):
        frame = kept_frame(cases, code)  # type: ignore[arg-type]
    else:
        frame = person_frame(cases, code, score.key, contacts)  # type: ignore[arg-type]
    higher = score.better == "higher"
    frame = frame.astype({"contacts": "float"}) if len(frame) else frame
    dose = frame["contacts"].fillna(0).map(lambda c: st.dose_group(int(c))) if len(frame) else []
    by_dose = [
        _group(str(_("%(n)s contact(s)") % {"n": g}), frame[dose == g], score.mid, higher)
        for g in ("1", "2", "3+")
    ]
    by_engagement = [
        _group(
            str(_("Engaged with a linked service")), frame[frame["engaged"] == 1], score.mid, higher
        ),
        _group(str(_("Did not engage")), frame[frame["engaged"] == 0], score.mid, higher),
    ]
    model = cached_model(frame) if with_model and len(frame) else None
    return InstrumentEffect(
        code=code,
        name=inst.short_name,
        score_key=score.key,
        score_label=score.label,
        higher_is_better=higher,
        mid=score.mid,
        mid_source=score.mid_source,
        overall=_group(str(_("Everyone")), frame, score.mid, higher),
        by_dose=by_dose,
        by_engagement=by_engagement,
        model=model,
        people_with_baseline=len(frame),
    )


def instruments_used(cases: Rows) -> list[str]:
    if kept_rows(cases):
        kept = OutcomeFact.objects.filter(case__in=cases).order_by()  # type: ignore[misc]
        used = kept.values_list("instrument", flat=True).distinct()
    else:
        used = (
            Administration.objects.filter(  # type: ignore[assignment, misc]
                case__in=cases.values("id"),  # type: ignore[misc]
                time_point=TimePoint.BASELINE,
            )
            .order_by()
            .values_list("instrument", flat=True)
            .distinct()
        )
    known = set(definitions.codes())
    return sorted(c for c in set(used) if c in known)


def effects(cases: Rows, *, with_model: bool = True) -> list[InstrumentEffect]:
    out = []
    codes = [code for code in instruments_used(cases) if primary_score(code) is not None]
    contacts = attended_contacts(cases, codes) if codes and not kept_rows(cases) else {}  # type: ignore[arg-type]
    for code in codes:
        result = effect(cases, code, with_model=with_model, contacts=contacts)
        if result is not None:
            out.append(result)
    return out
