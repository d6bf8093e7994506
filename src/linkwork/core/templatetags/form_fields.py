"""Filters for the one form-field include (core/_form_field.html) every app's forms use."""

from __future__ import annotations

from django import template
from django.forms import BoundField

register = template.Library()

_KINDS = {
    "CheckboxSelectMultiple": "checkboxes",
    "RadioSelect": "radios",
    "CheckboxInput": "checkbox",
    "HiddenInput": "hidden",
}


@register.filter
def widget_type(bound_field: BoundField) -> str:
    """How the design system lays the field out: checkboxes, radios, checkbox, hidden, input."""
    return _KINDS.get(type(bound_field.field.widget).__name__, "input")


@register.filter
def is_select(bound_field: BoundField) -> bool:
    return type(bound_field.field.widget).__name__ in {"Select", "SelectMultiple"}
