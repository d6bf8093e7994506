"""`{% load governance %}{% person_access_panel person %}`: who has seen this person's record,
for the casework person page. Shows nothing to anyone who may not see it."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse

from linkwork.core import policy
from linkwork.governance import policy as actions
from linkwork.governance import selectors

register = template.Library()


@register.inclusion_tag("governance/_person_access.html", takes_context=True)
def person_access_panel(context: dict[str, Any], person: Any, limit: int = 10) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    if person is None or not policy.can(user, actions.VIEW_PERSON_ACCESS):
        return {"access_url": ""}
    if selectors.person_in_scope(user, actions.VIEW_PERSON_ACCESS, person.pk) is None:
        return {"access_url": ""}
    entries = selectors.person_access(user, person, actions.VIEW_PERSON_ACCESS)[:limit]
    corrections = policy.can(user, actions.VIEW_CORRECTIONS)
    return {
        "access_entries": list(entries),
        "access_url": reverse("governance:person_access", args=[person.pk]),
        "corrections_url": reverse("governance:person_corrections", args=[person.pk])
        if corrections
        else "",
    }
