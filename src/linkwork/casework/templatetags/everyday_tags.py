"""Words instead of codes on casework pages: life domains, link statuses, where a concern was
raised from, and people's names instead of usernames."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext as _

from linkwork.casework.choices import LifeDomain
from linkwork.casework.models import ServiceLink

register = template.Library()

_SOURCES = {
    "manual": "",
    "outcomes.phq9": "PHQ-9",
}


@register.filter
def domain_labels(codes: list[str] | None) -> str:
    labels = dict(LifeDomain.choices)
    return ", ".join(str(labels.get(code, code)) for code in codes or [])


@register.filter
def link_status_label(code: str) -> str:
    return str(dict(ServiceLink.Status.choices).get(code, code))


@register.filter
def concern_source(code: str) -> str:
    """Where a concern came from, in words ("" when a person recorded it)."""
    if code in _SOURCES:
        shown = _SOURCES[code]
    elif code.startswith("outcomes."):
        shown = code.removeprefix("outcomes.").upper()
    else:
        shown = code
    return _("raised from a %(source)s answer") % {"source": shown} if shown else ""


@register.filter
def person_name(user: Any) -> str:
    """A member of staff's name, their username only when no name is recorded."""
    if user is None:
        return ""
    return str(user.get_full_name() or user.get_username())
