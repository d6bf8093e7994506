"""Claims, edits, moderation, history and merging; permissions as owner, colleague, outsider."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from linkwork.core.models import Organisation
from linkwork.core.roles import Role
from linkwork.directory import services
from linkwork.directory.models import (
    ChangeRecord,
    ChangeRequest,
    DuplicateFlag,
    OrganizationClaim,
    Service,
)
from tests.core.factories import OrganisationFactory, make_user
from tests.directory import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> dict:
    account_a = OrganisationFactory(name="Befriend Together", kind=Organisation.Kind.COMMUNITY)
    account_b = OrganisationFactory(name="Other Group", kind=Organisation.Kind.COMMUNITY)
    org_a = f.OrganizationFactory(name="Befriend Together", owner=account_a)
    org_b = f.OrganizationFactory(name="Other Group", owner=account_b)
    return {
        "org_a": org_a,
        "org_b": org_b,
        "service_a": f.ServiceFactory(name="Tea and chat", organization=org_a, owner=account_a),
        "service_b": f.ServiceFactory(name="Walk club", organization=org_b, owner=account_b),
        "owner": make_user(Role.COMMUNITY_EDITOR, organisations=(account_a,)),
        "colleague": make_user(Role.COMMUNITY_EDITOR, organisations=(account_a,)),
        "outsider": make_user(Role.COMMUNITY_EDITOR, organisations=(account_b,)),
        "moderator": make_user(Role.PROGRAMME_MANAGER),
        "account_a": account_a,
    }


SERVICE_POST = {
    "name": "Tea, chat and cake",
    "summary": "Weekly tea",
    "description": "Come along",
    "status": "active",
    "delivery_modes": ["in_person"],
    "categories": ["befriending"],
}


@pytest.mark.parametrize("who", ["owner", "colleague"])
def test_editors_of_the_owner_change_via_moderation(client: Client, world: dict, who: str) -> None:
    client.force_login(world[who])
    service = world["service_a"]
    response = client.post(f"/directory/services/{service.id}/edit/", SERVICE_POST)
    assert response.status_code == 302
    change = ChangeRequest.objects.get()
    assert change.proposed["name"] == "Tea, chat and cake"
    assert change.original["name"] == "Tea and chat"
    service.refresh_from_db()
    assert service.name == "Tea and chat", "not public before a moderator approves"


def test_outsider_cannot_edit_through_forms_crafted_posts_or_api(
    client: Client, world: dict
) -> None:
    client.force_login(world["outsider"])
    service, org = world["service_a"], world["org_a"]
    for url in (
        f"/directory/services/{service.id}/edit/",
        f"/directory/services/{service.id}/times/",
        f"/directory/services/{service.id}/location/",
        f"/directory/organisations/{org.id}/edit/",
        f"/directory/services/new/{org.id}/",
    ):
        assert client.get(url).status_code == 403, url
        assert client.post(url, SERVICE_POST).status_code == 403, url
    assert client.post(f"/directory/services/{service.id}/confirm/").status_code == 403
    assert client.get(f"/directory/services/{service.id}/history/").status_code == 403
    response = client.patch(
        f"/api/v1/directory/services/{service.id}",
        json.dumps({"name": "Hijacked"}),
        content_type="application/json",
    )
    assert response.status_code == 403
    assert not ChangeRequest.objects.exists()
    service.refresh_from_db()
    assert service.name == "Tea and chat"


def test_outsider_edits_own_organisation(client: Client, world: dict) -> None:
    client.force_login(world["outsider"])
    response = client.patch(
        f"/api/v1/directory/services/{world['service_b'].id}",
        json.dumps({"name": "Walk and talk club"}),
        content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["applied"] is False


def test_public_and_other_roles_cannot_edit(client: Client, world: dict) -> None:
    url = f"/directory/services/{world['service_a'].id}/edit/"
    assert client.get(url).status_code == 302  # to sign in
    client.force_login(make_user(Role.LINK_WORKER))
    assert client.get(url).status_code == 403
    assert client.get("/directory/moderation/").status_code == 403


def test_moderator_approves_with_history(client: Client, world: dict) -> None:
    client.force_login(world["owner"])
    client.post(f"/directory/services/{world['service_a'].id}/edit/", SERVICE_POST)
    change = ChangeRequest.objects.get()
    client.force_login(world["moderator"])
    page = client.get(f"/directory/moderation/changes/{change.id}/").content.decode()
    assert "Tea and chat" in page and "Tea, chat and cake" in page  # side by side
    assert (
        client.post(
            f"/directory/moderation/changes/{change.id}/", {"decision": "approve"}
        ).status_code
        == 302
    )
    service = Service.objects.get(id=world["service_a"].id)
    assert service.name == "Tea, chat and cake"
    assert [c.code for c in service.categories.all()] == ["befriending"]
    record = ChangeRecord.objects.get(object_id=service.id, kind="update")
    assert {"field": "name", "old": "Tea and chat", "new": "Tea, chat and cake"} in record.changes
    assert record.actor == world["moderator"] and record.change_request == change


def test_reject_needs_a_reason(client: Client, world: dict) -> None:
    client.force_login(world["owner"])
    client.post(f"/directory/services/{world['service_a'].id}/edit/", SERVICE_POST)
    change = ChangeRequest.objects.get()
    client.force_login(world["moderator"])
    response = client.post(f"/directory/moderation/changes/{change.id}/", {"decision": "reject"})
    assert response.status_code == 200 and "Say why" in response.content.decode()
    client.post(
        f"/directory/moderation/changes/{change.id}/", {"decision": "reject", "reason": "Duplicate"}
    )
    change.refresh_from_db()
    assert change.status == "rejected" and change.reason == "Duplicate"


def test_moderator_edits_apply_at_once(client: Client, world: dict) -> None:
    client.force_login(world["moderator"])
    client.post(
        f"/directory/services/{world['service_b'].id}/edit/", {**SERVICE_POST, "name": "Walkers"}
    )
    assert Service.objects.get(id=world["service_b"].id).name == "Walkers"


def test_times_and_location_forms(client: Client, world: dict) -> None:
    f.postcode("PH1 5PH")
    client.force_login(world["moderator"])
    service = world["service_a"]
    client.post(
        f"/directory/services/{service.id}/times/",
        {"days_0": ["MO", "WE"], "opens_0": "10:00", "closes_0": "12:00"},
    )
    assert list(service.schedules.values_list("byday", "opens_at")) == [("MO,WE", "10:00")]
    client.post(
        f"/directory/services/{service.id}/location/",
        {
            "name": "Church hall",
            "address_1": "1 High St",
            "city": "Perth",
            "postcode": "ph1 5ph",
            "accessibility": ["step_free"],
        },
    )
    service.refresh_from_db()
    assert service.postcode == "PH1 5PH" and service.latitude is not None
    bad = client.post(
        f"/directory/services/{service.id}/times/",
        {"days_0": ["MO"], "opens_0": "12:00", "closes_0": "10:00"},
    )
    assert "must be after" in bad.content.decode()


def test_still_accurate_in_one_click(client: Client, world: dict) -> None:
    client.force_login(world["colleague"])
    service = world["service_a"]
    dash = client.get("/directory/editor/").content.decode()
    assert "Tea and chat" in dash and "Stale" in dash and "Walk club" not in dash
    client.post(f"/directory/services/{service.id}/confirm/")
    service.refresh_from_db()
    assert service.last_reviewed_at is not None and service.last_reviewed_by == world["colleague"]
    assert ChangeRecord.objects.filter(object_id=service.id, kind="review").exists()


def test_claims(client: Client, world: dict) -> None:
    unclaimed = f.OrganizationFactory(name="Lonely Org")
    editor = world["owner"]
    client.force_login(editor)
    response = client.post(
        f"/directory/organisations/{unclaimed.id}/claim/",
        {"account": str(world["account_a"].id), "note": "I run it"},
    )
    assert response.status_code == 302
    claim = OrganizationClaim.objects.get()
    # an editor cannot approve their own claim
    assert (
        client.post(
            f"/directory/moderation/claims/{claim.id}/", {"decision": "approve"}
        ).status_code
        == 403
    )
    client.force_login(world["moderator"])
    client.post(f"/directory/moderation/claims/{claim.id}/", {"decision": "approve"})
    unclaimed.refresh_from_db()
    assert unclaimed.owner == world["account_a"]


def test_claim_only_for_own_account(world: dict) -> None:
    from django.core.exceptions import PermissionDenied

    other_account = OrganisationFactory(kind=Organisation.Kind.COMMUNITY)
    with pytest.raises(PermissionDenied):
        services.request_claim(
            organization=world["org_b"], account=other_account, user=world["owner"]
        )


def test_duplicates_flagged_at_creation_and_merged_keeping_links(
    client: Client, world: dict
) -> None:
    client.force_login(world["moderator"])
    client.post(
        f"/directory/services/new/{world['org_a'].id}/", {**SERVICE_POST, "name": "Tea and chat"}
    )
    new = Service.objects.exclude(id=world["service_a"].id).get(name="Tea and chat")
    flag = DuplicateFlag.objects.get()
    assert {flag.service_id, flag.other_id} == {new.id, world["service_a"].id}
    assert "Tea and chat" in client.get("/directory/moderation/").content.decode()
    new.phones.create(number="01738 000000")
    client.post(
        f"/directory/moderation/duplicates/{flag.id}/",
        {"decision": "keep_first" if flag.service_id == world["service_a"].id else "keep_second"},
    )
    keep = world["service_a"]
    new.refresh_from_db()
    assert new.status == "defunct" and new.extra["linkwork_merged_into"] == str(keep.id)
    assert keep.phones.filter(number="01738 000000").exists()
    assert ChangeRecord.objects.filter(object_id=keep.id, kind="merge").exists()
    flag.refresh_from_db()
    assert flag.status == "merged"
