"""What every network view shares: the member check and form helpers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render

from linkwork.core.models import User
from linkwork.core.permissions import require_action

View = Callable[..., HttpResponseBase]


class MemberRequest(HttpRequest):
    """A request that `member_view` has let through: the user is a signed-in member."""

    user: User  # type: ignore[assignment]


def member_view(action: str) -> Callable[[View], View]:
    """Signed-out people go to sign-in; signed-in people who may not `action` get 403. Every
    network page is private, so none is cached by a browser or proxy."""
    return require_action(action, in_scope=True, private=True)


def add_errors(form: BaseForm, exc: ValidationError) -> None:
    """Put a service's ValidationError onto the form (field errors where they belong)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            target = field if field in form.fields else None
            for error in errors:
                form.add_error(target, error)
    else:
        for message in exc.messages:
            form.add_error(None, message)


def form_page(
    request: HttpRequest, form: BaseForm, *, title: str, status: int = 200, **extra: Any
) -> HttpResponse:
    template = extra.pop("template", "network/form_page.html")
    return render(request, template, {"form": form, "title": title, **extra}, status=status)
