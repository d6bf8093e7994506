"""Formatting for insight pages: suppressed counts, percentages, p-values, model terms."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

register = template.Library()


@register.filter
def chart_svg(spec: dict[str, Any] | None) -> str:
    """A Vega-Lite spec drawn as SVG on the server (our own figures; vl-convert escapes text)."""
    from linkwork.insight.charts import to_svg

    return mark_safe(to_svg(spec)) if spec else ""


TERMS = {
    "baseline": _("Baseline score"),
    "dose_2": _("2 contacts (against 1)"),
    "dose_3plus": _("3 or more contacts (against 1)"),
    "engaged": _("Engaged with a linked service"),
    "age": _("Age (per year)"),
    "sex_male": _("Male (against female)"),
    "simd_quintile": _("SIMD quintile (per step towards less deprived)"),
}


@register.filter
def count(value: int | None) -> str:
    """A published count; None means suppressed."""
    return "*" if value is None else f"{value:,}"


@register.filter
def count_small(value: int, suppressed: bool) -> str:
    return "*" if suppressed and 0 < value < 5 else f"{value:,}"


@register.filter
def percent(value: float | None) -> str:
    return "\u2013" if value is None else f"{100 * value:.1f}%"


@register.filter
def pvalue(value: float) -> str:
    return "<0.001" if value < 0.001 else f"{value:.3f}"


@register.filter
def term_label(term: str) -> str:
    return str(TERMS.get(term, term))


@register.filter
def as_list(value: Any) -> list[Any]:
    return [value]


@register.filter
def add_groups(value: list[Any], more: list[Any]) -> list[Any]:
    return [*value, *more]
