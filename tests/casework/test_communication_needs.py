"""Interpreter and communication needs (language, interpreter, BSL, large print, no phone calls)
show on every screen where a link worker contacts the person, from one include, and only there
is something to show."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from linkwork.casework import services
from linkwork.casework.models import Case
from linkwork.core.roles import Role
from tests.casework.factories import CaseFactory, CommunityOrgFactory, PracticeFactory, make_service
from tests.core.factories import make_user

pytestmark = pytest.mark.django_db

#: What the full box says for a person with every need recorded.
FULL = (
    "How to contact them",
    "Preferred language: Polish",
    "Needs an interpreter",
    "Uses British Sign Language (BSL)",
    "Needs large print",
    "No phone calls",
    "Other needs: Write things down; hears better on the left",
)
#: What a row in a list says.
COMPACT = ("Speaks Polish", "Interpreter", "BSL", "Large print", "No phone calls")


@pytest.fixture
def world() -> dict:
    practice = PracticeFactory()
    worker = make_user(Role.LINK_WORKER, organisations=(practice,))
    case = CaseFactory(
        referral__person__gp_practice=practice,
        referral__person__preferred_language="Polish",
        referral__person__interpreter_needed=True,
        referral__person__uses_bsl=True,
        referral__person__large_print=True,
        referral__person__no_phone_calls=True,
        referral__person__communication_needs="Write things down; hears better on the left",
        referral__consent_to_share=True,
        status="active",
        link_worker=worker,
        next_follow_up=timezone.localdate() + dt.timedelta(days=1),
    )
    received = CaseFactory(
        referral__person__gp_practice=practice,
        referral__person__uses_bsl=True,
        referral__person__no_phone_calls=True,
    )
    return {"practice": practice, "worker": worker, "case": case, "received": received}


def _shows(html: str, words: tuple[str, ...], where: str) -> None:
    for text in words:
        assert text in html, f"{text!r} missing on {where}"


def test_every_contact_screen_shows_the_full_needs(client: Client, world: dict) -> None:
    case: Case = world["case"]
    person = case.person
    client.force_login(world["worker"])
    screens = {
        "person page": reverse("casework:person_detail", args=[person.pk]),
        "case page": reverse("casework:case_detail", args=[case.pk]),
        "contact (encounter) form": reverse("casework:encounter_new", args=[case.pk]),
        "what matters form": reverse("casework:what_matters_new", args=[case.pk]),
        "goal form": reverse("casework:goal_new", args=[case.pk]),
        "discharge form": reverse("casework:discharge_new", args=[case.pk]),
        "consent form": reverse("casework:consent_new", args=[person.pk]),
        "safeguarding form": reverse("casework:concern_new", args=[person.pk]),
        "triage decision": reverse("casework:triage_case", args=[world["received"].pk]),
    }
    for where, url in screens.items():
        response = client.get(url)
        assert response.status_code == 200, where
        html = response.content.decode()
        if where == "triage decision":
            _shows(html, ("Uses British Sign Language (BSL)", "No phone calls"), where)
            assert "Needs large print" not in html
        else:
            _shows(html, FULL, where)


def test_every_list_a_worker_phones_from_shows_the_tags(client: Client, world: dict) -> None:
    client.force_login(world["worker"])
    for where, url in {
        "caseload": "/casework/",
        "all my cases": "/casework/my-cases/",
        "triage and waiting list": "/casework/triage/",
    }.items():
        html = client.get(url).content.decode()
        if where == "triage and waiting list":
            _shows(html, ("BSL", "No phone calls"), where)
        else:
            _shows(html, COMPACT, where)
    found = client.post("/casework/find/", {"query": world["case"].person.family_name})
    _shows(found.content.decode(), COMPACT, "find a person")


def test_the_community_organisation_sees_the_needs_when_shared(client: Client, world: dict) -> None:
    community = CommunityOrgFactory()
    editor = make_user(Role.COMMUNITY_EDITOR, organisations=(community,))
    link = services.create_link(
        case=world["case"],
        service_obj=make_service(owner=community),
        kind="supported",
        actor=world["worker"],
    )
    client.force_login(editor)
    html = client.get(reverse("casework:portal_link", args=[link.pk])).content.decode()
    _shows(html, FULL, "portal referral")
    assert {"uses_bsl", "large_print", "no_phone_calls"} <= set(link.shared_fields)


def test_nothing_is_shown_when_nothing_is_recorded(client: Client, world: dict) -> None:
    plain = CaseFactory(
        referral__person__gp_practice=world["practice"], status="active", link_worker=None
    )
    client.force_login(world["worker"])
    html = client.get(reverse("casework:case_detail", args=[plain.pk])).content.decode()
    assert "How to contact them" not in html


def test_the_link_worker_records_the_needs_on_the_person(client: Client, world: dict) -> None:
    person = world["received"].person
    client.force_login(world["worker"])
    form = client.get(reverse("casework:person_edit", args=[person.pk])).content.decode()
    for label in ("uses British Sign Language (BSL)", "needs large print", "no phone calls"):
        assert label.lower() in form.lower(), label
