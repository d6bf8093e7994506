"""Every editorial form, end to end: an editor of the owning organisation saves it, the change
waits for a moderator, the moderator approves it and the public record changes. (A community
editor saving their organisation's details once got a server error.)"""

from __future__ import annotations

import pytest
from django.test import Client

from linkwork.core.models import Organisation
from linkwork.core.roles import Role
from linkwork.directory.models import ChangeRecord, ChangeRequest, Organization, Service
from tests.core.factories import OrganisationFactory, make_user
from tests.directory import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> dict:
    account = OrganisationFactory(name="Befriend Together", kind=Organisation.Kind.COMMUNITY)
    org = f.OrganizationFactory(name="Befriend Together", owner=account)
    return {
        "org": org,
        "service": f.ServiceFactory(name="Tea and chat", organization=org, owner=account),
        "editor": make_user(Role.COMMUNITY_EDITOR, organisations=(account,)),
        "moderator": make_user(Role.PROGRAMME_MANAGER),
    }


def _save_then_approve(client: Client, world: dict, url: str, data: dict) -> ChangeRequest:
    client.force_login(world["editor"])
    assert client.get(url).status_code == 200
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    change = ChangeRequest.objects.get(status="pending")
    client.force_login(world["moderator"])
    review = client.get(f"/directory/moderation/changes/{change.id}/")
    assert review.status_code == 200
    approved = client.post(f"/directory/moderation/changes/{change.id}/", {"decision": "approve"})
    assert approved.status_code == 302
    change.refresh_from_db()
    assert change.status == "approved"
    return change


def test_editor_changes_organisation_details(client: Client, world: dict) -> None:
    org = world["org"]
    _save_then_approve(
        client,
        world,
        f"/directory/organisations/{org.id}/edit/",
        {
            "name": "Befriend Together Perth",
            "description": "Friendship for older people",
            "email": "hello@example.org",
            "website": "example.org",
        },
    )
    org = Organization.objects.get(id=org.id)
    assert org.name == "Befriend Together Perth" and org.website == "https://example.org"
    assert ChangeRecord.objects.filter(object_id=org.id, kind="update").exists()


def test_editor_changes_a_service(client: Client, world: dict) -> None:
    service = world["service"]
    _save_then_approve(
        client,
        world,
        f"/directory/services/{service.id}/edit/",
        {
            "name": "Tea, chat and cake",
            "status": "active",
            "delivery_modes": ["in_person"],
            "categories": ["befriending"],
            "minimum_age": "60",
            "is_free": "yes",
        },
    )
    service = Service.objects.get(id=service.id)
    assert service.name == "Tea, chat and cake" and service.minimum_age == 60
    assert service.is_free is True


def test_editor_adds_a_service(client: Client, world: dict) -> None:
    _save_then_approve(
        client,
        world,
        f"/directory/services/new/{world['org'].id}/",
        {"name": "Walk and talk", "status": "active", "delivery_modes": ["in_person"]},
    )
    assert Service.objects.filter(name="Walk and talk", organization=world["org"]).exists()


def test_editor_changes_opening_times(client: Client, world: dict) -> None:
    service = world["service"]
    _save_then_approve(
        client,
        world,
        f"/directory/services/{service.id}/times/",
        {"days_0": ["TU"], "opens_0": "14:00", "closes_0": "16:00"},
    )
    assert list(service.schedules.values_list("byday", "opens_at", "closes_at")) == [
        ("TU", "14:00", "16:00")
    ]


def test_editor_changes_the_location(client: Client, world: dict) -> None:
    f.postcode("PH1 5PH")
    service = world["service"]
    _save_then_approve(
        client,
        world,
        f"/directory/services/{service.id}/location/",
        {"name": "Church hall", "address_1": "1 High St", "city": "Perth", "postcode": "ph15ph"},
    )
    service.refresh_from_db()
    assert service.postcode == "PH1 5PH"


def test_editor_changes_contact_details(client: Client, world: dict) -> None:
    service = world["service"]
    _save_then_approve(
        client,
        world,
        f"/directory/services/{service.id}/contacts/",
        {
            "phone": "0131  496 0000",
            "contact_name": "Morag",
            "contact_title": "Coordinator",
            "contact_email": "morag@example.org",
        },
    )
    assert list(service.phones.values_list("number", flat=True)) == ["0131 496 0000"]
    contact = service.contacts.get()
    assert (contact.name, contact.email) == ("Morag", "morag@example.org")


def test_contact_form_names_a_wrong_phone_number(client: Client, world: dict) -> None:
    client.force_login(world["editor"])
    response = client.post(
        f"/directory/services/{world['service'].id}/contacts/", {"phone": "call us"}
    )
    assert response.status_code == 200
    assert "Enter a phone number with its area code" in response.content.decode()
    assert not ChangeRequest.objects.exists()


def test_outsider_cannot_change_contacts(client: Client, world: dict) -> None:
    other = OrganisationFactory(kind=Organisation.Kind.COMMUNITY)
    client.force_login(make_user(Role.COMMUNITY_EDITOR, organisations=(other,)))
    url = f"/directory/services/{world['service'].id}/contacts/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"phone": "0131 496 0000"}).status_code == 403
    assert not ChangeRequest.objects.exists()


def test_moderation_names_the_service_and_the_fields_in_words(client: Client, world: dict) -> None:
    service = world["service"]
    client.force_login(world["editor"])
    client.post(
        f"/directory/services/{service.id}/times/",
        {"days_0": ["TU"], "opens_0": "14:00", "closes_0": "16:00"},
    )
    details = {"name": "Tea", "status": "active", "eligibility_description": "Over 60"}
    client.post(f"/directory/services/{service.id}/edit/", details)
    client.force_login(world["moderator"])
    queue = client.get("/directory/moderation/").content.decode()
    assert "Opening times: Tea and chat" in queue and "service_times" not in queue
    assert "Who it is for" in queue and "eligibility_description" not in queue
    change = ChangeRequest.objects.get(object_type="service")
    page = client.get(f"/directory/moderation/changes/{change.id}/").content.decode()
    assert "Who it is for" in page and "eligibility_description" not in page
    assert "Tea and chat" in page
