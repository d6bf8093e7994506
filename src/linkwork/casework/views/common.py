"""Helpers every casework view uses: scoped lookups, audit of what was shown, form pages."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from linkwork.casework.models import Case, Person
from linkwork.casework.selectors import visible_cases, visible_people
from linkwork.core import audit
from linkwork.core.policy import Actor


def person_for(user: Actor, pk: int, action: str = "casework.view_person") -> Person:
    """The person, if the action's scope covers them; 404 otherwise (not saying they exist)."""
    person = visible_people(user, action).select_related("gp_practice").filter(pk=pk).first()
    if person is None:
        raise Http404
    return person


def case_for(user: Actor, pk: int, action: str = "casework.view_case") -> Case:
    case = (
        visible_cases(user, action)
        .select_related("person", "practice", "referral")
        .filter(pk=pk)
        .first()
    )
    if case is None:
        raise Http404
    return case


def record_view(target: models.Model, user: Actor, **detail: Any) -> None:
    """Every view of personal data is audit-logged (pages, forms, letters)."""
    audit.record(audit.Action.VIEW, target, actor=user, detail=detail or None)


def record_list_view(
    model: type[models.Model], ids: Iterable[int], user: Actor, *, via: str
) -> None:
    """A list of personal data was shown: one entry naming the records on it (ids only)."""
    shown = sorted({int(i) for i in ids})
    audit.record(
        audit.Action.VIEW,
        model,
        actor=user,
        detail={
            "query_kind": "list",
            "via": via,
            "count": len(shown),
            "related_type": model._meta.label_lower,
            "related_id": shown,
        },
    )


def form_page(
    request: HttpRequest, form: forms.BaseForm, *, title: str, status: int = 200, **extra: Any
) -> HttpResponse:
    context = {"form": form, "title": title, **extra}
    return render(
        request, extra.pop("template", None) or "casework/form_page.html", context, status=status
    )


def add_errors(form: forms.BaseForm, exc: ValidationError) -> None:
    """Put a service's ValidationError onto the form (field errors where they belong)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            target = field if field in form.fields else None
            for e in errors:
                form.add_error(target, e)
    else:
        for message in exc.messages:
            form.add_error(None, message)
