"""Reads of the outcomes app, scoped to the user through casework's `visible_people`, and the
score history shown on a person's outcomes page (change from baseline, minimal important
difference, bands)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from linkwork.casework.models import Case, Person
from linkwork.casework.selectors import visible_cases, visible_people
from linkwork.core import policy
from linkwork.core.policy import Actor
from linkwork.outcomes import definitions
from linkwork.outcomes.models import Administration, InstrumentText, TimePoint


def person_for(*, user: Actor, pk: int, action: str = "outcomes.view_person_outcomes") -> Person:
    """The person, if the action's scope covers them; otherwise 404 (not saying they exist)."""
    person = visible_people(user, action).filter(pk=pk).first()
    if person is None:
        raise Http404
    return person


def cases_for(*, user: Actor, person: Person) -> QuerySet[Case]:
    return visible_cases(user).filter(person=person).order_by("-opened_at")


def _administrations(user: Actor) -> QuerySet[Administration]:
    return policy.scope_queryset(
        user, "outcomes.view_person_outcomes", Administration.objects.all()
    ).filter(person__merged_into__isnull=True)


def administrations_for(*, user: Actor, person: Person) -> QuerySet[Administration]:
    return _administrations(user).filter(person=person).select_related("administered_by")


def administration_for(*, user: Actor, pk: int) -> Administration:
    administration = (
        _administrations(user)
        .filter(pk=pk)
        .select_related("person", "case", "administered_by")
        .first()
    )
    if administration is None:
        raise Http404
    return administration


def cases_with_baseline(*, person: Person, instrument: str) -> frozenset[int]:
    """Ids of the person's cases that already have a valid baseline of this instrument."""
    return frozenset(
        Administration.objects.filter(
            person=person,
            instrument=instrument,
            time_point=TimePoint.BASELINE,
            valid=True,
            case__isnull=False,
        ).values_list("case_id", flat=True)
    )


def instrument_text(code: str, language: str = "en-GB") -> InstrumentText | None:
    """Licensed wording loaded for the instrument (the requested language, else any)."""
    texts = list(InstrumentText.objects.filter(instrument=code))
    for text in texts:
        if text.language.lower() == language.lower():
            return text
    return texts[0] if texts else None


def loaded_text_codes() -> set[str]:
    return set(InstrumentText.objects.values_list("instrument", flat=True))


# --- score history ---------------------------------------------------------------------------

IMPROVED, WORSENED, NO_CHANGE = "improved", "worsened", "no meaningful change"


@dataclass
class Cell:
    key: str
    value: Any
    band: str | None
    change: float | int | None = None
    meaningful: str | None = None  # IMPROVED, WORSENED, NO_CHANGE, or None (no MID / baseline)


@dataclass
class HistoryRow:
    administration: Administration
    is_baseline: bool
    cells: list[Cell]


@dataclass
class InstrumentHistory:
    instrument: definitions.Instrument
    scores: list[definitions.Score]
    rows: list[HistoryRow] = field(default_factory=list)

    @property
    def charts(self) -> list[ChartLine]:
        return chart_lines(self)


def _baseline(rows: list[Administration]) -> Administration | None:
    valid = [a for a in rows if a.valid]
    for a in valid:
        if a.time_point == TimePoint.BASELINE:
            return a
    return valid[0] if valid else None


def _compare(s: definitions.Score, value: Any, base: Any) -> tuple[Any, str | None]:
    if not isinstance(value, int | float) or not isinstance(base, int | float):
        return None, None
    change = value - base
    if isinstance(change, float):
        change = round(change, 2)
    if s.mid is None or s.better is None:
        return change, None
    if abs(change) < s.mid:
        return change, NO_CHANGE
    better = change > 0 if s.better == "higher" else change < 0
    return change, IMPROVED if better else WORSENED


def score_history(administrations: list[Administration]) -> list[InstrumentHistory]:
    """Per instrument, in time order: each administration's scores and bands, and each score's
    change from the baseline with whether it reaches the minimal important difference."""
    by_code: dict[str, list[Administration]] = {}
    for a in sorted(administrations, key=lambda a: (a.administered_at, a.pk)):
        by_code.setdefault(a.instrument, []).append(a)
    histories = []
    for code, rows in by_code.items():
        try:
            inst = definitions.get(code)
        except definitions.UnknownInstrument:
            continue
        shown = list(inst.scores)
        history = InstrumentHistory(instrument=inst, scores=shown)
        base = _baseline(rows)
        for a in rows:
            scores = a.result.get("scores", {})
            bands = a.result.get("bands", {})
            cells = []
            for s in shown:
                value = scores.get(s.key)
                cell = Cell(key=s.key, value=value, band=bands.get(s.key))
                if base is not None and a.pk != base.pk and a.valid:
                    cell.change, cell.meaningful = _compare(
                        s, value, base.result.get("scores", {}).get(s.key)
                    )
                cells.append(cell)
            history.rows.append(
                HistoryRow(
                    administration=a, is_baseline=base is not None and a.pk == base.pk, cells=cells
                )
            )
        histories.append(history)
    return histories


# --- a small chart of scores over time ----------------------------------------------------

CHART_WIDTH, CHART_HEIGHT, CHART_PAD = 320, 120, 12


@dataclass
class ChartLine:
    """One score over time as SVG polyline points, scaled to the score's range."""

    label: str
    points: str
    dots: list[tuple[float, float, Any]]
    low: float
    high: float
    better: str | None


def chart_lines(history: InstrumentHistory) -> list[ChartLine]:
    """Lines for the scores that have a range and at least two valid results."""
    rows = [r for r in history.rows if r.administration.valid]
    if len(rows) < 2:
        return []
    lines = []
    for index, s in enumerate(history.scores):
        values = [r.cells[index].value for r in rows]
        if s.range is None or any(not isinstance(v, int | float) for v in values):
            continue
        low, high = s.range
        span = (high - low) or 1
        step = (CHART_WIDTH - 2 * CHART_PAD) / (len(values) - 1)
        dots = [
            (
                round(CHART_PAD + i * step, 1),
                round(
                    CHART_HEIGHT - CHART_PAD - (v - low) / span * (CHART_HEIGHT - 2 * CHART_PAD), 1
                ),
                v,
            )
            for i, v in enumerate(values)
        ]
        lines.append(
            ChartLine(
                label=s.label,
                points=" ".join(f"{x},{y}" for x, y, _ in dots),
                dots=dots,
                low=low,
                high=high,
                better=s.better,
            )
        )
    return lines
