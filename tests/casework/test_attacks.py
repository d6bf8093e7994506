"""Issue 10: each finding of the attack test, performed as the attacker did it. Every test here
failed before the fix (checked against the previous commit)."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from linkwork.casework import services
from linkwork.casework.consent import may_share_with
from linkwork.casework.models import Case, Person, Referral
from linkwork.casework.reminders import ConsoleBackend, send_appointment_reminders
from linkwork.casework.selectors import visible_people
from linkwork.core.models import AuditEntry, Membership, Organisation
from linkwork.core.roles import Role
from linkwork.core.tokens import create_token
from tests.casework.factories import (
    CaseFactory,
    CommunityOrgFactory,
    EncounterFactory,
    PersonFactory,
    PracticeFactory,
    make_service,
)
from tests.casework.test_fhir import CHI, service_request
from tests.core.factories import OrganisationFactory, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_practices() -> dict[str, Any]:
    prog_a, prog_b = OrganisationFactory(kind="programme"), OrganisationFactory(kind="programme")
    a = PracticeFactory(programme=prog_a, code="11111")
    b = PracticeFactory(programme=prog_b, code="22222")
    agency = OrganisationFactory(kind=Organisation.Kind.AGENCY)
    on_file = PersonFactory(
        gp_practice=a,
        chi=CHI,
        given_name="Isla",
        family_name="Fraser",
        date_of_birth=dt.date(1971, 4, 2),
        phone="0131 496 0999",
    )
    return {
        "a": a,
        "b": b,
        "on_file": on_file,
        "agency": agency,
        "lw_a": make_user(Role.LINK_WORKER, organisations=(a,)),
        "lw_b": make_user(Role.LINK_WORKER, organisations=(b,)),
        "staff_b": make_user(Role.PRACTICE_STAFF, organisations=(b,)),
        "agency_staff": make_user(Role.PRACTICE_STAFF, organisations=(agency,)),
    }


def _form(practice: Organisation, **extra: Any) -> dict[str, Any]:
    return {
        "practice": practice.pk,
        "chi": CHI,
        "given_name": "Someone",
        "family_name": "Else",
        "reasons": ["social_isolation"],
        "person_agreed": "on",
        **extra,
    }


def _assert_not_pulled_in(w: dict[str, Any]) -> None:
    referral = Referral.objects.exclude(person=w["on_file"]).get()
    assert referral.person_id != w["on_file"].pk
    assert referral.case.practice == w["b"] and referral.person.gp_practice == w["b"]
    assert not visible_people(w["lw_b"]).filter(pk=w["on_file"].pk).exists()
    assert w["on_file"].cases.count() == 0


# Finding 1: a CHI number alone pulled another practice's person into the caller's view.
def test_practice_form_with_a_chi_known_elsewhere_opens_a_new_record(
    client: Client, two_practices: dict[str, Any]
) -> None:
    w = two_practices
    client.force_login(w["staff_b"])
    response = client.post(reverse("casework:referral_new"), _form(w["b"]))
    assert response.status_code == 302
    _assert_not_pulled_in(w)


def test_agency_form_with_a_chi_known_elsewhere_opens_a_new_record(
    client: Client, two_practices: dict[str, Any]
) -> None:
    w = two_practices
    client.force_login(w["agency_staff"])
    data = _form(w["b"], agency=w["agency"].pk)
    assert client.post(reverse("casework:agency_referral_new"), data).status_code == 302
    _assert_not_pulled_in(w)


def test_api_referral_with_a_chi_known_elsewhere_never_answers_the_name_on_file(
    client: Client, two_practices: dict[str, Any]
) -> None:
    w = two_practices
    client.force_login(w["staff_b"])
    body = {
        "practice_id": w["b"].pk,
        "person": {"chi": CHI, "given_name": "Someone", "family_name": "Else"},
        "reasons": ["social_isolation"],
        "person_agreed": True,
    }
    response = client.post("/api/v1/referrals", json.dumps(body), content_type="application/json")
    assert response.status_code == 201, response.content
    assert "Isla" not in response.content.decode() and "Fraser" not in response.content.decode()
    _assert_not_pulled_in(w)


def test_fhir_referral_with_a_chi_known_elsewhere_opens_a_new_record(
    client: Client, two_practices: dict[str, Any]
) -> None:
    w = two_practices
    token = create_token(user=w["staff_b"])[1]
    response = client.post(
        "/fhir/ServiceRequest",
        json.dumps(service_request(practice_code="22222")),
        content_type="application/fhir+json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 201, response.content
    _assert_not_pulled_in(w)


def test_referral_joins_the_practices_own_record_only_when_chi_birth_date_and_name_agree(
    two_practices: dict[str, Any],
) -> None:
    w = two_practices
    staff_a = make_user(Role.PRACTICE_STAFF, organisations=(w["a"],))
    person = {"chi": CHI, "given_name": "Isla", "family_name": "Fraser"}
    kwargs = {
        "actor": staff_a,
        "source": Referral.Source.PRACTICE,
        "practice": w["a"],
        "referring_organisation": w["a"],
        "reasons": ["social_isolation"],
        "person_agreed": True,
    }
    without_birth_date = services.refer(person=person, **kwargs)
    assert without_birth_date.person_id != w["on_file"].pk
    agreeing = services.refer(person={**person, "date_of_birth": dt.date(1971, 4, 2)}, **kwargs)
    assert agreeing.person_id == w["on_file"].pk
    w["on_file"].refresh_from_db()
    assert w["on_file"].phone == "0131 496 0999"  # a referral never rewrites what is on file


def test_possible_existing_record_is_noted_for_those_who_can_see_both(
    client: Client, two_practices: dict[str, Any]
) -> None:
    w = two_practices
    client.force_login(w["staff_b"])
    client.post(reverse("casework:referral_new"), _form(w["b"]))
    referral = Referral.objects.get()
    assert AuditEntry.objects.filter(
        object_type="casework.referral",
        object_id=str(referral.pk),
        detail__query_kind="possible_existing_record",
    ).exists()


def test_person_level_data_of_another_practice_stays_hidden(
    client: Client, two_practices: dict[str, Any]
) -> None:
    """B's link worker holds a case at B for a person registered at A: A's record, consents
    and outcomes stay A's."""
    w = two_practices
    CaseFactory(referral__person=w["on_file"], practice=w["b"])
    client.force_login(w["lw_b"])
    pk = w["on_file"].pk
    assert client.get(reverse("casework:person_detail", args=[pk])).status_code == 404
    assert client.get(reverse("outcomes:person_outcomes", args=[pk])).status_code == 404
    assert client.get(f"/api/v1/people/{pk}").status_code == 404


