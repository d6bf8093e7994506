"""The case page speaks in words: life domains and concern sources, no preselected status, no
next follow-up on a closed case, names rather than usernames."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from linkwork.casework import services
from linkwork.core.roles import Role
from tests.casework.factories import CaseFactory, PracticeFactory, WhatMattersFactory
from tests.core.factories import make_user

pytestmark = pytest.mark.django_db


def test_case_page_shows_words_not_codes(client: Client) -> None:
    practice = PracticeFactory()
    worker = make_user(
        Role.LINK_WORKER, organisations=(practice,), first_name="Ailsa", last_name="Grant"
    )
    case = CaseFactory(referral__person__gp_practice=practice, status="active", link_worker=worker)
    WhatMattersFactory(case=case, domains=["social_connection"])
    services.raise_risk_flag(
        person=case.person, source="outcomes.phq9", detail_code="phq9_item9", actor=worker
    )
    client.force_login(worker)
    page = client.get(f"/casework/cases/{case.pk}/").content.decode()
    assert "outcomes.phq9" not in page, page[page.find("outcomes.phq9") - 300 :][:400]
    assert "social_connection" not in page, page[page.find("social_connection") - 300 :][:400]
    assert "raised from a PHQ-9 answer" in page
    assert "selected>Did not engage" not in page  # no status is preselected
    assert "Ailsa Grant" in page and worker.username not in page


def test_closed_case_shows_no_next_follow_up(client: Client) -> None:
    practice = PracticeFactory()
    worker = make_user(Role.LINK_WORKER, organisations=(practice,))
    case = CaseFactory(
        referral__person__gp_practice=practice,
        status="active",
        link_worker=worker,
        next_follow_up=timezone.localdate() + dt.timedelta(days=3),
    )
    services.discharge(case=case, actor=worker, reason="goals_met", summary="Done.")
    client.force_login(worker)
    page = client.get(f"/casework/cases/{case.pk}/").content.decode()
    assert "None: the case is closed" in page
