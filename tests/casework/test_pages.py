"""Every casework page renders for the role it is for, and scoping holds on each."""

import datetime as dt

import pytest
from django.urls import reverse

from linkwork.casework import services
from linkwork.casework.models import Referral
from linkwork.core.models import AuditEntry
from linkwork.core.roles import Role
from linkwork.core.tokens import create_token
from tests.casework.factories import (
    CaseFactory,
    CommunityOrgFactory,
    EncounterFactory,
    GoalFactory,
    PracticeFactory,
    WhatMattersFactory,
    make_service,
)
from tests.core.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    practice = PracticeFactory(code="12345")
    community = CommunityOrgFactory()
    worker = make_user(Role.LINK_WORKER, organisations=(practice,))
    staff = make_user(Role.PRACTICE_STAFF, organisations=(practice,))
    editor = make_user(Role.COMMUNITY_EDITOR, organisations=(community,))
    case = CaseFactory(
        referral__person__gp_practice=practice,
        status="active",
        link_worker=worker,
        next_follow_up=dt.date.today(),
    )
    EncounterFactory(case=case)
    WhatMattersFactory(case=case)
    goal = GoalFactory(case=case)
    services.rate_goal(goal=goal, actor=worker, rating=3)
    services.record_consent(person=case.person, purpose="sharing", decision="given", actor=worker)
    svc = make_service(owner=community)
    link = services.create_link(case=case, service_obj=svc, kind="supported", actor=worker)
    return {
        "practice": practice,
        "community": community,
        "worker": worker,
        "staff": staff,
        "editor": editor,
        "case": case,
        "link": link,
        "goal": goal,
    }