# Finding 2: a third party reversed a consent withdrawal.
def test_referral_consent_cannot_override_a_withdrawal(
    client: Client, two_practices: dict[str, Any]
) -> None:
    w = two_practices
    person = w["on_file"]
    services.record_consent(person=person, purpose="sharing", decision="withdrawn", actor=w["lw_a"])
    agency_staff = w["agency_staff"]
    client.force_login(agency_staff)
    data = _form(
        w["a"],
        agency=w["agency"].pk,
        given_name="Isla",
        family_name="Fraser",
        date_of_birth="1971-04-02",
        consent_to_share="on",
    )
    assert client.post(reverse("casework:agency_referral_new"), data).status_code == 302
    referral = Referral.objects.get()
    assert referral.person_id == person.pk and referral.consent_to_share
    community = CommunityOrgFactory()
    assert not may_share_with(person=person, organisation_id=community.pk, case=referral.case)
    with pytest.raises(Exception, match="not agreed"):
        services.create_link(
            case=referral.case,
            service_obj=make_service(owner=community),
            kind="supported",
            actor=w["lw_a"],
        )


def test_referral_consent_covers_that_referral_only() -> None:
    practice = PracticeFactory()
    first = CaseFactory(referral__person__gp_practice=practice)
    with_consent = CaseFactory(
        referral__person=first.person, practice=practice, referral__consent_to_share=True
    )
    org = CommunityOrgFactory()
    assert may_share_with(person=first.person, organisation_id=org.pk, case=with_consent)
    assert not may_share_with(person=first.person, organisation_id=org.pk, case=first)


# Finding 5: re-registering a person anywhere; people with no practice; API validation.
def test_link_worker_cannot_move_a_record_to_another_programmes_practice(
    client: Client, two_practices: dict[str, Any]
) -> None:
    w = two_practices
    client.force_login(w["lw_a"])
    person = w["on_file"]
    url = reverse("casework:person_edit", args=[person.pk])
    data = {"given_name": person.given_name, "gp_practice": w["b"].pk, "version": person.version}
    response = client.post(url, data)
    assert response.status_code == 422
    person.refresh_from_db()
    assert person.gp_practice == w["a"]
    with pytest.raises(Exception, match="practice you work at"):
        services.update_person(
            person=person, actor=w["lw_a"], expected_version=None, data={"gp_practice": w["b"]}
        )


