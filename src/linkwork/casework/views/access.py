"""Asking the one policy from a page: signed-out people go to sign in, others without the
action get 403 (the object scope is applied by the scoped selectors the view reads through)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, cast

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from linkwork.casework import everyday_policy  # noqa: F401  (declares the actions used here)
from linkwork.core import policy
from linkwork.core.models import User

View = Callable[..., HttpResponse]


def require_action(action: str) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not policy.can(request.user, action):
                raise PermissionDenied(action)
            return view(request, *args, **kwargs)

        wrapped.policy_action = action  # type: ignore[attr-defined]
        return wrapped

    return decorator


def no_store(response: HttpResponse) -> HttpResponse:
    """Pages with personal data are never kept by the browser or a proxy."""
    response["Cache-Control"] = "no-store"
    return response


def signed_in_user(request: HttpRequest) -> User:
    """The user of a view behind ``require_action`` or ``require_role`` (always signed in)."""
    return cast(User, request.user)
