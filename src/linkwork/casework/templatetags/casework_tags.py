"""Small template helpers for casework pages."""

from __future__ import annotations

from typing import Any

from django import template

from linkwork.casework import reasons

register = template.Library()


@register.filter
def widget_type(bound_field: Any) -> str:
    widget = bound_field.field.widget
    name = type(widget).__name__
    return {
        "CheckboxSelectMultiple": "checkboxes",
        "RadioSelect": "radios",
        "CheckboxInput": "checkbox",
        "HiddenInput": "hidden",
    }.get(name, "input")


@register.filter
def reason_labels(codes: list[str]) -> str:
    return ", ".join(reasons.labels(codes or []))


@register.filter
def get_item(mapping: dict[str, Any], key: str) -> Any:
    return mapping.get(key)
