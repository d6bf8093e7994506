"""What every network view shares: the member check and form helpers."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from linkwork.core import policy as core_policy
from linkwork.core.models import User

View = Callable[..., HttpResponseBase]


class MemberRequest(HttpRequest):
    """A request that `member_view` has let through: the user is a signed-in member."""

    user: User  # type: ignore[assignment]


def member_view(action: str) -> Callable[[View], View]:
    """Signed-out people go to sign-in; signed-in people who may not `action` get 403. Every
    network page is private, so none is cached by a browser or proxy."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not core_policy.can(request.user, action):
                raise PermissionDenied(action)
            response = view(request, *args, **kwargs)
            add_never_cache_headers(response)
            return response

        wrapped.network_action = action  # type: ignore[attr-defined]
        wrapped.policy_action = action  # type: ignore[attr-defined]
        return wrapped

    return decorator


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
