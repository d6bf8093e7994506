from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse

from linkwork.core.context_processors import nav_items_for
from linkwork.core.permissions import programme_member_ids, require_role
from linkwork.core.roles import Role
from tests.core.factories import OrganisationFactory, make_user

pytestmark = pytest.mark.django_db


def test_every_role_is_a_group_created_by_migration():
    assert set(Group.objects.values_list("name", flat=True)) >= {r.value for r in Role}


@require_role(Role.LINK_WORKER)
def _caseload(request):
    return HttpResponse("ok")


def test_require_role_sends_signed_out_people_to_sign_in(rf):
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/caseload/")
    request.user = AnonymousUser()
    response = _caseload(request)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_require_role_refuses_a_user_without_the_role(rf):
    request = rf.get("/caseload/")
    request.user = make_user(Role.ANALYST)
    with pytest.raises(PermissionDenied):
        _caseload(request)


def test_require_role_lets_the_role_holder_in(rf):
    request = rf.get("/caseload/")
    request.user = make_user(Role.LINK_WORKER)
    assert _caseload(request).status_code == 200


def test_inactive_user_holds_no_role():
    user = make_user(Role.LINK_WORKER, is_active=False)
    assert not user.has_role(Role.LINK_WORKER)


def test_programme_manager_scope_is_the_programme_members():
    programme = OrganisationFactory(kind="programme")
    inside = OrganisationFactory(programme=programme)
    outside = OrganisationFactory()
    manager = make_user(Role.PROGRAMME_MANAGER, organisations=(programme,))
    scope = programme_member_ids(manager)
    assert inside.pk in scope and programme.pk in scope
    assert outside.pk not in scope


def test_navigation_shows_only_what_a_role_may_use():
    from django.contrib.auth.models import AnonymousUser

    public = {i["name"] for i in nav_items_for(AnonymousUser())}
    dpo = {i["name"] for i in nav_items_for(make_user(Role.DPO))}
    assert "governance:dashboard" in dpo
    assert "governance:dashboard" not in public


def test_audit_log_page_is_for_the_dpo_only(client):
    client.force_login(make_user(Role.LINK_WORKER))
    assert client.get("/audit/").status_code == 403
    client.force_login(make_user(Role.DPO))
    response = client.get("/audit/")
    assert response.status_code == 302  # to the DPO's audit search, scoped to their organisations
    assert response["Location"] == "/governance/audit/"
