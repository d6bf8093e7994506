"""The insight endpoints of the application API (/api/v1/insight/...): the dashboards'
figures for programmes' own tools. Everything here leaves the app, so every count goes
through disclosure control, whoever asks.

The three kinds of figures (activity, reach, outcomes) share one path: one handler scopes the
request and wraps the answer; `FIGURES` says how each kind is computed and published."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Query, Router, Schema

from linkwork.core import policy
from linkwork.core.api_auth import staff_auth
from linkwork.insight import selectors
from linkwork.insight.activity import activity
from linkwork.insight.disclosure import suppress_series
from linkwork.insight.effects import Group, effects
from linkwork.insight.policy import EXPORT
from linkwork.insight.reach import SimdReach, reach
from linkwork.insight.selectors import SIMD_VERSION, Filters, Rows

router = Router(tags=["insight"], auth=staff_auth)
MIN_SHOWN = 5


class ProgrammeOut(Schema):
    id: int
    name: str


class FigureFilters(Schema):
    """The dashboards' filters: period (default: the last twelve months), practice, HSCP and
    link worker."""

    start: dt.date | None = None
    end: dt.date | None = None
    practice: int | None = None
    hscp: str | None = None
    worker: int | None = None


def _hidden(n: int) -> bool:
    return 0 < n < MIN_SHOWN


def _activity(cases: Rows) -> dict[str, Any]:
    result = activity(cases)
    return {
        "measures": [
            {
                "label": m.label,
                "value": m.value if m.n >= MIN_SHOWN else None,
                "n": None if _hidden(m.n) else m.n,
                "unit": m.unit,
            }
            for m in result.measures
        ],
        "tables": [t.publish(suppressed=True).as_json() for t in result.tables],
    }


def _rates(simd: SimdReach) -> list[dict[str, Any]]:
    """Rates by SIMD band. Counts are suppressed as a one-way table with its total (the total
    is published in `tables`): a small band and enough others are hidden that none can be
    recovered by subtraction, and a hidden band's rate and ratio go with it."""
    shown, _total = suppress_series([r.people for r in simd.rows])
    out = []
    for r, published in zip(simd.rows, shown, strict=True):
        hidden = published is None
        out.append(
            {
                "band": r.label,
                "people": None if hidden else r.people,
                "population": r.population,
                "per_1000": None if hidden else r.rate.per_1000,
                "ci_low": None if hidden else r.rate.ci_low,
                "ci_high": None if hidden else r.rate.ci_high,
                "rate_ratio": None if hidden or not r.ratio.estimable else r.ratio.ratio,
                "rate_ratio_ci_low": None if hidden else r.ratio.ci_low,
                "rate_ratio_ci_high": None if hidden else r.ratio.ci_high,
            }
        )
    return out


def _reach(cases: Rows) -> dict[str, Any]:
    result = reach(cases)
    return {
        "simd_version": SIMD_VERSION,
        "simd_quintiles": _rates(result.quintiles),
        "simd_deciles": _rates(result.deciles),
        "equity_index": result.equity.index,
        "tables": [t.publish(suppressed=True).as_json() for t in result.tables],
    }


def _group(g: Group) -> dict[str, Any]:
    data = g.change.as_dict()
    if not g.change.estimable and _hidden(g.change.n):
        data["n"] = None
    if g.mid is not None and g.mid.estimable:
        data["mid_share"] = g.mid.share
        data["mid_ci_low"], data["mid_ci_high"] = g.mid.ci_low, g.mid.ci_high
    return {"group": g.label, **data}


def _outcomes(cases: Rows) -> dict[str, Any]:
    out = []
    for e in effects(cases):
        model = None
        if e.model is not None:
            model = e.model.as_dict()
            model["excluded"] = {k: None if _hidden(v) else v for k, v in e.model.excluded.items()}
        out.append(
            {
                "instrument": e.code,
                "score": e.score_key,
                "higher_is_better": e.higher_is_better,
                "minimal_important_difference": e.mid,
                "overall": _group(e.overall),
                "by_dose": [_group(g) for g in e.by_dose],
                "by_engagement": [_group(g) for g in e.by_engagement],
                "model": model,
            }
        )
    return {"instruments": out}


#: Each kind of figures, by the last segment of its path: the operation's name (its OpenAPI
#: operationId ends with it, so programmes' generated clients keep working) and its figures.
FIGURES: dict[str, tuple[str, Callable[[Rows], dict[str, Any]]]] = {
    "activity": ("activity_figures", _activity),
    "reach": ("reach_figures", _reach),
    "outcomes": ("outcome_figures", _outcomes),
}


def _figures(
    request: HttpRequest, programme_id: int, filters: FigureFilters, kind: str
) -> dict[str, Any]:
    """The one path every kind of figures takes: the programme the user may export from, the
    period checked, the cases in scope, then the kind's own figures."""
    programme = selectors.programme_for(request.user, programme_id)
    policy.check(request.user, EXPORT, programme)
    default = Filters.default()
    scope = Filters(
        start=filters.start or default.start,
        end=filters.end or default.end,
        practice_id=filters.practice,
        hscp=filters.hscp,
        link_worker_id=filters.worker,
    )
    if scope.start > scope.end:
        raise ValidationError({"end": ["The end of the period must be after its start."]})
    return {
        "programme": programme.name,
        "period": {"start": scope.start, "end": scope.end},
        **FIGURES[kind][1](selectors.counted(programme, scope).rows),
    }


def _register(kind: str) -> None:
    def handler(
        request: HttpRequest, programme_id: int, filters: Query[FigureFilters]
    ) -> dict[str, Any]:
        return _figures(request, programme_id, filters, kind)

    handler.__name__ = FIGURES[kind][0]
    router.get(f"/programmes/{{programme_id}}/{kind}")(handler)


@router.get("/programmes", response=list[ProgrammeOut])
def programmes(request: HttpRequest) -> list[dict[str, Any]]:
    return [{"id": p.pk, "name": p.name} for p in selectors.programmes_for(request.user)]


for _kind in FIGURES:
    _register(_kind)