def test_api_cannot_create_a_person_without_a_practice_or_at_someone_elses(
    client: Client, two_practices: dict[str, Any]
) -> None:
    w = two_practices
    client.force_login(w["lw_a"])
    post = lambda body: client.post(  # noqa: E731
        "/api/v1/people", json.dumps(body), content_type="application/json"
    )
    assert post({"given_name": "Nobody"}).status_code == 422
    assert post({"given_name": "Elsewhere", "practice_id": w["b"].pk}).status_code == 403
    assert not Person.objects.filter(given_name__in=["Nobody", "Elsewhere"]).exists()
    assert post({"given_name": "Here", "practice_id": w["a"].pk}).status_code == 201


def test_api_applies_the_same_validation_as_the_form(
    client: Client, two_practices: dict[str, Any]
) -> None:
    w = two_practices
    client.force_login(w["lw_a"])
    bad = {"given_name": "X", "practice_id": w["a"].pk, "contact_methods": ["carrier pigeon"]}
    response = client.post("/api/v1/people", json.dumps(bad), content_type="application/json")
    assert response.status_code == 422
    long_name = {"given_name": "X" * 300, "practice_id": w["a"].pk}
    response = client.post("/api/v1/people", json.dumps(long_name), content_type="application/json")
    assert response.status_code == 422


# Finding 7: FHIR accepted the browser session on a CSRF-exempt endpoint.
def test_fhir_service_request_refuses_the_browser_session(two_practices: dict[str, Any]) -> None:
    w = two_practices
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(w["staff_b"])
    response = browser.post(
        "/fhir/ServiceRequest",
        json.dumps(service_request(practice_code="22222")),
        content_type="application/fhir+json",
    )
    assert response.status_code == 401
    assert not Referral.objects.exists()


def test_api_write_with_a_session_needs_the_csrf_token(two_practices: dict[str, Any]) -> None:
    w = two_practices
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(w["lw_a"])
    body = {"given_name": "Forged", "practice_id": w["a"].pk}
    response = browser.post("/api/v1/people", json.dumps(body), content_type="application/json")
    assert response.status_code in (401, 403)
    assert not Person.objects.filter(given_name="Forged").exists()


# Finding 8: reads of personal data that wrote no audit entry.
def _views(user: Any) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(actor=user, action=AuditEntry.Action.VIEW))


def test_every_read_of_personal_data_is_audited(client: Client) -> None:
    practice = PracticeFactory()
    worker = make_user(Role.LINK_WORKER, organisations=(practice,))
    case = CaseFactory(referral__person__gp_practice=practice, link_worker=worker)
    client.force_login(worker)
    reads = [
        reverse("casework:triage_case", args=[case.pk]),
        reverse("casework:encounter_new", args=[case.pk]),
        reverse("casework:consent_new", args=[case.person_id]),
        f"/api/v1/cases/{case.pk}",
        f"/api/v1/cases/{case.pk}/encounters",
        f"/api/v1/cases/{case.pk}/goals",
        f"/api/v1/cases/{case.pk}/links",
        f"/api/v1/referrals/{case.referral_id}",
    ]
    for url in reads:
        before = len(_views(worker))
        assert client.get(url).status_code == 200, url
        assert len(_views(worker)) > before, f"no audit entry for {url}"


def test_list_reads_record_which_records_were_shown(client: Client) -> None:
    practice = PracticeFactory()
    worker = make_user(Role.LINK_WORKER, organisations=(practice,))
    mine = CaseFactory(referral__person__gp_practice=practice, link_worker=worker, status="active")
    queued = CaseFactory(referral__person__gp_practice=practice)
    client.force_login(worker)
    client.get(reverse("casework:caseload"))
    client.get(reverse("casework:triage"))
    client.get("/api/v1/people")
    shown = [e.detail for e in _views(worker) if e.detail.get("query_kind") == "list"]
    assert any(mine.pk in d["related_id"] for d in shown if d["via"] == "caseload")
    assert any(queued.pk in d["related_id"] for d in shown if d["via"] == "triage")
    assert any(mine.person_id in d["related_id"] for d in shown if d["via"] == "api")


