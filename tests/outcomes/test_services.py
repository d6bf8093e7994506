"""Administering instruments: stored with the app's own score, audited, PHQ-9 item 9 raising
the safeguarding flag at once, and one-time self-completion links."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from linkwork.casework.guards import WriteOutsideServices, service_writes
from linkwork.casework.models import SafeguardingConcern
from linkwork.core.models import AuditEntry
from linkwork.core.roles import Role
from linkwork.outcomes import services
from linkwork.outcomes.models import Administration, InstrumentText, SelfCompletionLink
from linkwork.outcomes.scoring import AnswerError
from linkwork.outcomes.selectors import IMPROVED, NO_CHANGE, WORSENED, score_history
from tests.core.factories import make_user
from tests.outcomes.factories import CaseFactory, PersonFactory, record

pytestmark = pytest.mark.django_db


def test_administration_stores_answers_and_the_scored_result_and_is_audited() -> None:
    case = CaseFactory()
    worker = make_user(Role.LINK_WORKER, organisations=(case.practice,))
    a = record(case.person, "phq9", [1, 2, 1, 2, 1, 2, 1, 2, 0], case=case, actor=worker)
    assert a.answers == [1, 2, 1, 2, 1, 2, 1, 2, 0]
    assert a.result == {
        "instrument": "phq9", "valid": True, "scores": {"total": 12},
        "bands": {"total": "moderate"}, "flags": [], "reasons": [],
    }  # fmt: skip
    assert a.valid and a.administered_by == worker and a.case == case
    entry = AuditEntry.objects.get(object_type="outcomes.administration", object_id=str(a.pk))
    assert entry.action == AuditEntry.Action.CREATE
    assert entry.detail == {
        "instrument": "phq9", "via": "staff", "related_type": "casework.person",
        "related_id": case.person.pk,
    }  # fmt: skip


@pytest.mark.parametrize("item9", [1, 2, 3])
def test_phq9_item9_above_zero_raises_a_risk_to_self_concern_at_once(item9: int) -> None:
    person = PersonFactory()
    record(person, "phq9", [0] * 8 + [item9])
    concern = SafeguardingConcern.objects.get(person=person)
    assert concern.kind == SafeguardingConcern.Kind.RISK_TO_SELF
    assert concern.source == "outcomes.phq9" and concern.detail_code == "self_harm_risk"
    assert concern.status == SafeguardingConcern.Status.OPEN


def test_phq9_item9_zero_raises_no_concern() -> None:
    person = PersonFactory()
    record(person, "phq9", [3] * 8 + [0])
    assert not SafeguardingConcern.objects.filter(person=person).exists()


def test_invalid_answers_store_nothing() -> None:
    person = PersonFactory()
    with pytest.raises(AnswerError, match="item 9"):
        record(person, "phq9", [0] * 8 + [4])
    assert not Administration.objects.exists()


def test_invalid_by_missing_items_is_stored_as_not_valid() -> None:
    a = record(PersonFactory(), "wemwbs", [3] * 13 + [None])
    assert not a.valid and a.result["scores"] == {"total": None}
    assert a.answers[-1] is None


def test_case_of_someone_else_is_refused() -> None:
    with pytest.raises(PermissionDenied):
        record(PersonFactory(), "gad7", [0] * 7, case=CaseFactory())


def test_follow_up_needs_months() -> None:
    person = PersonFactory()
    with pytest.raises(ValueError, match="months"):
        record(person, "gad7", [0] * 7, time_point="follow_up")
    a = record(person, "gad7", [0] * 7, time_point="follow_up", follow_up_months=6)
    assert a.time_point_label == "Follow-up at 6 months"


def test_writes_outside_services_are_refused() -> None:
    with pytest.raises(WriteOutsideServices):
        Administration.objects.create(
            person=PersonFactory(), instrument="gad7", time_point="baseline",
            answers=[0] * 7, result={}, valid=True,
        )  # fmt: skip


# --- self-completion links -------------------------------------------------------------------


def issue(person, instrument: str = "phq9", **kwargs):
    with service_writes():
        return services.create_self_completion_link(
            person=person,
            instrument=instrument,
            time_point="review",
            actor=make_user(Role.LINK_WORKER, organisations=(person.gp_practice,)),
            **kwargs,
        )


def test_link_token_is_unguessable_and_only_its_hash_is_stored() -> None:
    issued = issue(PersonFactory())
    assert len(issued.token) >= 43  # 32 random bytes
    assert issued.token not in issued.link.token_hash
    assert SelfCompletionLink.objects.filter(token_hash=issued.link.token_hash).count() == 1


def test_link_works_once_and_records_a_self_completion() -> None:
    person = PersonFactory()
    issued = issue(person)
    a = services.complete_self_completion(token=issued.token, answers=[1] * 9)
    assert a.completed_via == "self_link" and a.administered_by is None
    assert a.person == person and a.time_point == "review"
    assert a.result["flags"] == ["self_harm_risk"]
    assert SafeguardingConcern.objects.filter(person=person, source="outcomes.phq9").exists()
    with pytest.raises(services.LinkNotUsable):
        services.complete_self_completion(token=issued.token, answers=[0] * 9)
    with pytest.raises(services.LinkNotUsable):
        services.find_link(issued.token)


def test_expired_and_unknown_links_do_not_work() -> None:
    issued = issue(PersonFactory(), lifetime=dt.timedelta(seconds=-1))
    with pytest.raises(services.LinkNotUsable):
        services.find_link(issued.token)
    with pytest.raises(services.LinkNotUsable):
        services.find_link("not-a-token")


def test_licensed_instrument_needs_its_wording_before_a_link_can_be_sent() -> None:
    person = PersonFactory()
    with pytest.raises(ValueError, match="wording is not loaded"):
        issue(person, "wemwbs")
    InstrumentText.objects.create(
        instrument="wemwbs", licence_reference="test", items=[{"number": 1}]
    )
    assert issue(person, "wemwbs").link.instrument == "wemwbs"


# --- score history ---------------------------------------------------------------------------


def test_history_shows_change_from_baseline_against_the_mid() -> None:
    person = PersonFactory()
    now = timezone.now()
    base = record(person, "phq9", [2] * 9, administered_at=now - dt.timedelta(days=90))  # 18
    review = record(person, "phq9", [1] * 9, time_point="review",
                    administered_at=now - dt.timedelta(days=30))  # fmt: skip  # 9: -9
    later = record(person, "phq9", [1] * 8 + [3], time_point="discharge",
                   administered_at=now)  # fmt: skip  # 11: -7
    swem_base = record(person, "swemwbs", [3] * 7, administered_at=now - dt.timedelta(days=90))
    swem_review = record(person, "swemwbs", [3] * 6 + [4], time_point="review")
    history = {h.instrument.code: h for h in score_history([later, base, review, swem_base,
                                                             swem_review])}  # fmt: skip
    phq = history["phq9"].rows
    assert [r.administration for r in phq] == [base, review, later]
    assert phq[0].is_baseline and phq[0].cells[0].change is None
    assert (phq[1].cells[0].change, phq[1].cells[0].meaningful) == (-9, IMPROVED)
    assert phq[1].cells[0].band == "mild"
    swem = history["swemwbs"].rows[1].cells
    raw, metric = swem
    assert raw.change == 1 and raw.meaningful is None  # no MID on the raw score
    assert metric.change == 0.73 and metric.meaningful == NO_CHANGE  # 19.98 - 19.25


def test_history_marks_worsening() -> None:
    person = PersonFactory()
    now = timezone.now()
    record(person, "wemwbs", [4] * 14, administered_at=now - dt.timedelta(days=60))  # 56
    record(person, "wemwbs", [3] * 14, time_point="review", administered_at=now)  # 42
    rows = score_history(list(Administration.objects.filter(person=person)))[0].rows
    assert (rows[1].cells[0].change, rows[1].cells[0].meaningful) == (-14, WORSENED)


def test_baseline_is_the_first_valid_baseline_even_if_recorded_later() -> None:
    person = PersonFactory()
    now = timezone.now()
    invalid = record(person, "gad7", [1] * 6 + [None], administered_at=now - dt.timedelta(days=9))
    base = record(person, "gad7", [3] * 7, administered_at=now - dt.timedelta(days=8))
    rows = score_history([invalid, base])[0].rows
    assert not rows[0].is_baseline and rows[1].is_baseline
