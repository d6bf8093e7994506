"""Template helpers for network pages."""

from __future__ import annotations

from django import template
from django.forms import BoundField

register = template.Library()


@register.filter
def widget_type(bound_field: BoundField) -> str:
    name = type(bound_field.field.widget).__name__
    return {
        "CheckboxSelectMultiple": "checkboxes",
        "RadioSelect": "radios",
        "CheckboxInput": "checkbox",
        "HiddenInput": "hidden",
    }.get(name, "input")


@register.filter
def is_select(bound_field: BoundField) -> bool:
    return type(bound_field.field.widget).__name__ in {"Select", "SelectMultiple"}
