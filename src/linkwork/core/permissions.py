"""Guards for views: roles, and the view decorator that names a policy action.

Who may do what to which object is decided in ``linkwork.core.policy``; ``require_action``
is how a page says which of its actions it serves (403 for a user with no role that the
action allows; the view then answers 404 for an object outside the user's scope)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.cache import add_never_cache_headers

from linkwork.core import policy
from linkwork.core.models import Organisation, User
from linkwork.core.policy import Actor
from linkwork.core.roles import Role

View = Callable[..., HttpResponse]


def has_role(user: Actor | None, *roles: Role | str) -> bool:
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


AnyView = TypeVar("AnyView", bound=Callable[..., HttpResponseBase])


def require_action(
    action: str, *, in_scope: bool = False, private: bool = False
) -> Callable[[AnyView], AnyView]:
    """View decorator naming the policy action the page serves, the one way every app marks its
    views (``policy_action``, read by ``policy.declare_view_actions`` and the permission matrix).

    Signed-out people go to the login page (unless the action is public); users holding no role
    the action allows get 403. With ``in_scope`` the role must also reach some object in its
    scope (``policy.can`` without an object: e.g. a programme manager with no programme gets 403).
    With ``private`` every response is marked never to be cached. The object check (404
    outside scope) is the selector's and the service's."""
    policy.rules_for(action)  # an undefined action fails at import, not on first request
    allowed = policy.can if in_scope else policy.holds_role_for

    def decorator(view: AnyView) -> AnyView:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not allowed(request.user, action):
                if not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path())
                raise PermissionDenied(action)
            response = view(request, *args, **kwargs)
            if private:
                add_never_cache_headers(response)
            return response

        wrapped.policy_action = action  # type: ignore[attr-defined]
        return cast(AnyView, wrapped)

    return decorator


def acting_user(request: HttpRequest) -> User:
    """The signed-in user making this request, typed for the services (which take a ``User``).
    Views behind ``require_action`` for a non-public action always have one."""
    user = request.user
    if not isinstance(user, User) or not user.is_authenticated:
        raise PermissionDenied
    return user


def organisation_ids(user: Actor | None, *kinds: str) -> set[int]:
    """Ids of the organisations the user works for (of the given kinds)."""
    if user is None or not user.is_authenticated:
        return set()
    return user.organisation_ids(*kinds)  # type: ignore[union-attr]


def practice_ids(user: Actor | None) -> set[int]:
    return organisation_ids(user, Organisation.Kind.GP_PRACTICE)


def community_organisation_ids(user: Actor | None) -> set[int]:
    return organisation_ids(user, Organisation.Kind.COMMUNITY)


def programme_member_ids(user: Actor | None) -> set[int]:
    """Ids of every organisation inside the programmes the user belongs to (managers' scope)."""
    programmes = organisation_ids(user, Organisation.Kind.PROGRAMME)
    if not programmes:
        return set()
    members = Organisation.objects.filter(programme_id__in=programmes)
    return set(members.values_list("id", flat=True)) | programmes


def is_admin(user: Actor | None) -> bool:
    return bool(
        user and user.is_authenticated and (user.is_superuser or has_role(user, Role.ADMIN))
    )