def test_fhir_task_search_is_audited(client: Client) -> None:
    practice = PracticeFactory()
    staff = make_user(Role.PRACTICE_STAFF, organisations=(practice,))
    case = CaseFactory(referral__person__gp_practice=practice)
    token = create_token(user=staff)[1]
    response = client.get(
        f"/fhir/Task?based-on=ServiceRequest/{case.referral_id}",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.json()["total"] == 1
    assert any(e.detail.get("via") == "fhir" for e in _views(staff))


# Finding 9: reminders ignored "safe to leave a message: No" and printed part of the number.
def _booked(person: Person) -> None:
    case = CaseFactory(referral__person=person, status="active")
    EncounterFactory(
        case=case, attendance="booked", occurred_at=timezone.now() + dt.timedelta(hours=3)
    )


def test_no_reminder_when_it_is_not_safe_to_leave_a_message() -> None:
    _booked(
        PersonFactory(mobile="07700900123", contact_methods=["sms"], safe_to_leave_message="no")
    )
    out = io.StringIO()
    assert send_appointment_reminders(backend=ConsoleBackend(out)) == 0


def test_console_reminder_prints_no_part_of_the_number() -> None:
    _booked(
        PersonFactory(mobile="07700900123", contact_methods=["sms"], safe_to_leave_message="yes")
    )
    out = io.StringIO()
    assert send_appointment_reminders(backend=ConsoleBackend(out)) == 1
    assert "123" not in out.getvalue() and "0770" not in out.getvalue()


# Finding 10: special-category free text in URLs.
def test_what_matters_search_text_travels_in_the_body_only(client: Client) -> None:
    practice = PracticeFactory()
    worker = make_user(Role.LINK_WORKER, organisations=(practice,))
    case = CaseFactory(referral__person__gp_practice=practice, status="active")
    client.force_login(worker)
    url = reverse("casework:find_services", args=[case.pk])
    page = client.get(url + "?text=lonely+since+my+wife+died").content.decode()
    assert "lonely since my wife died" not in page
    assert 'method="get"' not in page
    page = client.post(url, {"action": "search", "text": "walking group"}).content.decode()
    assert "walking group" in page


def test_api_name_search_is_a_post(client: Client) -> None:
    practice = PracticeFactory()
    worker = make_user(Role.LINK_WORKER, organisations=(practice,))
    PersonFactory(gp_practice=practice, family_name="Mackay")
    PersonFactory(gp_practice=practice, family_name="Brown")
    client.force_login(worker)
    assert client.get("/api/v1/people?q=Mack").json()["count"] == 2  # ?q= is not a filter
    found = client.post(
        "/api/v1/people/search",
        json.dumps({"family_name_starts": "Mack"}),
        content_type="application/json",
    ).json()
    assert [p["family_name"] for p in found] == ["Mackay"]


# Finding 12: a link worker removed from a practice still saw its cases on the caseload.
def test_caseload_of_a_worker_who_has_left_shows_nothing_of_that_practice(client: Client) -> None:
    practice = PracticeFactory()
    worker = make_user(Role.LINK_WORKER, organisations=(practice,))
    case = CaseFactory(
        referral__person__gp_practice=practice,
        link_worker=worker,
        status="active",
        next_follow_up=timezone.localdate(),
    )
    Membership.objects.filter(user=worker).delete()
    client.force_login(worker)
    page = client.get(reverse("casework:caseload")).content.decode()
    assert case.person.family_name not in page


# Finding 13: cases closed without a discharge.
def test_api_cannot_close_a_case_without_a_discharge(client: Client) -> None:
    practice = PracticeFactory()
    worker = make_user(Role.LINK_WORKER, organisations=(practice,))
    case = CaseFactory(referral__person__gp_practice=practice, status="active")
    client.force_login(worker)
    body = {"to_status": "closed", "version": case.version}
    response = client.post(
        f"/api/v1/cases/{case.pk}/transitions", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 422
    case.refresh_from_db()
    assert case.status == "active"


def test_crafted_post_cannot_close_a_case_without_a_discharge(client: Client) -> None:
    practice = PracticeFactory()
    worker = make_user(Role.LINK_WORKER, organisations=(practice,))
    case = CaseFactory(referral__person__gp_practice=practice, status="active")
    client.force_login(worker)
    for status in ("closed", "did_not_engage"):
        client.post(
            reverse("casework:case_transition", args=[case.pk]),
            {"to_status": status, "version": case.version},
        )
        case.refresh_from_db()
        assert case.status == "active"
    services.discharge(case=case, actor=worker, reason="goals_met", summary="Done.")
    case.refresh_from_db()
    assert case.status == "closed" and case.discharge.summary == "Done."


# Triage commits once.
def test_triage_is_one_transaction(monkeypatch: pytest.MonkeyPatch) -> None:
    from linkwork.casework.services import referrals

    practice = PracticeFactory()
    worker = make_user(Role.LINK_WORKER, organisations=(practice,))
    case = CaseFactory(referral__person__gp_practice=practice)
    real = referrals.move_case

    def fail_on_waiting(**kwargs: Any) -> Case:
        if kwargs["to_status"] == "waiting":
            raise RuntimeError("database went away")
        return real(**kwargs)

    monkeypatch.setattr(referrals, "move_case", fail_on_waiting)
    with pytest.raises(RuntimeError):
        services.triage(case=case, actor=worker, decision="triaged")
    case.refresh_from_db()
    assert case.status == "received"
