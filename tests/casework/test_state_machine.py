"""The referral-to-discharge state machine: legal moves recorded with who/when; illegal refused."""

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linkwork.casework import services
from linkwork.casework.models import StatusChange
from linkwork.casework.states import (
    FINAL,
    TRANSITIONS,
    CaseStatus,
    IllegalTransition,
    check_transition,
)
from linkwork.core.models import AuditEntry
from linkwork.core.roles import Role
from tests.casework.factories import CaseFactory, PersonFactory, PracticeFactory
from tests.core.factories import make_user

pytestmark = pytest.mark.django_db


def test_every_status_has_rules_and_final_ones_lead_nowhere() -> None:
    assert set(TRANSITIONS) == set(CaseStatus.values)
    assert {"closed", "declined", "unable_to_contact", "did_not_engage"} == FINAL


@pytest.mark.parametrize(
    ("current", "new"),
    [
        (a, b)
        for a, b in itertools.product(CaseStatus.values, CaseStatus.values)
        if b not in TRANSITIONS[a]
    ],
)
def test_illegal_transitions_are_refused(current: str, new: str) -> None:
    with pytest.raises(IllegalTransition):
        check_transition(current, new)


def test_happy_path_is_recorded_with_who_and_when() -> None:
    practice = PracticeFactory()
    staff = make_user(Role.PRACTICE_STAFF, organisations=(practice,))
    worker = make_user(Role.LINK_WORKER, organisations=(practice,))
    person = PersonFactory(gp_practice=practice)
    referral = services.create_referral(
        person=person,
        source="practice",
        practice=practice,
        referring_organisation=practice,
        actor=staff,
        reasons=["social_isolation"],
    )
    case = referral.case
    case = services.triage(case=case, actor=worker, decision="triaged")
    assert case.status == "waiting"
    case = services.allocate(case=case, link_worker=worker, actor=worker)
    assert case.link_worker == worker
    from django.utils import timezone

    services.record_encounter(case=case, actor=worker, occurred_at=timezone.now(), mode="phone")
    case.refresh_from_db()
    assert case.status == "active"
    services.discharge(case=case, actor=worker, reason="goals_met", summary="Goes to the group.")
    case.refresh_from_db()
    assert case.status == "closed" and case.closed_at is not None
    history = list(StatusChange.objects.filter(case=case).values_list("to_status", "by"))
    assert history == [
        ("received", staff.pk),
        ("triaged", worker.pk),
        ("waiting", worker.pk),
        ("allocated", worker.pk),
        ("active", worker.pk),
        ("closed", worker.pk),
    ]
    assert AuditEntry.objects.filter(object_type="casework.case", action="update").count() == 5


def test_closing_a_case_not_yet_active_is_refused() -> None:
    case = CaseFactory()
    worker = make_user(Role.LINK_WORKER, organisations=(case.practice,))
    with pytest.raises(IllegalTransition):
        services.discharge(case=case, actor=worker, reason="goals_met", summary="Done.")
    case.refresh_from_db()
    assert case.status == "received"
    assert not StatusChange.objects.filter(case=case).exists()


def test_allocation_only_to_a_link_worker_of_the_practice() -> None:
    from django.core.exceptions import ValidationError

    case = CaseFactory(status="waiting")
    elsewhere = make_user(Role.LINK_WORKER, organisations=(PracticeFactory(),))
    here = make_user(Role.LINK_WORKER, organisations=(case.practice,))
    with pytest.raises(ValidationError):
        services.allocate(case=case, link_worker=elsewhere, actor=here)


@settings(deadline=None)  # pure logic; timing depends on machine load
@given(st.lists(st.sampled_from(CaseStatus.values), max_size=8))
def test_any_sequence_keeps_the_case_in_a_legal_state(moves: list[str]) -> None:
    status = "received"
    for new in moves:
        try:
            check_transition(status, new)
        except IllegalTransition:
            continue
        assert new in TRANSITIONS[status]
        status = new
    assert status in CaseStatus.values
