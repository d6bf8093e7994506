"""The insight endpoints of the application API (/api/v1/insight/...): the dashboards'
figures for programmes' own tools. Everything here leaves the app, so every count goes
through disclosure control, whoever asks."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Router, Schema

from linkwork.core import policy
from linkwork.core.api_auth import staff_auth
from linkwork.insight import selectors
from linkwork.insight.activity import activity
from linkwork.insight.effects import effects
from linkwork.insight.policy import EXPORT
from linkwork.insight.reach import reach
from linkwork.insight.selectors import SIMD_VERSION, Filters

router = Router(tags=["insight"], auth=staff_auth)
MIN_SHOWN = 5


class ProgrammeOut(Schema):
    id: int
    name: str


def _scope(
    request: HttpRequest,
    programme_id: int,
    start: dt.date | None,
    end: dt.date | None,
    practice: int | None,
    hscp: str | None,
    worker: int | None,
) -> tuple[selectors.Programme, Filters]:
    programme = selectors.programme_for(request.user, programme_id)
    policy.check(request.user, EXPORT, programme)
    default = Filters.default()
    filters = Filters(
        start=start or default.start,
        end=end or default.end,
        practice_id=practice,
        hscp=hscp,
        link_worker_id=worker,
    )
    if filters.start > filters.end:
        raise ValidationError({"end": ["The end of the period must be after its start."]})
    return programme, filters


@router.get("/programmes", response=list[ProgrammeOut])
def programmes(request: HttpRequest) -> list[dict[str, Any]]:
    return [{"id": p.pk, "name": p.name} for p in selectors.programmes_for(request.user)]


@router.get("/programmes/{programme_id}/activity")
def activity_figures(
    request: HttpRequest,
    programme_id: int,
    start: dt.date | None = None,
    end: dt.date | None = None,
    practice: int | None = None,
    hscp: str | None = None,
    worker: int | None = None,
) -> dict[str, Any]:
    programme, filters = _scope(request, programme_id, start, end, practice, hscp, worker)
    result = activity(selectors.cases(programme, filters))
    return {
        "programme": programme.name,
        "period": {"start": filters.start, "end": filters.end},
        "measures": [
            {
                "label": m.label,
                "value": m.value if m.n >= MIN_SHOWN else None,
                "n": m.n if m.n == 0 or m.n >= MIN_SHOWN else None,
                "unit": m.unit,
            }
            for m in result.measures
        ],
        "tables": [t.publish(suppressed=True).as_json() for t in result.tables],
    }


@router.get("/programmes/{programme_id}/reach")
def reach_figures(
    request: HttpRequest,
    programme_id: int,
    start: dt.date | None = None,
    end: dt.date | None = None,
    practice: int | None = None,
    hscp: str | None = None,
    worker: int | None = None,
) -> dict[str, Any]:
    programme, filters = _scope(request, programme_id, start, end, practice, hscp, worker)
    result = reach(selectors.cases(programme, filters))

    def rates(simd: Any) -> list[dict[str, Any]]:
        out = []
        for r in simd.rows:
            hidden = 0 < r.people < MIN_SHOWN
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

    return {
        "programme": programme.name,
        "period": {"start": filters.start, "end": filters.end},
        "simd_version": SIMD_VERSION,
        "simd_quintiles": rates(result.quintiles),
        "simd_deciles": rates(result.deciles),
        "equity_index": result.equity.index,
        "tables": [t.publish(suppressed=True).as_json() for t in result.tables],
    }


@router.get("/programmes/{programme_id}/outcomes")
def outcome_figures(
    request: HttpRequest,
    programme_id: int,
    start: dt.date | None = None,
    end: dt.date | None = None,
    practice: int | None = None,
    hscp: str | None = None,
    worker: int | None = None,
) -> dict[str, Any]:
    programme, filters = _scope(request, programme_id, start, end, practice, hscp, worker)
    out = []
    for e in effects(selectors.cases(programme, filters)):

        def group(g: Any) -> dict[str, Any]:
            data = g.change.as_dict()
            if not g.change.estimable and 0 < g.change.n < MIN_SHOWN:
                data["n"] = None
            if g.mid is not None and g.mid.estimable:
                data["mid_share"] = g.mid.share
                data["mid_ci_low"], data["mid_ci_high"] = g.mid.ci_low, g.mid.ci_high
            return {"group": g.label, **data}

        model = e.model.as_dict() if e.model else None
        if model:
            model["excluded"] = {
                k: (None if 0 < v < MIN_SHOWN else v)
                for k, v in e.model.excluded.items()  # type: ignore[union-attr]
            }
        out.append(
            {
                "instrument": e.code,
                "score": e.score_key,
                "higher_is_better": e.higher_is_better,
                "minimal_important_difference": e.mid,
                "overall": group(e.overall),
                "by_dose": [group(g) for g in e.by_dose],
                "by_engagement": [group(g) for g in e.by_engagement],
                "model": model,
            }
        )
    return {
        "programme": programme.name,
        "period": {"start": filters.start, "end": filters.end},
        "instruments": out,
    }
