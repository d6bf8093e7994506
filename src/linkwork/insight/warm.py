"""Warming up after a refresh (decision 0014): each programme's default dashboards and report
computed once from the kept facts, so that their charts are drawn and their models fitted into
the shared cache (keyed by the figures themselves) before anyone asks. Run by the worker's
refresh and `linkwork insight-refresh`, never in a request."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from linkwork.insight import charts, report, selectors
from linkwork.insight.models import Programme
from linkwork.insight.selectors import Filters


def _dashboard_specs(built: report.Report, suppressed: bool) -> list[dict[str, Any]]:
    from linkwork.insight.views import _chart_list, publish

    tables = built.activity.tables + built.reach.tables
    specs = [item["spec"] for item in _chart_list(publish(tables, suppressed)) if item["spec"]]
    hidden = suppressed and any(0 < r.people < 5 for r in built.reach.quintiles.rows)
    if not hidden:
        specs.append(
            charts.simd_rates(built.reach.quintiles, title=_("Referral rate by SIMD quintile"))
        )
    specs.extend(charts.dose_response(e) for e in built.effects)
    return [s for s in specs if s]


def warm(programme: Programme) -> int:
    """Compute the programme's default report (fitting its models) and draw every chart of
    its default dashboards, as a manager and as an analyst sees them; the charts drawn."""
    filters = Filters.default()
    built = report.build(selectors.facts(programme, filters), filters)
    specs = [c["spec"] for c in built.charts]
    for suppressed in (True, False):
        specs.extend(_dashboard_specs(built, suppressed))
    for spec in specs:
        charts.to_svg(spec)
    return len(specs)


def warm_all() -> int:
    return sum(warm(programme) for programme in Programme.objects.order_by("pk"))
