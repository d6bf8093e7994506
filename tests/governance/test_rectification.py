"""Rectification keeps history (UK GDPR art. 16): what changed, when, by whom and why, seen by
the DPO of the person's practice and given to the person in a subject access export."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from linkwork.casework import services
from linkwork.core.models import AuditEntry
from linkwork.core.roles import Role
from linkwork.core.tokens import create_token
from linkwork.governance import subject_access as sar
from linkwork.governance.models import Rectification
from tests.casework.factories import PersonFactory, PracticeFactory
from tests.core.factories import make_user
from tests.governance.factories import dpo_of

pytestmark = pytest.mark.django_db


def _corrected(reason: str = "She told us her new number") -> tuple:
    practice = PracticeFactory()
    worker = make_user(Role.LINK_WORKER, organisations=(practice,))
    person = PersonFactory(gp_practice=practice, phone="0131 000", family_name="Morgan")
    services.update_person(
        person=person,
        actor=worker,
        expected_version=person.version,
        data={"phone": "0131 999", "family_name": "Morgan"},
        reason=reason,
    )
    return practice, worker, person


def test_a_correction_keeps_what_it_was_what_it_became_who_and_why() -> None:
    _practice, worker, person = _corrected()
    [row] = Rectification.objects.filter(person=person)  # the unchanged name is not history
    assert (row.field, row.old_value, row.new_value) == ("phone", "0131 000", "0131 999")
    assert row.changed_by == worker and row.reason == "She told us her new number"
    assert row.changed_at is not None


def test_each_correction_adds_to_the_history_and_nothing_is_overwritten() -> None:
    _practice, worker, person = _corrected()
    person.refresh_from_db()
    services.update_person(
        person=person,
        actor=worker,
        expected_version=person.version,
        data={"phone": "0131 555", "date_of_birth": person.date_of_birth, "mobile": "07700 900"},
    )
    history = [(r.field, r.old_value, r.new_value) for r in Rectification.objects.order_by("id")]
    assert history == [
        ("phone", "0131 000", "0131 999"),
        ("phone", "0131 999", "0131 555"),
        ("mobile", "", "07700 900"),
    ]


def test_a_refused_edit_leaves_no_history() -> None:
    _practice, worker, person = _corrected()
    stale = person.version - 1
    with pytest.raises(services.EditConflict):
        services.update_person(
            person=person, actor=worker, expected_version=stale, data={"phone": "0"}
        )
    assert Rectification.objects.count() == 1


def test_the_edit_page_and_the_api_ask_why_and_keep_it(client) -> None:
    practice = PracticeFactory()
    worker = make_user(Role.LINK_WORKER, organisations=(practice,))
    person = PersonFactory(gp_practice=practice, phone="1")
    client.force_login(worker)
    url = reverse("casework:person_edit", args=[person.pk])
    assert "Why are you changing these details?" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "given_name": person.given_name,
            "family_name": person.family_name,
            "phone": "2",
            "version": person.version,
            "reason": "Typo on the referral",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    person.refresh_from_db()
    _row, token = create_token(user=worker)
    response = client.patch(
        f"/api/v1/people/{person.pk}",
        data=json.dumps({"version": person.version, "phone": "3", "reason": "Moved house"}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 200, response.content
    assert "reason" not in response.json()
    rows = Rectification.objects.filter(person=person, field="phone").order_by("id")
    assert [(r.old_value, r.new_value, r.reason) for r in rows] == [
        ("1", "2", "Typo on the referral"),
        ("2", "3", "Moved house"),
    ]


def test_the_dpo_sees_the_history_and_the_reading_is_audited(client) -> None:
    practice, _worker, person = _corrected()
    dpo = dpo_of(practice)
    client.force_login(dpo)
    response = client.get(reverse("governance:person_corrections", args=[person.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "0131 000" in body and "0131 999" in body and "She told us her new number" in body
    assert "no-store" in response["Cache-Control"]
    assert AuditEntry.objects.filter(
        actor=dpo, action="view", object_type="casework.person", object_id=str(person.pk)
    ).exists()
    # and the person page's access panel links to it
    panel = client.get(reverse("governance:person_access", args=[person.pk])).content.decode()
    assert reverse("governance:person_corrections", args=[person.pk]) in panel


@pytest.mark.parametrize(
    "role", ["link_worker", "practice_staff", "community_editor", "programme_manager", "analyst"]
)
def test_only_the_dpo_may_read_the_history(client, role) -> None:
    practice, _worker, person = _corrected()
    client.force_login(make_user(role, organisations=(practice,)))
    url = reverse("governance:person_corrections", args=[person.pk])
    assert client.get(url).status_code == 403


def test_a_dpo_of_another_practice_cannot_read_the_history(client) -> None:
    _practice, _worker, person = _corrected()
    client.force_login(dpo_of(PracticeFactory()))
    url = reverse("governance:person_corrections", args=[person.pk])
    assert client.get(url).status_code == 403


def test_subject_access_gives_the_person_the_history() -> None:
    _practice, worker, person = _corrected()
    data = sar.collect(person, organisation_ids=None)
    [row] = data["records"]["governance.rectification"]
    assert row["old_value"] == "0131 000" and row["new_value"] == "0131 999"
    assert row["reason"] == "She told us her new number"
    assert row["changed_by"] == str(worker)