def test_link_worker_pages_render(client, world) -> None:
    client.force_login(world["worker"])
    case, person = world["case"], world["case"].person
    for url in [
        reverse("casework:caseload"),
        reverse("casework:triage"),
        reverse("casework:triage_case", args=[case.pk]),
        reverse("casework:person_detail", args=[person.pk]),
        reverse("casework:person_edit", args=[person.pk]),
        reverse("casework:case_detail", args=[case.pk]),
        reverse("casework:encounter_new", args=[case.pk]),
        reverse("casework:what_matters_new", args=[case.pk]),
        reverse("casework:goal_new", args=[case.pk]),
        reverse("casework:goal_rate", args=[case.pk, world["goal"].pk]),
        reverse("casework:goal_status", args=[case.pk, world["goal"].pk]),
        reverse("casework:find_services", args=[case.pk]),
        reverse("casework:discharge_new", args=[case.pk]),
        reverse("casework:concern_new", args=[person.pk]),
        reverse("casework:consent_new", args=[person.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
    assert (
        person.display_name
        in client.get(reverse("casework:case_detail", args=[case.pk])).content.decode()
    )


def test_viewing_a_record_is_audited(client, world) -> None:
    client.force_login(world["worker"])
    person = world["case"].person
    client.get(reverse("casework:person_detail", args=[person.pk]))
    entry = AuditEntry.objects.filter(action="view", object_type="casework.person").get()
    assert entry.object_id == str(person.pk) and entry.actor == world["worker"]


def test_practice_staff_refer_a_person(client, world) -> None:
    client.force_login(world["staff"])
    assert client.get(reverse("casework:referral_new")).status_code == 200
    response = client.post(
        reverse("casework:referral_new"),
        {
            "practice": world["practice"].pk,
            "given_name": "Morag",
            "family_name": "Reid",
            "reasons": ["social_isolation", "bereavement"],
            "person_agreed": "on",
        },
    )
    assert response.status_code == 302
    referral = Referral.objects.get(person__given_name="Morag")
    assert referral.case.status == "received" and referral.referred_by == world["staff"]
    page = client.get(reverse("casework:practice_referrals")).content.decode()
    assert "Morag Reid" in page and "Received" in page


def test_referral_with_bad_chi_says_which_check_failed(client, world) -> None:
    client.force_login(world["staff"])
    response = client.post(
        reverse("casework:referral_new"),
        {
            "practice": world["practice"].pk,
            "given_name": "A",
            "family_name": "B",
            "chi": "3102851234",
            "reasons": ["debt"],
            "person_agreed": "on",
        },
    )
    assert response.status_code == 422
    assert "not a real date" in response.content.decode()


def test_self_referral(client, world) -> None:
    assert client.get(reverse("casework:self_referral")).status_code == 200
    response = client.post(
        reverse("casework:self_referral"),
        {
            "given_name": "Jo",
            "family_name": "Bell",
            "phone": "07700 900000",
            "safe_to_leave_message": "yes",
            "postcode": "eh11ab",
            "practice": world["practice"].pk,
            "reasons": ["money"],
            "person_agreed": "on",
        },
    )
    assert response.status_code == 302
    referral = Referral.objects.get(person__given_name="Jo")
    assert referral.source == "self" and referral.person.postcode == "EH1 1AB"


def test_portal_shows_only_minimum_data_and_accepts(client, world) -> None:
    client.force_login(world["editor"])
    link = world["link"]
    assert client.get(reverse("casework:portal")).status_code == 200
    page = client.get(reverse("casework:portal_link", args=[link.pk])).content.decode()
    person = world["case"].person
    assert person.display_name in page
    assert person.chi not in page and "Morgan" in person.family_name
    response = client.post(
        reverse("casework:portal_link", args=[link.pk]),
        {"to_status": "accepted", "version": link.version},
    )
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.status == "accepted"


def test_portal_hides_person_after_consent_withdrawn(client, world) -> None:
    services.record_consent(
        person=world["case"].person, purpose="sharing", decision="withdrawn", actor=world["worker"]
    )
    client.force_login(world["editor"])
    page = client.get(reverse("casework:portal_link", args=[world["link"].pk])).content.decode()
    assert world["case"].person.given_name not in page


def test_discharge_letter_pdf_and_fhir(client, world) -> None:
    client.force_login(world["worker"])
    case = world["case"]
    response = client.post(
        reverse("casework:discharge_new", args=[case.pk]),
        {"reason": "goals_met", "summary": "Joined the walking group.", "version": case.version},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = client.get(reverse("casework:discharge_letter", args=[case.pk])).content.decode()
    assert "871731000000106" in page and "8T09." in page
    pdf = client.get(reverse("casework:discharge_letter_pdf", args=[case.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    token = create_token(user=world["worker"])[1]
    fhir = client.get(
        reverse("fhir:communication", args=[f"discharge-{case.discharge.pk}"]),
        HTTP_AUTHORIZATION=f"Bearer {token}",
    ).json()
    codes = {c["code"] for c in fhir["reasonCode"][0]["coding"]}
    assert codes == {"871731000000106", "8T09."}


def test_optimistic_lock_conflict_keeps_input(client, world) -> None:
    client.force_login(world["worker"])
    person = world["case"].person
    services.update_person(
        person=person,
        actor=world["worker"],
        expected_version=person.version,
        data={"phone": "0131 111"},
    )
    response = client.post(
        reverse("casework:person_edit", args=[person.pk]),
        {
            "given_name": person.given_name,
            "family_name": person.family_name,
            "phone": "0131 999",
            "version": 1,
        },
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert "Someone else" in body and "0131 999" in body
    person.refresh_from_db()
    assert person.phone == "0131 111"


def test_household_link_from_the_person_page(client, world) -> None:
    from tests.casework.factories import PersonFactory

    client.force_login(world["worker"])
    person = world["case"].person
    son = PersonFactory(gp_practice=world["practice"])
    url = reverse("casework:household_new", args=[person.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"related_person_id": son.pk, "relationship": "parent", "lives_with": "on"}
    )
    assert response.status_code == 302
    assert son.household_links.get().relationship == "child"
    outsider = PersonFactory()
    response = client.post(url, {"related_person_id": outsider.pk, "relationship": "parent"})
    assert response.status_code == 422
