"""Helpers every casework view uses: scoped lookups and form pages."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from linkwork.casework.models import Case, Person
from linkwork.casework.selectors import visible_cases, visible_people
from linkwork.core import audit
from linkwork.core.roles import Role

#: Roles that may open a person's record or a case (scope decides which ones).
RECORD_READERS = (Role.LINK_WORKER, Role.PROGRAMME_MANAGER)
#: Roles that may write to a case in their scope.
RECORD_WRITERS = (Role.LINK_WORKER,)


def person_for(user: Any, pk: int) -> Person:
    person = visible_people(user).select_related("gp_practice").filter(pk=pk).first()
    if person is None:
        raise Http404
    return person


def case_for(user: Any, pk: int) -> Case:
    case = (
        visible_cases(user).select_related("person", "practice", "referral").filter(pk=pk).first()
    )
    if case is None:
        raise Http404
    return case


def record_view(person: Person, user: Any) -> None:
    """Every view of a person's record is audit-logged."""
    audit.record(audit.Action.VIEW, person, actor=user)


def form_page(
    request: HttpRequest, form: Any, *, title: str, status: int = 200, **extra: Any
) -> HttpResponse:
    context = {"form": form, "title": title, **extra}
    return render(
        request, extra.pop("template", None) or "casework/form_page.html", context, status=status
    )


def add_errors(form: Any, exc: ValidationError) -> None:
    """Put a service's ValidationError onto the form (field errors where they belong)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            target = field if field in form.fields else None
            for e in errors:
                form.add_error(target, e)
    else:
        for message in exc.messages:
            form.add_error(None, message)
