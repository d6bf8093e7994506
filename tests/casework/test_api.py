"""The casework API writes through the same services, with the same scoping and locking."""

import json

import pytest

from linkwork.casework import services
from linkwork.casework.models import Referral
from linkwork.core.roles import Role
from linkwork.core.tokens import create_token
from tests.casework.factories import CaseFactory, CommunityOrgFactory, PracticeFactory, make_service
from tests.core.factories import make_user

pytestmark = pytest.mark.django_db


def bearer(user):
    _row, token = create_token(user=user)
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def send(client, method, url, body, headers):
    return getattr(client, method)(
        url, data=json.dumps(body), content_type="application/json", **headers
    )


def test_practice_staff_refer_through_the_api() -> None:
    from django.test import Client

    client = Client()
    practice = PracticeFactory()
    staff = make_user(Role.PRACTICE_STAFF, organisations=(practice,))
    body = {
        "practice_id": practice.pk,
        "person": {"given_name": "Ewan", "family_name": "Grant"},
        "reasons": ["debt"],
        "person_agreed": True,
    }
    response = send(client, "post", "/api/v1/referrals", body, bearer(staff))
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "received"
    other = PracticeFactory()
    response = send(
        client, "post", "/api/v1/referrals", {**body, "practice_id": other.pk}, bearer(staff)
    )
    assert response.status_code == 403
    response = send(
        client, "post", "/api/v1/referrals", {**body, "reasons": ["nonsense"]}, bearer(staff)
    )
    assert response.status_code == 422
    assert Referral.objects.count() == 1


def test_patch_person_with_stale_version_is_409(client) -> None:
    case = CaseFactory()
    worker = make_user(Role.LINK_WORKER, organisations=(case.practice,))
    headers = bearer(worker)
    url = f"/api/v1/people/{case.person.pk}"
    assert send(client, "patch", url, {"version": 1, "phone": "1"}, headers).json()["version"] == 2
    response = send(client, "patch", url, {"version": 1, "phone": "2"}, headers)
    assert response.status_code == 409
    assert client.get(url, **headers).json()["phone"] == "1"


def test_illegal_transition_is_422_and_legal_one_moves_the_case(client) -> None:
    case = CaseFactory()
    headers = bearer(make_user(Role.LINK_WORKER, organisations=(case.practice,)))
    url = f"/api/v1/cases/{case.pk}/transitions"
    assert (
        send(client, "post", url, {"to_status": "closed", "version": 1}, headers).status_code == 422
    )
    response = send(client, "post", url, {"to_status": "triaged", "version": 1}, headers)
    assert response.status_code == 200 and response.json()["status"] == "triaged"


def test_manager_can_read_but_not_write(client) -> None:
    programme = PracticeFactory(kind="programme")
    practice = PracticeFactory(programme=programme)
    case = CaseFactory(referral__person__gp_practice=practice)
    headers = bearer(make_user(Role.PROGRAMME_MANAGER, organisations=(programme,)))
    assert client.get(f"/api/v1/cases/{case.pk}", **headers).status_code == 200
    response = send(client, "post", f"/api/v1/cases/{case.pk}/goals", {"what": "x"}, headers)
    assert response.status_code == 403


def test_encounters_goals_and_links_round_trip(client) -> None:
    community = CommunityOrgFactory()
    case = CaseFactory(status="active")
    worker = make_user(Role.LINK_WORKER, organisations=(case.practice,))
    headers = bearer(worker)
    base = f"/api/v1/cases/{case.pk}"
    r = send(
        client,
        "post",
        f"{base}/encounters",
        {"occurred_at": "2025-03-01T10:00:00Z", "mode": "phone"},
        headers,
    )
    assert r.status_code == 201
    r = send(client, "post", f"{base}/goals", {"what": "Join a choir", "first_rating": 2}, headers)
    assert r.status_code == 201 and r.json()["ratings"] == [2]
    goal_id = r.json()["id"]
    r = send(client, "post", f"/api/v1/goals/{goal_id}/progress", {"rating": 5}, headers)
    assert r.json()["ratings"] == [2, 5]
    services.record_consent(person=case.person, purpose="sharing", decision="given", actor=worker)
    svc = make_service(owner=community)
    r = send(
        client, "post", f"{base}/links", {"service_id": str(svc.pk), "kind": "supported"}, headers
    )
    assert r.status_code == 201 and r.json()["status"] == "sent"
    editor = bearer(make_user(Role.COMMUNITY_EDITOR, organisations=(community,)))
    link_id = r.json()["id"]
    r = send(
        client, "post", f"/api/v1/portal/links/{link_id}/status", {"to_status": "accepted"}, editor
    )
    assert r.status_code == 200 and r.json()["status"] == "accepted"
    assert client.get(f"{base}/links", **headers).json()[0]["status"] == "accepted"
