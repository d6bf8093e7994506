"""Small template helpers for casework pages."""

from __future__ import annotations

from typing import Any

from django import template

from linkwork.casework import reasons

register = template.Library()


@register.filter
def reason_labels(codes: list[str]) -> str:
    return ", ".join(reasons.labels(codes or []))


@register.filter
def get_item(mapping: dict[str, Any], key: str) -> Any:
    return mapping.get(key)
