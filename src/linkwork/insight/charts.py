"""Charts as Vega-Lite specifications made with Altair, drawn on the server as static SVG by
vl-convert for the pages and the PDF report alike (no JavaScript in the browser, no browser to
build the PDF). Charts only ever draw published (disclosure-
controlled) figures; the table next to each chart is the accessible alternative."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from typing import Any

import altair as alt
import pandas as pd
from django.core.cache import caches

from linkwork.insight.effects import InstrumentEffect
from linkwork.insight.reach import SimdReach
from linkwork.insight.tables import PublishedTable

WIDTH = 560


def _spec(chart: alt.TopLevelMixin) -> dict[str, Any]:
    return chart.to_dict(validate=False)  # type: ignore[no-any-return]


def bar(table: PublishedTable, *, title: str | None = None) -> dict[str, Any] | None:
    """Horizontal bars of a one-column table (suppressed rows left out)."""
    rows = [
        (label, cells[0]) for label, cells, _t in table.body() if cells and cells[0] is not None
    ]
    if not rows:
        return None
    frame = pd.DataFrame(rows, columns=["category", "count"])
    chart = (
        alt.Chart(frame, title=title or table.title, width=WIDTH)
        .mark_bar()
        .encode(
            x=alt.X("count:Q", title=str(table.source.columns[0])),
            y=alt.Y("category:N", sort=None, title=str(table.source.row_label)),
            tooltip=["category", "count"],
        )
    )
    return _spec(chart)


def stacked_months(table: PublishedTable) -> dict[str, Any] | None:
    rows = [
        (label, column, value)
        for label, cells, _t in table.body()
        for column, value in zip(table.source.columns, cells, strict=True)
        if value is not None
    ]
    if not rows:
        return None
    frame = pd.DataFrame(rows, columns=["month", "source", "referrals"])
    chart = (
        alt.Chart(frame, title=table.title, width=WIDTH)
        .mark_bar()
        .encode(
            x=alt.X("month:O", title="Month"),
            y=alt.Y("referrals:Q", title="Referrals"),
            color=alt.Color("source:N", title="Source"),
            tooltip=["month", "source", "referrals"],
        )
    )
    return _spec(chart)


def simd_rates(simd: SimdReach, *, title: str) -> dict[str, Any] | None:
    rows = [
        (r.label, r.rate.per_1000, r.rate.ci_low, r.rate.ci_high)
        for r in simd.rows
        if r.rate.per_1000 is not None
    ]
    if not rows:
        return None
    frame = pd.DataFrame(rows, columns=["band", "rate", "low", "high"])
    base = alt.Chart(frame, title=f"{title} ({simd.simd_version})", width=WIDTH)
    bars = base.mark_bar().encode(
        x=alt.X("band:N", sort=None, title=f"SIMD {simd.level} ({simd.simd_version})"),
        y=alt.Y("rate:Q", title="People referred per 1,000 residents"),
        tooltip=["band", "rate", "low", "high"],
    )
    whiskers = base.mark_rule().encode(x=alt.X("band:N", sort=None), y="low:Q", y2="high:Q")
    return _spec(bars + whiskers)


def dose_response(result: InstrumentEffect) -> dict[str, Any] | None:
    rows = [
        (g.label, g.change.mean, g.change.ci_low, g.change.ci_high)
        for g in result.by_dose
        if g.change.estimable
    ]
    if not rows:
        return None
    frame = pd.DataFrame(rows, columns=["dose", "change", "low", "high"])
    base = alt.Chart(frame, title=f"{result.name}: mean change by number of contacts", width=WIDTH)
    points = base.mark_point(filled=True, size=80).encode(
        x=alt.X("dose:N", sort=None, title="Contacts with the link worker"),
        y=alt.Y("change:Q", title=f"Mean change in {result.score_label} (95% CI)"),
        tooltip=["dose", "change", "low", "high"],
    )
    bars = base.mark_rule().encode(x=alt.X("dose:N", sort=None), y="low:Q", y2="high:Q")
    return _spec(points + bars)


def to_svg(spec: dict[str, Any]) -> str:
    """The chart as static SVG, for the pages and the PDF alike: drawn on the server, so it
    needs no JavaScript in the browser and no `unsafe-eval` in the Content-Security-Policy
    (Vega compiles expressions with `new Function`)."""
    return _svg(json.dumps(spec, sort_keys=True, default=str))


#: Drawn charts are kept this long in the shared cache (keyed by the specification, which
#: holds the published figures themselves: new figures, new key; nothing to invalidate).
SVG_CACHE_SECONDS = 7 * 24 * 3600


@lru_cache(maxsize=256)
def _svg(spec_json: str) -> str:
    """Drawn once per distinct chart across processes (the shared cache): drawing takes vl-convert
    a second or more of CPU per chart, its JavaScript engine longer on first use in a process."""
    key = "insight:svg:" + hashlib.sha256(spec_json.encode()).hexdigest()
    shared = caches["shared"]
    found = shared.get(key)
    if isinstance(found, str):
        return found
    import vl_convert as vlc  # imported here: loads a JavaScript engine on first use

    svg = str(vlc.vegalite_to_svg(json.loads(spec_json)))
    shared.set(key, svg, SVG_CACHE_SECONDS)
    return svg
