"""The permission module every view and API uses: roles, and scoping objects to a user."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from linkwork.core.models import Organisation
from linkwork.core.roles import Role

View = Callable[..., HttpResponse]


def has_role(user: Any, *roles: Role | str) -> bool:
    """True if the user is signed in and holds any of the roles (admins hold every role)."""
    return bool(user and user.is_authenticated and user.has_role(*roles))


def require_role(*roles: Role | str) -> Callable[[View], View]:
    """View decorator: signed-out people go to the login page, others without a role get 403."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_role(request.user, *roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.required_roles = tuple(str(r) for r in roles)  # type: ignore[attr-defined]
        return wrapped

    return decorator


def organisation_ids(user: Any, *kinds: str) -> set[int]:
    """Ids of the organisations the user works for (of the given kinds)."""
    if not (user and user.is_authenticated):
        return set()
    return user.organisation_ids(*kinds)


def practice_ids(user: Any) -> set[int]:
    return organisation_ids(user, Organisation.Kind.GP_PRACTICE)


def community_organisation_ids(user: Any) -> set[int]:
    return organisation_ids(user, Organisation.Kind.COMMUNITY)


def programme_member_ids(user: Any) -> set[int]:
    """Ids of every organisation inside the programmes the user belongs to (managers' scope)."""
    programmes = organisation_ids(user, Organisation.Kind.PROGRAMME)
    if not programmes:
        return set()
    members = Organisation.objects.filter(programme_id__in=programmes)
    return set(members.values_list("id", flat=True)) | programmes


def is_admin(user: Any) -> bool:
    return bool(
        user and user.is_authenticated and (user.is_superuser or has_role(user, Role.ADMIN))
    )
