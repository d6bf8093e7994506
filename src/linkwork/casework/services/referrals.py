"""Referrals in, and every move of a case through the state machine."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from linkwork.casework.guards import service
from linkwork.casework.models import Case, Person, Referral, StatusChange
from linkwork.casework.reasons import validate_reason_codes
from linkwork.casework.services.locking import save_versioned
from linkwork.casework.states import FINAL, CaseStatus, check_transition
from linkwork.core import audit
from linkwork.core.models import Membership, Organisation
from linkwork.core.roles import Role


@service
@transaction.atomic
def create_referral(
    *,
    person: Person,
    source: str,
    practice: Organisation,
    actor: Any,
    reasons: list[str],
    reason_detail: str = "",
    referring_organisation: Organisation | None = None,
    person_agreed: bool = True,
    referrer_name: str = "",
    referrer_role: str = "",
    referrer_contact: str = "",
    external_id: str = "",
    received_at: dt.datetime | None = None,
) -> Referral:
    """Record a referral and open its case (status "received") at the practice."""
    if practice.kind != Organisation.Kind.GP_PRACTICE:
        raise ValidationError(_("Referrals are held by a GP practice's link working service."))
    if not person_agreed:
        raise ValidationError(
            {"person_agreed": _("Only refer someone who has agreed to be referred.")}
        )
    validate_reason_codes(reasons)
    user = actor if getattr(actor, "is_authenticated", False) else None
    now = received_at or timezone.now()
    referral = Referral.objects.create(
        person=person,
        source=source,
        referring_organisation=referring_organisation,
        referred_by=user,
        referrer_name=referrer_name,
        referrer_role=referrer_role,
        referrer_contact=referrer_contact,
        reasons=list(reasons),
        reason_detail=reason_detail,
        person_agreed=person_agreed,
        external_id=external_id,
        received_at=now,
    )
    case = Case.objects.create(
        referral=referral, person=person, practice=practice, opened_at=now, status_changed_at=now
    )
    StatusChange.objects.create(
        case=case, from_status="", to_status=CaseStatus.RECEIVED, at=now, by=user
    )
    audit.record(audit.Action.CREATE, referral, actor=actor, detail={"via": source})
    return referral


def _is_link_worker_at(user: Any, practice_id: int) -> bool:
    return bool(
        user
        and user.is_active
        and user.has_role(Role.LINK_WORKER)
        and Membership.objects.filter(user=user, organisation_id=practice_id).exists()
    )


@service
@transaction.atomic
def transition(
    *,
    case: Case,
    to_status: str,
    actor: Any,
    note: str = "",
    expected_version: int | None = None,
    extra: dict[str, Any] | None = None,
) -> Case:
    """Move a case to a new status (refused when the state machine does not allow it)."""
    current = Case.objects.select_for_update().get(pk=case.pk)
    check_transition(current.status, to_status)
    now = timezone.now()
    changes: dict[str, Any] = {"status": to_status, "status_changed_at": now, **(extra or {})}
    if to_status in FINAL:
        changes["closed_at"] = now
    case = save_versioned(current, expected_version=expected_version, changes=changes)
    StatusChange.objects.create(
        case=case,
        from_status=current.status,
        to_status=to_status,
        at=now,
        by=actor if getattr(actor, "is_authenticated", False) else None,
        note=note[:300],
    )
    audit.record(
        audit.Action.UPDATE,
        case,
        actor=actor,
        detail={"from_status": current.status, "to_status": to_status},
    )
    return case


def allocate(
    *, case: Case, link_worker: Any, actor: Any, expected_version: int | None = None
) -> Case:
    """Give the case to a link worker of its practice (from triaged or waiting)."""
    if not _is_link_worker_at(link_worker, case.practice_id):
        raise ValidationError(
            {"link_worker": _("Choose a link worker who works at this practice.")}
        )
    return transition(
        case=case,
        to_status=CaseStatus.ALLOCATED,
        actor=actor,
        expected_version=expected_version,
        extra={"link_worker_id": link_worker.pk, "allocated_at": timezone.now()},
    )


def triage(
    *, case: Case, actor: Any, decision: str, note: str = "", expected_version: int | None = None
) -> Case:
    """Triage a received referral: accept it (onto the waiting list), or decline it."""
    if decision not in (CaseStatus.TRIAGED, CaseStatus.DECLINED, CaseStatus.UNABLE_TO_CONTACT):
        raise ValidationError(_("Choose what to do with the referral."))
    case = transition(
        case=case, to_status=decision, actor=actor, note=note, expected_version=expected_version
    )
    if decision == CaseStatus.TRIAGED:
        case = transition(case=case, to_status=CaseStatus.WAITING, actor=actor)
    return case


def require_case_worker(*, user: Any, case: Case) -> None:
    from linkwork.casework.selectors import visible_cases

    if not visible_cases(user).filter(pk=case.pk).exists():
        raise PermissionDenied
