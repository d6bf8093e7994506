"""Insight pages: thin. Parse the filters, ask the scoped selectors, publish (with disclosure
control outside the analyst role) and render."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from linkwork.core import policy
from linkwork.core.permissions import require_role
from linkwork.core.roles import Role
from linkwork.insight import charts, gaps, report, selectors, services
from linkwork.insight.activity import Measure, activity
from linkwork.insight.effects import effects
from linkwork.insight.forms import FilterForm
from linkwork.insight.models import Programme
from linkwork.insight.policy import EXPORT, EXTRACT
from linkwork.insight.reach import reach
from linkwork.insight.selectors import SIMD_VERSION, Filters
from linkwork.insight.tables import CountTable, PublishedTable

ROLES = (Role.PROGRAMME_MANAGER, Role.ANALYST)
#: Outside the analyst role a summary of fewer than this many things is not shown.
MIN_SHOWN = 5


@dataclass
class Scope:
    programme: Programme
    filters: Filters | None
    form: FilterForm
    suppressed: bool

    def context(self, **extra: Any) -> dict[str, Any]:
        query = self.filters.as_query() if self.filters else {}
        query["programme"] = str(self.programme.pk)
        return {
            "programme": self.programme,
            "filters": self.filters,
            "form": self.form,
            "suppressed": self.suppressed,
            "query": "&".join(f"{k}={v}" for k, v in query.items()),
            "simd_version": SIMD_VERSION,
            **extra,
        }


def _scope(request: HttpRequest) -> Scope:
    raw = request.GET.get("programme")
    programme = selectors.programme_for(request.user, int(raw) if raw and raw.isdigit() else None)
    form = FilterForm(
        request.GET or None,
        programmes=list(selectors.programmes_for(request.user)),
        programme=programme,
        initial={"programme": programme.pk, **Filters.default().__dict__},
    )
    if not request.GET:
        filters: Filters | None = Filters.default()
    elif form.is_valid():
        filters = form.filters()
    else:
        filters = None
    suppressed = not selectors.sees_small_counts(request.user, programme)
    return Scope(programme, filters, form, suppressed)


def publish(tables: list[CountTable], suppressed: bool) -> list[PublishedTable]:
    return [t.publish(suppressed=suppressed) for t in tables]


def shown_measures(measures: list[Measure], suppressed: bool) -> list[Measure]:
    if not suppressed:
        return measures
    return [m if m.n >= MIN_SHOWN else Measure(m.label, None, m.n, m.unit) for m in measures]


def _chart_list(published: list[PublishedTable]) -> list[dict[str, Any]]:
    out = []
    for table in published:
        if table.key == "referrals_by_month":
            spec = charts.stacked_months(table)
        elif len(table.source.columns) == 1:
            spec = charts.bar(table)
        else:
            spec = None
        out.append({"table": table, "spec": spec, "id": f"chart-{table.key}"})
    return out


@never_cache
@require_role(*ROLES)
def dashboard(request: HttpRequest) -> HttpResponse:
    scope = _scope(request)
    return render(
        request,
        "insight/dashboard.html",
        scope.context(page="overview"),
    )


@never_cache
@require_role(*ROLES)
def activity_view(request: HttpRequest) -> HttpResponse:
    scope = _scope(request)
    context = scope.context(page="activity")
    if scope.filters:
        counted = selectors.counted(scope.programme, scope.filters)
        context["as_of"] = counted.as_of
        result = activity(counted.rows)
        context["sections"] = _chart_list(publish(result.tables, scope.suppressed))
        context["measures"] = shown_measures(result.measures, scope.suppressed)
    return render(request, "insight/activity.html", context)


def _rate_rows(simd: Any, suppressed: bool) -> list[dict[str, Any]]:
    rows = []
    for r in simd.rows:
        hidden = suppressed and 0 < r.people < MIN_SHOWN
        rows.append({"row": r, "hidden": hidden})
    return rows


@never_cache
@require_role(*ROLES)
def reach_view(request: HttpRequest) -> HttpResponse:
    scope = _scope(request)
    context = scope.context(page="reach")
    if scope.filters:
        counted = selectors.counted(scope.programme, scope.filters)
        context["as_of"] = counted.as_of
        result = reach(counted.rows)
        quintile_hidden = any(x["hidden"] for x in _rate_rows(result.quintiles, scope.suppressed))
        context.update(
            reach=result,
            quintiles=_rate_rows(result.quintiles, scope.suppressed),
            deciles=_rate_rows(result.deciles, scope.suppressed),
            sections=_chart_list(publish(result.tables, scope.suppressed)),
            quintile_chart=None
            if quintile_hidden
            else charts.simd_rates(result.quintiles, title=_("Referral rate by SIMD quintile")),
        )
    return render(request, "insight/reach.html", context)


@never_cache
@require_role(*ROLES)
def outcomes_view(request: HttpRequest) -> HttpResponse:
    scope = _scope(request)
    context = scope.context(page="outcomes")
    if scope.filters:
        counted = selectors.counted(scope.programme, scope.filters)
        context["as_of"] = counted.as_of
        results = effects(counted.rows)
        context["effects"] = [
            {"effect": e, "chart": charts.dose_response(e), "id": f"chart-dose-{e.code}"}
            for e in results
        ]
    return render(request, "insight/outcomes.html", context)


@never_cache
@require_role(*ROLES)
def export_csv(request: HttpRequest) -> HttpResponse:
    """Every aggregate table of the Activity and Reach dashboards in one CSV, always with
    disclosure control (this leaves the app)."""
    scope = _scope(request)
    policy.check(request.user, EXPORT, scope.programme)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="insight-aggregates.csv"'
    writer = csv.writer(response)
    if scope.filters is None:
        writer.writerow([_("The filters are not valid.")])
        response.status_code = 400
        return response
    counted = selectors.counted(scope.programme, scope.filters)
    cases = counted.rows
    tables = activity(cases).tables + reach(cases).tables
    writer.writerow([_("Programme"), scope.programme.name])
    writer.writerow([_("Period"), scope.filters.start, scope.filters.end])
    if counted.as_of:
        writer.writerow([_("Figures as of"), counted.as_of.isoformat(timespec="minutes")])
    writer.writerow(
        [
            _("Disclosure control"),
            _("counts from 1 to 4 and the cells that would reveal them are shown as *"),
        ]
    )
    for table in publish(tables, True):
        writer.writerow([])
        writer.writerow([table.title])
        writer.writerows(table.csv_rows())
    return response


@never_cache
@require_role(Role.ANALYST)
@require_http_methods(["GET", "POST"])
def extract(request: HttpRequest) -> HttpResponse:
    """A pseudonymised record-level extract for approved research: analysts with an active
    approval only; the purpose is asked for, recorded and the extract audited."""
    scope = _scope(request)
    approval = services.active_approval(request.user, scope.programme)
    if approval is None:
        raise PermissionDenied(EXTRACT)
    errors: list[str] = []
    if request.method == "POST" and scope.filters:
        try:
            _record, rows = services.take_extract(
                actor=request.user,
                programme=scope.programme,
                purpose=request.POST.get("purpose", ""),
                filters=scope.filters,
            )
        except ValidationError as exc:
            errors = exc.messages
        else:
            response = HttpResponse(content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = 'attachment; filename="research-extract.csv"'
            csv.writer(response).writerows(rows)
            return response
    return render(
        request,
        "insight/extract.html",
        scope.context(page="extract", approval=approval, errors=errors),
        status=400 if errors else 200,
    )


@never_cache
@require_role(*ROLES)
def report_view(request: HttpRequest) -> HttpResponse:
    scope = _scope(request)
    policy.check(request.user, EXPORT, scope.programme)
    context = scope.context(page="report", references=report.REFERENCES)
    if scope.filters:
        counted = selectors.counted(scope.programme, scope.filters)
        context["as_of"] = counted.as_of
        context["report"] = report.build(counted.rows, scope.filters)
    return render(request, "insight/report.html", context)


@never_cache
@require_role(*ROLES)
def report_pdf(request: HttpRequest) -> HttpResponse:
    from weasyprint import CSS, HTML  # here: slow to import, only for the PDF

    """The report as a PDF (WeasyPrint), charts as static SVG (vl-convert): no browser."""
    scope = _scope(request)
    policy.check(request.user, EXPORT, scope.programme)
    if scope.filters is None:
        return HttpResponse(_("The filters are not valid."), status=400, content_type="text/plain")
    counted = selectors.counted(scope.programme, scope.filters)
    built = report.build(counted.rows, scope.filters)
    html = render_to_string(
        "insight/report_pdf.html",
        scope.context(
            report=built,
            as_of=counted.as_of,
            references=report.REFERENCES,
            svgs=[
                {"title": c["title"], "uri": report.svg_data_uri(c["spec"])} for c in built.charts
            ],
        ),
        request=request,
    )
    stylesheet = finders.find("linkwork/css/insight-report.css")
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf(
        stylesheets=[CSS(filename=stylesheet)] if stylesheet else None
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="programme-report.pdf"'
    return response


GAP_SORTS = {
    "name": lambda a: a.name,
    "population": lambda a: -a.population,
    "deprivation": lambda a: -(a.most_deprived_share or 0),
    "referrals": lambda a: -a.referrals,
    "rate": lambda a: -(a.per_1000 or 0),
    "gaps": lambda a: -len(a.gaps),
}


@never_cache
@require_role(*ROLES)
def gaps_view(request: HttpRequest) -> HttpResponse:
    scope = _scope(request)
    level = request.GET.get("level", "council_area")
    if level not in gaps.LEVELS:
        level = "council_area"
    sort = request.GET.get("sort", "gaps")
    if sort not in GAP_SORTS:
        sort = "gaps"
    context = scope.context(
        page="gaps",
        level=level,
        sort=sort,
        levels=list(gaps.LEVEL_LABELS.items()),
        level_label=gaps.LEVEL_LABELS[level],
        sorts=list(GAP_SORTS),
    )
    if scope.filters:
        counted = selectors.counted(scope.programme, scope.filters)
        context["as_of"] = counted.as_of
        areas = gaps.gaps(counted.rows, level)
        if scope.suppressed:
            for area in areas:
                if 0 < area.referrals < MIN_SHOWN:
                    area.referrals = -1  # shown as * and left off the map
        areas.sort(key=GAP_SORTS[sort])
        shapes = gaps.boundaries(level, [a.code for a in areas])
        context["areas"] = areas
        if shapes:
            context["map_data"] = {
                "shapes": shapes,
                "areas": {
                    a.code: {
                        "name": a.name,
                        "rate": None if a.referrals < 0 else a.per_1000,
                        "gaps": [n.label for n in a.gaps],
                    }
                    for a in areas
                },
            }
            context["map_tiles"] = {
                "url": settings.MAP_TILE_URL,
                "attribution": settings.MAP_TILE_ATTRIBUTION,
            }
    return render(request, "insight/gaps.html", context)
