"""The programme report: every dashboard's figures for a period, with a plain-language
summary and a methods section generated from what was computed, as a page and a PDF.
Everything in it is disclosure-controlled: a report leaves the app."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from linkwork.insight import charts
from linkwork.insight.activity import Activity, Measure, activity
from linkwork.insight.effects import InstrumentEffect, effects
from linkwork.insight.reach import Reach, reach
from linkwork.insight.selectors import SIMD_VERSION, Filters, Rows
from linkwork.insight.statistics import MIN_GROUP, MIN_LEVEL, MIN_MODEL_PEOPLE, MIN_PRACTICES
from linkwork.insight.tables import PublishedTable

MIN_SHOWN = 5

REFERENCES = [
    "Mercer SW, Fitzpatrick B, Grant L, et al. Effectiveness of community-links practitioners "
    "in areas of high socioeconomic deprivation. Annals of Family Medicine 2019;17(6):518-525.",
    "Cohen J. Statistical Power Analysis for the Behavioral Sciences. 2nd ed. Erlbaum, 1988.",
    "Lakens D. Calculating and reporting effect sizes to facilitate cumulative science. "
    "Frontiers in Psychology 2013;4:863.",
    "Wilson EB. Probable inference, the law of succession, and statistical inference. Journal "
    "of the American Statistical Association 1927;22:209-212.",
    "Garwood F. Fiducial limits for the Poisson distribution. Biometrika 1936;28:437-442.",
    "Rothman KJ, Greenland S, Lash TL. Modern Epidemiology. 3rd ed. Lippincott Williams & "
    "Wilkins, 2008 (rate ratios and their confidence intervals).",
    "Lindstrom MJ, Bates DM. Newton-Raphson and EM algorithms for linear mixed-effects models "
    "for repeated-measures data. JASA 1988;83:1014-1022.",
    "Seabold S, Perktold J. statsmodels: econometric and statistical modeling with Python. "
    "Proceedings of the 9th Python in Science Conference, 2010.",
    "Scottish Government. Scottish Index of Multiple Deprivation 2020 (version 2), 2020.",
    "Public Health Scotland. Statistical Disclosure Control Protocol.",
]


@dataclass
class Report:
    filters: Filters
    activity: Activity
    tables: list[PublishedTable]
    measures: list[Measure]
    reach: Reach
    effects: list[InstrumentEffect]
    summary: list[str]
    methods: list[str]
    charts: list[dict[str, Any]]


def _fmt(value: float | None, digits: int = 1) -> str:
    return "\u2013" if value is None else f"{value:.{digits}f}"


def summary(act: Activity, rch: Reach, results: list[InstrumentEffect], people: int) -> list[str]:
    out = [
        _("%(n)s referrals were received in the period.") % {"n": people}
        if people >= MIN_SHOWN
        else _("Fewer than 5 referrals were received in the period.")
    ]
    wait = act.measures[0]
    if wait.value is not None and wait.n >= MIN_SHOWN:
        out.append(
            _("Half of the people seen had their first contact within %(d)s days of referral.")
            % {"d": _fmt(wait.value, 0)}
        )
    eq = rch.equity
    if eq.index is not None and eq.people_share is not None and eq.population_share is not None:
        out.append(
            _(
                "%(p)s%% of people referred live in the most deprived fifth of areas (%(v)s), "
                "where %(q)s%% of local residents live."
            )
            % {
                "p": _fmt(100 * eq.people_share, 0),
                "q": _fmt(100 * eq.population_share, 0),
                "v": SIMD_VERSION,
            }
        )
    for e in results:
        o = e.overall.change
        if not o.estimable:
            continue
        direction = _("higher is better") if e.higher_is_better else _("lower is better")
        text = _(
            "On %(name)s (%(dir)s), scores changed by %(m)s points on average between the first "
            "and the latest measurement (95%% confidence interval %(lo)s to %(hi)s; %(n)s people)."
        ) % {
            "name": e.name,
            "dir": direction,
            "m": _fmt(o.mean, 1),
            "lo": _fmt(o.ci_low, 1),
            "hi": _fmt(o.ci_high, 1),
            "n": o.n,
        }
        one, three = e.by_dose[0].change, e.by_dose[2].change
        if one.estimable and three.estimable:
            text += " " + _(
                "People who saw their link worker three or more times changed by %(c3)s on "
                "average, those seen once by %(c1)s."
            ) % {"c3": _fmt(three.mean, 1), "c1": _fmt(one.mean, 1)}
        out.append(text)
    out.append(
        _(
            "These are before-and-after comparisons with no comparison group: they show what "
            "changed for people, not that link working caused the change."
        )
    )
    return out


def methods(results: list[InstrumentEffect]) -> list[str]:
    fitted = any(e.model is not None and e.model.estimable for e in results)
    paragraphs = [
        _(
            "Data. The figures come from the records link workers keep in Linkwork: referrals "
            "received in the period to the programme's practices, their contacts, links to "
            "community organisations, discharges and outcome measures. Each referral is one case."
        ),
        _(
            "Deprivation. People are placed in the %(v)s quintile and decile of the data zone of "
            "their postcode when it was recorded. Rates per 1,000 use the resident population of "
            "every data zone in the Health and Social Care Partnerships where the referred people "
            "live (the data-zone populations published with SIMD). 95%% confidence intervals for "
            "rates are exact Poisson limits (Garwood 1936); rate ratios compare each group with "
            "the least deprived and their intervals are calculated on the log scale (Rothman et "
            "al. 2008). The equity index is the share of people referred from the most deprived "
            "quintile divided by that quintile's share of the population."
        )
        % {"v": SIMD_VERSION},
        _(
            "Change in outcomes. For each measure, each person's first (baseline) score is "
            "compared with their latest later score. The mean change has a 95%% confidence "
            "interval from the t distribution; the effect size is Cohen's d for paired data, the "
            "mean change divided by the standard deviation of the changes (Cohen 1988; Lakens "
            "2013). The share reaching the minimal important difference (the smallest change "
            "people notice, as published for each measure) has a Wilson interval (Wilson 1927). "
            "Groups with fewer than %(min)s people are not estimated."
        )
        % {"min": MIN_GROUP},
        _(
            "Dose and engagement. Following the Scottish Links Worker Programme evaluation "
            "(Mercer et al. 2019), people are grouped by the number of contacts they attended "
            "with their link worker (one, two, three or more) and by whether they attended a "
            "community service they were linked to."
        ),
    ]
    model = _(
        "Multilevel model. The latest score is modelled on the baseline score, the number of "
        "contacts (two, and three or more, against one), engagement, age, sex (male against "
        "female) and SIMD quintile, with a random intercept for each practice, because people "
        "in one practice are more alike than people in different practices (linear mixed model "
        "fitted by restricted maximum likelihood with statsmodels MixedLM; Lindstrom and Bates "
        "1988; Seabold and Perktold 2010). Confidence intervals and p-values are Wald "
        "statistics. People without a follow-up or with a missing covariate are left out and "
        "counted. The model is not estimated with fewer than %(people)s people, fewer than "
        "%(practices)s practices, or fewer than %(level)s people in either group of a yes/no "
        "term, or when the fitting does not converge."
    ) % {"people": MIN_MODEL_PEOPLE, "practices": MIN_PRACTICES, "level": MIN_LEVEL}
    if not fitted:
        model += " " + _("In this report no model could be estimated.")
    paragraphs.append(model)
    paragraphs.append(
        _(
            "Disclosure control. Counts from 1 to 4 are not shown (marked *). Further cells are "
            "hidden until no hidden count can be worked out from the totals and the other cells, "
            "checked exactly by linear algebra and linear programming (following the Public "
            "Health Scotland Statistical Disclosure Control Protocol)."
        )
    )
    return paragraphs


def build(cases: Rows, filters: Filters) -> Report:
    act = activity(cases)
    rch = reach(cases)
    results = effects(cases)
    tables = [t.publish(suppressed=True) for t in act.tables + rch.tables]
    people = cases.count()
    measures = [
        m if m.n >= MIN_SHOWN else Measure(m.label, None, m.n, m.unit) for m in act.measures
    ]
    chart_specs: list[dict[str, Any]] = []
    for table in tables:
        spec = charts.stacked_months(table) if table.key == "referrals_by_month" else None
        if table.key in ("referrals_by_reason", "people_by_simd_quintile"):
            spec = charts.bar(table)
        if spec:
            chart_specs.append({"title": table.title, "spec": spec})
    if not any(0 < r.people < MIN_SHOWN for r in rch.quintiles.rows):
        spec = charts.simd_rates(rch.quintiles, title=_("Referral rate by SIMD quintile"))
        if spec:
            chart_specs.append({"title": _("Referral rate by SIMD quintile"), "spec": spec})
    for e in results:
        spec = charts.dose_response(e)
        if spec:
            chart_specs.append({"title": e.name, "spec": spec})
    return Report(
        filters=filters,
        activity=act,
        tables=tables,
        measures=measures,
        reach=rch,
        effects=results,
        summary=summary(act, rch, results, people),
        methods=methods(results),
        charts=chart_specs,
    )


def svg_data_uri(spec: dict[str, Any]) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(charts.to_svg(spec).encode()).decode()
