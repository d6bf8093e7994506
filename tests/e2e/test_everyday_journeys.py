"""Each role's daily journey, at phone width (375 px) and desktop width, through the menu and
links only (no typed addresses after signing in), with axe (and its region rule) on every
page; and the closed loop ending with the practice reading the discharge letter."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from linkwork.casework import services
from linkwork.casework.models import Case
from linkwork.core.models import Organisation, User
from linkwork.core.roles import Role
from tests.casework.factories import CaseFactory, CommunityOrgFactory, PracticeFactory
from tests.core.factories import OrganisationFactory, make_user
from tests.directory import factories as df
from tests.e2e.conftest import tick
from tests.e2e.journeys import (
    DESKTOP,
    PASSWORD,
    PHONE,
    check_regions,
    follow,
    open_menu_item,
    sign_in,
)

pytestmark = pytest.mark.django_db(transaction=True)

VIEWPORTS = [pytest.param(PHONE, id="375px"), pytest.param(DESKTOP, id="desktop")]


def _main(page: Any) -> str:
    return str(page.page.locator("main").inner_text())


def _submit(page: Any, name: str) -> None:
    page.page.get_by_role("button", name=name).click()
    page.page.wait_for_load_state("load")
    check_regions(page)


def _world() -> dict[str, Any]:
    programme = OrganisationFactory(name="Perth programme", kind=Organisation.Kind.PROGRAMME)
    practice = PracticeFactory(name="Riverside Medical Practice", programme=programme)
    community = CommunityOrgFactory(name="Befriend Together", programme=programme)
    users = {
        "gp": make_user(Role.PRACTICE_STAFF, username="gp", password=PASSWORD,
                        organisations=(practice,), first_name="Fiona", last_name="Hay"),
        "lw": make_user(Role.LINK_WORKER, username="lw", password=PASSWORD,
                        organisations=(practice,), first_name="Ailsa", last_name="Grant",
                        email="ailsa@example.org"),
        "lw2": make_user(Role.LINK_WORKER, username="lw2", password=PASSWORD,
                         organisations=(practice,), first_name="Calum", last_name="Ross"),
        "ed": make_user(Role.COMMUNITY_EDITOR, username="ed", password=PASSWORD,
                        organisations=(community,), first_name="Morven", last_name="Bell"),
        "pm": make_user(Role.PROGRAMME_MANAGER, username="pm", password=PASSWORD,
                        organisations=(programme,), first_name="Iain", last_name="Muir"),
    }  # fmt: skip
    org = df.OrganizationFactory(name="Befriend Together", owner=community)
    df.ServiceFactory(name="Tea and chat", organization=org, owner=community)
    return {"practice": practice, "community": community, **users}


def _cases(world: dict[str, Any], n: int, **kw: Any) -> list[Case]:
    return [
        CaseFactory(referral__person__gp_practice=world["practice"], status="active", **kw)
        for _ in range(n)
    ]


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_link_worker_day(page: Any, viewport: dict[str, int]) -> None:
    world = _world()
    late = timezone.localdate() - dt.timedelta(days=3)
    overdue = _cases(world, 2, link_worker=world["lw"], next_follow_up=late)
    _cases(world, 30, link_worker=world["lw"])
    CaseFactory(referral__person__gp_practice=world["practice"])  # to triage
    p = page.page
    p.set_viewport_size(viewport)
    sign_in(page, "lw")
    open_menu_item(page, "Caseload")
    assert "Overdue follow-ups (2)" in _main(page) and "Active cases (32)" in _main(page)
    follow(page, "All my cases (32)")
    assert "32 in all" in _main(page)
    p.get_by_label("Follow-up").select_option("overdue")
    _submit(page, "Show cases")
    assert "2 in all" in _main(page)
    follow(page, overdue[0].person.display_name)
    assert p.get_by_role("heading", level=1).is_visible()
    open_menu_item(page, "Find a person")
    p.get_by_label("Name, CHI number or date of birth").fill(overdue[1].person.chi)
    _submit(page, "Find")
    assert "1 person found" in _main(page)
    assert overdue[1].person.chi not in p.url
    follow(page, overdue[1].person.full_name)
    open_menu_item(page, "Triage")
    assert "New referrals to triage" in _main(page)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_practice_staff_day(page: Any, viewport: dict[str, int]) -> None:
    world = _world()
    (done,) = _cases(world, 1, link_worker=world["lw"])
    services.discharge(case=done, actor=world["lw"], reason="goals_met", summary="Walks weekly.")
    p = page.page
    p.set_viewport_size(viewport)
    sign_in(page, "gp")
    open_menu_item(page, "Refer a person")
    p.get_by_label("First name").fill("Morag")
    p.get_by_label("Last name").fill("Reid")
    tick(p, "Social isolation or loneliness")
    tick(p, "They have agreed to this referral")
    _submit(page, "Send referral")
    assert p.get_by_role("region", name="Messages").is_visible()
    assert "Referral sent" in p.get_by_role("region", name="Messages").inner_text()
    assert "Morag Reid" in _main(page)
    follow(page, f"Read the discharge letter ({done.person.full_name})")
    assert "Walks weekly." in _main(page) and "Ailsa Grant" in _main(page)
    assert p.get_by_role("link", name="Download as PDF").is_visible()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_community_editor_day(page: Any, viewport: dict[str, int]) -> None:
    _world()
    p = page.page
    p.set_viewport_size(viewport)
    sign_in(page, "ed")
    open_menu_item(page, "Our organisation")
    follow(page, "Change details of Befriend Together")
    p.get_by_label("What you do").fill("Friendship and tea for older people in Perth.")
    _submit(page, "Save changes")
    assert (
        "A moderator will check your changes"
        in p.get_by_role("region", name="Messages").inner_text()
    )
    follow(page, "Contact details Tea and chat")
    p.get_by_label("Phone number").fill("01738 496000")
    _submit(page, "Save changes")
    open_menu_item(page, "Referrals to us")
    assert p.get_by_role("heading", level=1).is_visible()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_programme_manager_day(page: Any, viewport: dict[str, int]) -> None:
    world = _world()
    (case,) = _cases(world, 1, link_worker=world["lw"])
    _cases(world, 3, link_worker=world["lw2"])
    p = page.page
    p.set_viewport_size(viewport)
    sign_in(page, "pm")
    open_menu_item(page, "Caseloads")
    assert "Ailsa Grant" in _main(page) and "Calum Ross" in _main(page)
    follow(page, "Ailsa Grant")
    follow(page, f"Move to another worker ({case.person.display_name})")
    p.get_by_label("Move to").select_option(label="Calum Ross")
    tick(p, "To balance caseloads")
    _submit(page, "Move the case")
    assert (
        "The case is now with Calum Ross." in p.get_by_role("region", name="Messages").inner_text()
    )
    case.refresh_from_db()
    assert case.link_worker == User.objects.get(username="lw2")
    open_menu_item(page, "Find a person")
    open_menu_item(page, "Moderation")
    assert p.get_by_role("heading", level=1).is_visible()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_closed_loop_ends_with_the_practice_reading_the_letter(
    page: Any, viewport: dict[str, int]
) -> None:
    _world()
    p = page.page
    p.set_viewport_size(viewport)
    sign_in(page, "gp")
    open_menu_item(page, "Refer a person")
    p.get_by_label("First name").fill("Morag")
    p.get_by_label("Last name").fill("Reid")
    tick(p, "Social isolation or loneliness")
    tick(p, "They have agreed to this referral")
    _submit(page, "Send referral")

    sign_in(page, "lw")
    open_menu_item(page, "Triage")
    follow(page, "Morag Reid")
    tick(p, "Accept: put on the waiting list")
    _submit(page, "Record triage")
    _submit(page, "Allocate")
    follow(page, "Record a contact")
    p.get_by_label("Notes").fill("First conversation by phone.")
    _submit(page, "Save")
    follow(page, "Discharge")
    p.get_by_label("Summary for the GP and referrer").fill("Morag now walks with the group.")
    _submit(page, "Discharge and close the case")

    sign_in(page, "gp")
    open_menu_item(page, "Our referrals")
    follow(page, "Read the discharge letter (Morag Reid)")
    text = _main(page)
    assert "Morag now walks with the group." in text
    assert "Ailsa Grant" in text and "ailsa@example.org" in text
