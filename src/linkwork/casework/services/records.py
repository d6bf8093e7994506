"""What the link worker records on a case: encounters, what matters, goals and discharge."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from linkwork.casework.choices import LifeDomain
from linkwork.casework.guards import service
from linkwork.casework.models import (
    Case,
    Discharge,
    Encounter,
    Goal,
    GoalProgress,
    WhatMatters,
)
from linkwork.casework.services.concern_decisions import require_concerns_decided
from linkwork.casework.services.locking import save_versioned
from linkwork.casework.services.referrals import move_case
from linkwork.casework.states import FINAL, CaseStatus
from linkwork.core import audit, policy
from linkwork.core.models import User


def _user(actor: User | None) -> User | None:
    return actor if actor is not None and actor.is_authenticated else None


def _open(case: Case) -> None:
    if case.status in FINAL:
        raise ValidationError(_("This case is closed; reopen it with a new referral."))


MAX_ENCOUNTER_MINUTES = 600


def _check_duration(minutes: object) -> None:
    """The one rule for an encounter's length, whichever adapter sent it (form, API, command):
    whole minutes from 0 to ten hours, or not given."""
    if minutes is None:
        return
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise ValidationError({"duration_minutes": _("Give the length as whole minutes.")})
    if not 0 <= minutes <= MAX_ENCOUNTER_MINUTES:
        raise ValidationError(
            {
                "duration_minutes": _("The length must be between 0 and %(max)d minutes.")
                % {"max": MAX_ENCOUNTER_MINUTES}
            }
        )


@service
@transaction.atomic
def record_encounter(
    *,
    case: Case,
    actor: User | None,
    occurred_at: dt.datetime,
    mode: str,
    attendance: str = Encounter.Attendance.ATTENDED,
    duration_minutes: int | None = None,
    notes: str = "",
    next_follow_up: dt.date | None = None,
) -> Encounter:
    """Record a contact (or book one). The first attended contact makes an allocated case
    active; a follow-up date sets when the case is next due."""
    policy.check(actor, "casework.record_encounter", case)
    _check_duration(duration_minutes)
    _open(case)
    encounter = Encounter.objects.create(
        case=case,
        occurred_at=occurred_at,
        mode=mode,
        attendance=attendance,
        duration_minutes=duration_minutes,
        notes=notes,
        recorded_by=_user(actor),
    )
    audit.record(
        audit.Action.CREATE,
        encounter,
        actor=actor,
        detail={"related_id": case.pk, "status": attendance},
    )
    if case.status == CaseStatus.ALLOCATED and attendance == Encounter.Attendance.ATTENDED:
        case = move_case(case=case, to_status=CaseStatus.ACTIVE, actor=actor)
    if next_follow_up is not None:
        save_versioned(case, expected_version=None, changes={"next_follow_up": next_follow_up})
    return encounter


@service
@transaction.atomic
def update_encounter(
    *, encounter: Encounter, actor: User | None, expected_version: int | None, data: dict[str, Any]
) -> Encounter:
    policy.check(actor, "casework.record_encounter", encounter)
    allowed = {"occurred_at", "mode", "attendance", "duration_minutes", "notes"}
    changes = {k: v for k, v in data.items() if k in allowed}
    if "duration_minutes" in changes:
        _check_duration(changes["duration_minutes"])
    before = {k: getattr(encounter, k) for k in changes}
    encounter = save_versioned(encounter, expected_version=expected_version, changes=changes)
    audit.record(
        audit.Action.UPDATE,
        encounter,
        actor=actor,
        detail={"fields": audit.changed_fields(before, changes)},
    )
    return encounter


@service
@transaction.atomic
def record_what_matters(
    *, case: Case, actor: User | None, text: str, domains: list[str], held_on: dt.date | None = None
) -> WhatMatters:
    policy.check(actor, "casework.record_what_matters", case)
    _open(case)
    unknown = set(domains) - set(LifeDomain.values)
    if unknown:
        raise ValidationError({"domains": _("Unknown life domain.")})
    if not text.strip():
        raise ValidationError({"text": _("Write what matters to them, in their words.")})
    wm = WhatMatters.objects.create(
        case=case,
        text=text,
        domains=list(domains),
        held_on=held_on or timezone.localdate(),
        recorded_by=_user(actor),
    )
    audit.record(audit.Action.CREATE, wm, actor=actor, detail={"related_id": case.pk})
    return wm


@service
@transaction.atomic
def add_goal(
    *,
    case: Case,
    actor: User | None,
    what: str,
    why: str = "",
    target_date: dt.date | None = None,
    first_rating: int | None = None,
) -> Goal:
    policy.check(actor, "casework.add_goal", case)
    _open(case)
    goal = Goal.objects.create(
        case=case, what=what, why=why, target_date=target_date, created_by=_user(actor)
    )
    audit.record(audit.Action.CREATE, goal, actor=actor, detail={"related_id": case.pk})
    if first_rating is not None:
        rate_goal(goal=goal, actor=actor, rating=first_rating)
    return goal


@service
@transaction.atomic
def rate_goal(
    *, goal: Goal, actor: User | None, rating: int, note: str = "", rated_on: dt.date | None = None
) -> GoalProgress:
    policy.check(actor, "casework.rate_goal", goal)
    if not 0 <= rating <= 10:
        raise ValidationError({"rating": _("Progress is a number from 0 to 10.")})
    progress = GoalProgress.objects.create(
        goal=goal,
        rating=rating,
        note=note,
        rated_on=rated_on or timezone.localdate(),
        recorded_by=_user(actor),
    )
    audit.record(audit.Action.CREATE, progress, actor=actor, detail={"related_id": goal.pk})
    return progress


@service
@transaction.atomic
def set_goal_status(
    *, goal: Goal, actor: User | None, status: str, expected_version: int | None = None
) -> Goal:
    policy.check(actor, "casework.set_goal_status", goal)
    if status not in Goal.Status.values:
        raise ValidationError({"status": _("Choose how the goal ended.")})
    before = goal.status
    goal = save_versioned(goal, expected_version=expected_version, changes={"status": status})
    audit.record(
        audit.Action.UPDATE, goal, actor=actor, detail={"from_status": before, "to_status": status}
    )
    return goal


#: The case status each discharge reason ends in (the rest close an active case).
_END_STATUS: dict[str, str] = {
    Discharge.Reason.DECLINED: CaseStatus.DECLINED,
    Discharge.Reason.UNABLE_TO_CONTACT: CaseStatus.UNABLE_TO_CONTACT,
    Discharge.Reason.DID_NOT_ENGAGE: CaseStatus.DID_NOT_ENGAGE,
}


@service
@transaction.atomic
def discharge(
    *,
    case: Case,
    actor: User | None,
    reason: str,
    summary: str,
    discharged_on: dt.date | None = None,
    expected_version: int | None = None,
) -> Discharge:
    """End the case with a reason and a summary (the message back to the GP and referrer)."""
    policy.check(actor, "casework.discharge", case)
    if reason not in Discharge.Reason.values:
        raise ValidationError({"reason": _("Choose why the case is ending.")})
    if not summary.strip():
        raise ValidationError({"summary": _("Write a summary for the GP and referrer.")})
    require_concerns_decided(case)
    to_status = _END_STATUS.get(reason, CaseStatus.CLOSED)
    case = move_case(case=case, to_status=to_status, actor=actor, expected_version=expected_version)
    record = Discharge.objects.create(
        case=case,
        reason=reason,
        summary=summary,
        discharged_on=discharged_on or timezone.localdate(),
        discharged_by=_user(actor),
    )
    audit.record(audit.Action.CREATE, record, actor=actor, detail={"reason_code": reason})
    return record
