"""Browser tests for casework: the closed loop from GP referral to community attendance, and
axe on every casework page."""

from __future__ import annotations

import re

import pytest

from linkwork.casework import services
from linkwork.casework.models import Case, Referral, ServiceLink
from linkwork.core.roles import Role
from tests.casework.factories import (
    CaseFactory,
    CommunityOrgFactory,
    GoalFactory,
    PracticeFactory,
    WhatMattersFactory,
    make_service,
)
from tests.core.factories import make_user
from tests.e2e.conftest import sign_in, tick

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "correct-horse-battery"


def submit(page, name: str) -> None:
    page.page.get_by_role("button", name=name).click()
    page.page.wait_for_load_state("load")
    page.check_accessibility()


def test_referral_to_community_attendance_closed_loop(page) -> None:
    practice = PracticeFactory(name="Riverside Medical Practice")
    community = CommunityOrgFactory(name="Befriend Together")
    make_user(Role.PRACTICE_STAFF, username="gp", password=PASSWORD, organisations=(practice,))
    make_user(Role.LINK_WORKER, username="lw", password=PASSWORD, organisations=(practice,))
    make_user(Role.COMMUNITY_EDITOR, username="ed", password=PASSWORD, organisations=(community,))
    make_service(owner=community, name="Walking group")
    p = page.page

    # Practice staff refer a person.
    sign_in(page, "gp")
    page.goto("/refer/")
    p.get_by_label("First name").fill("Morag")
    p.get_by_label("Last name").fill("Reid")
    tick(p, "Social isolation or loneliness")
    tick(p, "They agree to their details being shared with community organisations")
    tick(p, "They have agreed to this referral")
    submit(page, "Send referral")
    assert "Morag Reid" in p.locator("main").inner_text()
    assert "Received" in p.locator("main").inner_text()

    # The link worker triages, allocates, records a conversation, a goal and a referral.
    sign_in(page, "lw")
    page.goto("/casework/triage/")
    p.get_by_role("link", name="Morag Reid").click()
    page.check_accessibility()
    tick(p, "Accept: put on the waiting list")
    submit(page, "Record triage")
    submit(page, "Allocate")
    assert p.get_by_role("heading", level=1).inner_text() == "Morag Reid"
    case = Case.objects.get(referral__person__given_name="Morag")
    assert case.status == "allocated"

    p.get_by_role("link", name="Record a contact").click()
    page.check_accessibility()
    p.get_by_label("Notes").fill("First conversation by phone.")
    submit(page, "Save")
    p.get_by_role("link", name="Record what matters").click()
    page.check_accessibility()
    p.get_by_label("What matters to them, in their words").fill(
        "I want to get out walking and meet people."
    )
    tick(p, "Friends, company and feeling connected")
    submit(page, "Save")
    p.get_by_role("link", name="Add a goal").click()
    page.check_accessibility()
    p.get_by_label("Goal, in their words").fill("Walk with the group every Tuesday")
    submit(page, "Save")
    assert "Walk with the group every Tuesday" in p.locator("main").inner_text()

    p.get_by_role("link", name="Find services and link").click()
    page.check_accessibility()
    p.get_by_label("What matters (used to find services)").fill("walking")
    submit(page, "Search")
    card = p.locator(".ds_card", has_text="Walking group")
    tick(card, "Supported referral (sent to the organisation)")
    card.get_by_role("button", name=re.compile("Record link")).click()
    p.wait_for_load_state("load")
    page.check_accessibility()
    assert "Sent, waiting for a reply" in p.locator("main").inner_text()

    # The community organisation accepts and records attendance.
    sign_in(page, "ed")
    page.goto("/portal/")
    link = ServiceLink.objects.get()
    p.get_by_role("link", name=re.compile(f"Someone referred to .*reference {link.pk}")).click()
    page.check_accessibility()
    assert "Morag" in p.locator("main").inner_text()
    assert p.get_by_label("Date of their first session").count() == 0
    tick(p, "Yes, we can take them")
    submit(page, "Send update")
    p.get_by_role("link", name=re.compile(r"Accepted and attending \(1\)")).click()
    p.get_by_role("link", name=re.compile(f"Someone referred to .*reference {link.pk}")).click()
    page.check_accessibility()
    tick(p, "They came to their first session")
    submit(page, "Send update")

    # The link worker sees it.
    sign_in(page, "lw")
    page.goto(f"/casework/cases/{case.pk}/")
    main = p.locator("main").inner_text()
    assert "Attending" in main and "First attended" in main


def test_every_casework_page_passes_axe(page) -> None:
    practice = PracticeFactory()
    community = CommunityOrgFactory()
    make_user(Role.LINK_WORKER, username="lw", password=PASSWORD, organisations=(practice,))
    make_user(Role.PRACTICE_STAFF, username="gp", password=PASSWORD, organisations=(practice,))
    make_user(Role.COMMUNITY_EDITOR, username="ed", password=PASSWORD, organisations=(community,))
    make_user(Role.PROGRAMME_MANAGER, username="pm", password=PASSWORD, organisations=(practice,))
    from linkwork.core.models import User

    worker = User.objects.get(username="lw")
    case = CaseFactory(referral__person__gp_practice=practice, status="active", link_worker=worker)
    CaseFactory(referral__person__gp_practice=practice)
    CaseFactory(referral__person__gp_practice=practice, status="waiting")
    WhatMattersFactory(case=case)
    goal = GoalFactory(case=case)
    services.record_consent(person=case.person, purpose="sharing", decision="given", actor=worker)
    link = services.create_link(
        case=case, service_obj=make_service(owner=community), kind="supported", actor=worker
    )
    services.raise_risk_flag(
        person=case.person, source="outcomes.phq9", detail_code="phq9_item9", actor=worker
    )
    closed = CaseFactory(
        referral__person__gp_practice=practice, status="active", link_worker=worker
    )
    services.discharge(case=closed, actor=worker, reason="goals_met", summary="Going well.")

    page.goto("/ask-for-a-link-worker/")
    page.page.get_by_role("button", name="Send").click()
    page.check_accessibility()  # the error summary too
    sign_in(page, "gp")
    for url in ["/refer/", "/refer/sent/"]:
        page.goto(url)
    sign_in(page, "lw")
    person = case.person
    for url in [
        "/casework/",
        "/casework/triage/",
        f"/casework/triage/{Referral.objects.exclude(case__status='active').first().case.pk}/",
        f"/casework/people/{person.pk}/",
        f"/casework/people/{person.pk}/edit/",
        f"/casework/people/{person.pk}/consent/",
        f"/casework/people/{person.pk}/concerns/new/",
        f"/casework/cases/{case.pk}/",
        f"/casework/cases/{case.pk}/encounters/new/",
        f"/casework/cases/{case.pk}/what-matters/new/",
        f"/casework/cases/{case.pk}/goals/new/",
        f"/casework/cases/{case.pk}/goals/{goal.pk}/rate/",
        f"/casework/cases/{case.pk}/goals/{goal.pk}/status/",
        f"/casework/cases/{case.pk}/services/?text=walking",
        f"/casework/cases/{case.pk}/discharge/",
        f"/casework/cases/{closed.pk}/letter/",
    ]:
        page.goto(url)
    page.goto(f"/casework/people/{person.pk}/")
    assert page.page.get_by_role("region", name="Safeguarding alert").is_visible()
    sign_in(page, "pm")
    page.goto(f"/casework/people/{person.pk}/merge/")
    sign_in(page, "ed")
    page.goto("/portal/")
    page.goto(f"/portal/referrals/{link.pk}/")
