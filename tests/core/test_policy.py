"""The core permission policy: rules by role and object scope, the same for one object and a
list, memberships read fresh."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured, PermissionDenied

from linkwork.core import policy
from linkwork.core.models import Membership, Organisation
from linkwork.core.policy import Rule, Scope
from linkwork.core.roles import PUBLIC, Role
from tests.core.factories import OrganisationFactory, make_user

pytestmark = pytest.mark.django_db

ACTION = "tests.view_membership"
policy.register_scope(Membership, organisations=("organisation_id",), owner="user_id")
policy.define(
    ACTION,
    Rule(Role.LINK_WORKER, Scope.OWN_ORGANISATION),
    Rule(Role.PROGRAMME_MANAGER, Scope.OWN_PROGRAMME),
    Rule(Role.ANALYST, Scope.SELF),
    Rule(Role.DPO, Scope.ANY),
)
policy.define("tests.public", Rule(PUBLIC))


def _world() -> dict[str, object]:
    programme = OrganisationFactory(kind=Organisation.Kind.PROGRAMME)
    other_programme = OrganisationFactory(kind=Organisation.Kind.PROGRAMME)
    practice = OrganisationFactory(programme=programme)
    sister = OrganisationFactory(programme=programme)
    elsewhere = OrganisationFactory(programme=other_programme)
    patient_side = make_user(organisations=(practice,))
    return {
        "programme": programme,
        "practice": practice,
        "sister": sister,
        "elsewhere": elsewhere,
        "own": Membership.objects.get(user=patient_side, organisation=practice),
        "in_sister": Membership.objects.create(user=make_user(), organisation=sister),
        "far": Membership.objects.create(user=make_user(), organisation=elsewhere),
    }


def test_own_organisation_scope_allows_only_own_organisation() -> None:
    w = _world()
    worker = make_user(Role.LINK_WORKER, organisations=(w["practice"],))
    assert policy.can(worker, ACTION, w["own"])
    assert not policy.can(worker, ACTION, w["in_sister"])
    assert not policy.can(worker, ACTION, w["far"])
    listed = set(policy.scope_queryset(worker, ACTION, Membership.objects.all()))
    assert w["own"] in listed and w["in_sister"] not in listed and w["far"] not in listed


def test_programme_scope_covers_every_member_of_the_programme_and_nothing_else() -> None:
    w = _world()
    manager = make_user(Role.PROGRAMME_MANAGER, organisations=(w["programme"],))
    assert policy.can(manager, ACTION, w["own"])
    assert policy.can(manager, ACTION, w["in_sister"])
    assert not policy.can(manager, ACTION, w["far"])
    listed = set(policy.scope_queryset(manager, ACTION, Membership.objects.all()))
    assert {w["own"], w["in_sister"]} <= listed and w["far"] not in listed


def test_a_member_who_has_left_loses_access_at_once() -> None:
    w = _world()
    worker = make_user(Role.LINK_WORKER, organisations=(w["practice"],))
    assert policy.can(worker, ACTION, w["own"])
    Membership.objects.filter(user=worker).delete()
    assert not policy.can(worker, ACTION, w["own"])
    assert not policy.scope_queryset(worker, ACTION, Membership.objects.all()).exists()


def test_self_scope_is_the_users_own_objects() -> None:
    w = _world()
    analyst = make_user(Role.ANALYST, organisations=(w["practice"],))
    mine = Membership.objects.get(user=analyst)
    assert policy.can(analyst, ACTION, mine)
    assert not policy.can(analyst, ACTION, w["own"])
    assert list(policy.scope_queryset(analyst, ACTION, Membership.objects.all())) == [mine]


def test_role_without_a_rule_and_anonymous_users_are_refused() -> None:
    from django.contrib.auth.models import AnonymousUser

    w = _world()
    editor = make_user(Role.COMMUNITY_EDITOR, organisations=(w["practice"],))
    for user in (editor, AnonymousUser(), None):
        assert not policy.can(user, ACTION, w["own"])
        assert not policy.scope_queryset(user, ACTION, Membership.objects.all()).exists()
        with pytest.raises(PermissionDenied):
            policy.check(user, ACTION, w["own"])
    assert policy.can(AnonymousUser(), "tests.public")


def test_any_scope_and_inactive_users() -> None:
    w = _world()
    dpo = make_user(Role.DPO)
    assert policy.can(dpo, ACTION, w["far"])
    dpo.is_active = False
    assert not policy.can(dpo, ACTION, w["far"])


def test_undefined_actions_and_unregistered_models_fail_loudly() -> None:
    user = make_user(Role.LINK_WORKER)
    with pytest.raises(ImproperlyConfigured):
        policy.can(user, "no.such_action")
    with pytest.raises(ImproperlyConfigured):
        policy.define(ACTION, Rule(Role.ADMIN))
