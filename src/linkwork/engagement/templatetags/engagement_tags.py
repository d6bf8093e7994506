from __future__ import annotations

from django import template

from linkwork.engagement.selectors import Cell, CrossTable

register = template.Library()


@register.simple_tag
def cell(table: CrossTable, group: str, option: str) -> Cell:
    return table.cells[(group, option)]


@register.simple_tag
def total(table: CrossTable, group: str) -> int | None:
    return table.totals.get(group)
