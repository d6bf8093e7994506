from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def signed(value: float | int | None) -> str:
    """+3, -2.5, 0: a change with its sign."""
    if value is None:
        return ""
    return f"+{value}" if value > 0 else str(value)
