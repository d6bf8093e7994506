"""The one permission policy: may this user do this action to this object?

Every view, API operation, FHIR interaction, export, search result and admin page asks here,
so "who may do what to which record" is written once. The policy is declarative:

- an **action** is a name such as ``"casework.view_person"`` or ``"insight.view_dashboard"``;
- each action has **rules**, one per role that may perform it, each with an **object scope**:
  ``ANY`` (every object), ``OWN_ORGANISATION`` (the object belongs to an organisation the user
  is a member of), ``OWN_PROGRAMME`` (it belongs to an organisation inside a programme the user
  is a member of, or to the programme itself) or ``SELF`` (the object is the user's own);
- each model that actions apply to registers how to find the organisations it belongs to
  (``register_scope``), as lookups usable both on an instance and in a query, so that the
  detail check (``can``) and the list filter (``scope_queryset``) can never disagree.

Apps declare their actions in their own ``policy.py`` with ``define`` and import it from their
``AppConfig.ready``. See docs/decisions/0003-one-permission-policy.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db import models
from django.db.models import Q, QuerySet

from linkwork.core.models import Organisation
from linkwork.core.roles import PUBLIC

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from linkwork.core.models import User

    Actor = User | AnonymousUser
else:
    Actor = Any

M = TypeVar("M", bound=models.Model)


class Scope(StrEnum):
    ANY = "any"
    OWN_ORGANISATION = "own_organisation"
    OWN_PROGRAMME = "own_programme"
    SELF = "self"


@dataclass(frozen=True)
class Rule:
    """A role may perform the action on objects within the scope.

    ``via``: lookups to organisation ids this rule follows instead of the model's registered
    ones, for a role that reaches the object by another path (the staff of the organisation
    that *made* a referral follow it by ``referring_organisation_id``, not by the practice
    that holds its case).
    """

    role: str
    scope: Scope = Scope.ANY
    via: tuple[str, ...] = ()


@dataclass(frozen=True)
class ObjectScope:
    """How to find what an object belongs to, as ORM lookups from the model.

    ``organisation_lookups``: paths to organisation ids (e.g. ``"case__practice_id"``); an
    object belongs to every organisation any path reaches. ``owner_lookup``: path to the user
    id that owns the object, for ``Scope.SELF``.
    """

    organisation_lookups: tuple[str, ...] = ()
    owner_lookup: str | None = None


_ACTIONS: dict[str, tuple[Rule, ...]] = {}
_SCOPES: dict[type[models.Model], ObjectScope] = {}
_URLS: dict[str, str] = {}


def define(action: str, *rules: Rule) -> None:
    """Declare an action and who may perform it. Declaring the same action twice is an error
    (two apps disagreeing about one permission is how holes appear)."""
    if action in _ACTIONS and _ACTIONS[action] != rules:
        raise ImproperlyConfigured(f"permission action {action!r} is defined twice")
    _ACTIONS[action] = tuple(rules)


def register_scope(
    model: type[models.Model],
    *,
    organisations: Iterable[str] = (),
    owner: str | None = None,
) -> None:
    """Say how instances of ``model`` map to organisations (and to an owning user)."""
    _SCOPES[model] = ObjectScope(tuple(organisations), owner)


def declare_urls(mapping: dict[str, str]) -> None:
    """Say which action guards each of an app's URL patterns and API operations.

    Keys are URL names with their namespace (``"casework:person_detail"``) or API operations
    as ``"<METHOD> <path>"`` (``"GET /api/v1/people/{person_id}"``); values are actions. The
    permission matrix test fails for any URL pattern or API operation not declared here, so a
    new page cannot ship without naming who may open it. Declaring one key twice with
    different actions is an error.
    """
    for key, action in mapping.items():
        if key in _URLS and _URLS[key] != action:
            raise ImproperlyConfigured(f"URL {key!r} is declared with two actions")
        _URLS[key] = action


def declare_view_actions(namespace: str, patterns: Iterable[Any]) -> None:
    """Declare every named URL pattern of an app by the action its view's decorator guards it
    with (the ``policy_action`` attribute ``require_action`` and its kin set), so the
    declaration is read off the code and cannot drift from it. A view without one is an error:
    declare it with ``declare_urls``."""
    mapping = {}
    for pattern in patterns:
        if not getattr(pattern, "name", None):
            continue
        view = pattern.callback
        action = None
        while view is not None and action is None:
            action = getattr(view, "policy_action", None)
            view = getattr(view, "__wrapped__", None)
        key = f"{namespace}:{pattern.name}"
        if action is None:
            if key not in _URLS:
                raise ImproperlyConfigured(f"the view of {key!r} names no policy action")
            continue
        mapping[key] = action
    declare_urls(mapping)


def url_actions() -> dict[str, str]:
    """Every declared URL name / API operation with the action that guards it."""
    return dict(_URLS)


def actions() -> dict[str, tuple[Rule, ...]]:
    """Every declared action with its rules (for the permission matrix test and docs)."""
    return dict(_ACTIONS)


def rules_for(action: str) -> tuple[Rule, ...]:
    try:
        return _ACTIONS[action]
    except KeyError:
        raise ImproperlyConfigured(f"permission action {action!r} is not defined") from None


def _signed_in(user: Actor | None) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def _holds(user: Actor | None, role: str) -> bool:
    if role == PUBLIC:
        return True
    return _signed_in(user) and bool(user.has_role(role))  # type: ignore[union-attr]


def holds_role_for(user: Actor | None, action: str) -> bool:
    """Does the user hold any role with a rule for this action (whatever the object)? Pages
    answer 403 when not, and 404 for an object outside the scope (not saying it exists)."""
    return any(_holds(user, rule.role) for rule in rules_for(action))


def organisation_scope(user: Actor | None, scope: Scope) -> set[int]:
    """The organisation ids a scope covers for this user (memberships read fresh, so a member
    who has left loses access at once)."""
    if not _signed_in(user):
        return set()
    own: set[int] = user.organisation_ids()  # type: ignore[union-attr]
    if scope == Scope.OWN_ORGANISATION:
        return own
    if scope == Scope.OWN_PROGRAMME:
        programmes = set(
            Organisation.objects.filter(id__in=own, kind=Organisation.Kind.PROGRAMME).values_list(
                "id", flat=True
            )
        )
        if not programmes:
            return set()
        members = Organisation.objects.filter(programme_id__in=programmes)
        return set(members.values_list("id", flat=True)) | programmes
    return set()


def _object_scope(model: type[models.Model]) -> ObjectScope:
    for klass in model.__mro__:
        if klass in _SCOPES:
            return _SCOPES[klass]  # type: ignore[index]
    raise ImproperlyConfigured(
        f"{model.__name__} has no object scope: call linkwork.core.policy.register_scope"
    )


def _values_along(obj: models.Model, lookup: str) -> set[Any]:
    """Follow ``a__b__c`` from an instance; many-valued relations fan out."""
    current: list[Any] = [obj]
    for part in lookup.split("__"):
        following: list[Any] = []
        for item in current:
            if item is None:
                continue
            value = getattr(item, part, None)
            if isinstance(value, models.Manager):
                following.extend(value.all())
            else:
                following.append(value)
        current = following
    return {v for v in current if v is not None}


def _scope_q(user: Actor | None, rule: Rule, model: type[models.Model]) -> Q | None:
    """The filter selecting the objects this rule allows; None means all of them."""
    if rule.scope == Scope.ANY:
        return None
    object_scope = _object_scope(model)
    if rule.scope == Scope.SELF:
        if not object_scope.owner_lookup or not _signed_in(user):
            return Q(pk__in=[])
        return Q(**{object_scope.owner_lookup: user.pk})  # type: ignore[union-attr]
    ids = organisation_scope(user, rule.scope)
    lookups = rule.via or object_scope.organisation_lookups
    if not ids or not lookups:
        return Q(pk__in=[])
    q = Q(pk__in=[])
    for lookup in lookups:
        q |= Q(**{f"{lookup}__in": ids})
    return q


def can(user: Actor | None, action: str, obj: models.Model | None = None) -> bool:
    """May ``user`` perform ``action`` (on ``obj``, when the action applies to an object)?"""
    for rule in rules_for(action):
        if not _holds(user, rule.role):
            continue
        if obj is None or rule.scope == Scope.ANY:
            if obj is None and rule.scope != Scope.ANY:
                # Asked without an object: the role may act on *some* objects in its scope.
                if rule.scope == Scope.SELF or organisation_scope(user, rule.scope):
                    return True
                continue
            return True
        object_scope = _object_scope(type(obj))
        if rule.scope == Scope.SELF:
            owner = object_scope.owner_lookup
            if owner and user is not None and user.pk in _values_along(obj, owner):
                return True
            continue
        ids = organisation_scope(user, rule.scope)
        for lookup in rule.via or object_scope.organisation_lookups:
            if ids & _values_along(obj, lookup):
                return True
    return False


def check(user: Actor | None, action: str, obj: models.Model | None = None) -> None:
    """Raise PermissionDenied unless ``can``; services call this first."""
    if not can(user, action, obj):
        raise PermissionDenied(action)


def scope_queryset(user: Actor | None, action: str, queryset: QuerySet[M]) -> QuerySet[M]:
    """The rows of ``queryset`` the user may perform ``action`` on (the list twin of ``can``)."""
    allowed = Q(pk__in=[])
    scoped = False
    for rule in rules_for(action):
        if not _holds(user, rule.role):
            continue
        q = _scope_q(user, rule, queryset.model)
        if q is None:
            return queryset
        allowed |= q
        scoped = True
    if scoped and _crosses_many(queryset.model, rules_for(action)):
        # A lookup through a many-valued relation would repeat rows: filter by id instead.
        return queryset.filter(pk__in=queryset.model._default_manager.filter(allowed).values("pk"))
    return queryset.filter(allowed)


def _crosses_many(model: type[models.Model], rules: tuple[Rule, ...]) -> bool:
    lookups = set(_object_scope(model).organisation_lookups)
    for rule in rules:
        lookups |= set(rule.via)
    for lookup in lookups:
        current = model
        for part in lookup.split("__")[:-1]:
            field = current._meta.get_field(part)
            if field.many_to_many or field.one_to_many:
                return True
            current = field.related_model  # type: ignore[assignment]
    return False


# An organisation belongs to itself (and, through OWN_PROGRAMME, to its programme): actions on
# organisations themselves ("refer from this practice") scope by it.
register_scope(Organisation, organisations=("id",))
