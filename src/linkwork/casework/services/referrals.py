"""Referrals in, and every move of a case through the state machine.

``refer`` is the one intake: the practice form, the agency form, the self-referral form, the
JSON API and FHIR ServiceRequest are thin adapters over it, so who may refer from where, and
which person record a referral attaches to, are decided once (decision record 0004).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from linkwork.casework.guards import service
from linkwork.casework.models import Case, Person, Referral, StatusChange
from linkwork.casework.reasons import validate_reason_codes
from linkwork.casework.services.locking import save_versioned
from linkwork.casework.services.people import clean_person_data
from linkwork.casework.states import FINAL, CaseStatus, check_transition
from linkwork.core import audit, policy
from linkwork.core.models import Membership, Organisation, User

#: What a referral may say about the person (everything else is the practice's to record).
REFERRAL_PERSON_FIELDS = (
    "chi",
    "given_name",
    "family_name",
    "date_of_birth",
    "phone",
    "mobile",
    "email",
    "postcode",
    "contact_methods",
    "safe_to_leave_message",
    "preferred_language",
    "interpreter_needed",
)


def _user(actor: User | None) -> User | None:
    return actor if actor is not None and actor.is_authenticated else None


def _norm(value: str) -> str:
    return " ".join(value.split()).casefold()


def same_person(record: Person, values: dict[str, Any]) -> bool:
    """Do the CHI number, date of birth and name all agree? Only then are a referral's
    details and a record on file treated as one person."""
    return bool(
        record.chi
        and record.chi == values.get("chi")
        and record.date_of_birth is not None
        and record.date_of_birth == values.get("date_of_birth")
        and _norm(record.family_name) == _norm(values.get("family_name") or "")
        and _norm(values.get("given_name") or "")
        in {_norm(record.given_name), _norm(record.preferred_name)}
    )


def _person_for_referral(
    *, practice: Organisation, values: dict[str, Any], actor: User | None
) -> tuple[Person, bool]:
    """The practice's own record of this person when CHI, date of birth and name all agree;
    otherwise a new record at the practice. Records at other practices are never looked at
    here: whether one exists is for someone entitled to see both (decision record 0004).
    Returns the person and whether a record with this CHI is on file anywhere else."""
    elsewhere = False
    if values.get("chi"):
        on_file = Person.objects.filter(chi=values["chi"], merged_into__isnull=True)
        for record in on_file.filter(gp_practice=practice).order_by("id"):
            if same_person(record, values):
                return record, False
        elsewhere = on_file.exists()
    person = Person.objects.create(**values, gp_practice=practice)
    audit.record(audit.Action.CREATE, person, actor=actor, detail={"via": "referral"})
    return person, elsewhere


def _check_referrer(
    *, actor: User | None, source: str, practice: Organisation, referrer: Organisation | None
) -> None:
    if practice.kind != Organisation.Kind.GP_PRACTICE:
        raise ValidationError(_("Referrals are held by a GP practice's link working service."))
    if source == Referral.Source.SELF:
        policy.check(actor, "casework.self_refer")
        return
    if referrer is None:
        raise ValidationError(_("Say which organisation is referring."))
    policy.check(actor, "casework.refer", referrer)
    if source == Referral.Source.AGENCY:
        if referrer.kind != Organisation.Kind.AGENCY:
            raise ValidationError({"agency": _("Choose the agency you are referring from.")})
    elif referrer.pk != practice.pk:
        raise ValidationError({"practice": _("You can only refer to your own practice.")})


@service
@transaction.atomic
def refer(
    *,
    actor: User | None,
    source: str,
    practice: Organisation,
    referring_organisation: Organisation | None,
    person: dict[str, Any],
    reasons: list[str],
    reason_detail: str = "",
    person_agreed: bool,
    consent_to_share: bool = False,
    referrer_name: str = "",
    referrer_role: str = "",
    referrer_contact: str = "",
    external_id: str = "",
    received_at: dt.datetime | None = None,
) -> Referral:
    """Refer a person to a practice's link working service: one permission check, one
    transaction, one audit trail, whichever door the referral came through.

    The referral never reads or changes what is on file: it attaches to the practice's own
    record only when CHI, date of birth and name agree, and otherwise opens a new record at
    the practice. The "consent to share" answer covers this referral only.
    """
    _check_referrer(actor=actor, source=source, practice=practice, referrer=referring_organisation)
    unknown = set(person) - set(REFERRAL_PERSON_FIELDS)
    if unknown:
        raise ValidationError(_("A referral cannot set: %(f)s") % {"f": ", ".join(sorted(unknown))})
    values = clean_person_data({k: v for k, v in person.items() if v not in (None, "", [])})
    if not (values.get("given_name") or "").strip():
        raise ValidationError({"given_name": _("Enter the person's first name.")})
    record, elsewhere = _person_for_referral(practice=practice, values=values, actor=_user(actor))
    referral = create_referral(
        person=record,
        source=source,
        practice=practice,
        actor=actor,
        reasons=reasons,
        reason_detail=reason_detail,
        referring_organisation=referring_organisation,
        person_agreed=person_agreed,
        consent_to_share=consent_to_share,
        referrer_name=referrer_name,
        referrer_role=referrer_role,
        referrer_contact=referrer_contact,
        external_id=external_id,
        received_at=received_at,
    )
    if elsewhere:
        # Only that a match exists, never with whom: the note is for someone who can see
        # both records (programme manager, admin), found on the triage and merge pages.
        audit.record(
            audit.Action.CREATE,
            referral,
            actor=_user(actor),
            detail={"query_kind": "possible_existing_record", "related_id": record.pk},
        )
    return referral


@service
@transaction.atomic
def create_referral(
    *,
    person: Person,
    source: str,
    practice: Organisation,
    actor: User | None,
    reasons: list[str],
    reason_detail: str = "",
    referring_organisation: Organisation | None = None,
    person_agreed: bool = True,
    consent_to_share: bool = False,
    referrer_name: str = "",
    referrer_role: str = "",
    referrer_contact: str = "",
    external_id: str = "",
    received_at: dt.datetime | None = None,
) -> Referral:
    """Record a referral for a person already resolved by ``refer`` and open its case
    (status "received") at the practice. Not an entry point: call ``refer``."""
    if practice.kind != Organisation.Kind.GP_PRACTICE:
        raise ValidationError(_("Referrals are held by a GP practice's link working service."))
    if person.gp_practice_id != practice.pk:
        raise ValidationError(_("A referral opens a case at the practice holding the record."))
    if not person_agreed:
        raise ValidationError(
            {"person_agreed": _("Only refer someone who has agreed to be referred.")}
        )
    validate_reason_codes(reasons)
    user = _user(actor)
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
        consent_to_share=consent_to_share,
        external_id=external_id,
        received_at=now,
    )
    case = Case.objects.create(
        referral=referral, person=person, practice=practice, opened_at=now, status_changed_at=now
    )
    StatusChange.objects.create(
        case=case, from_status="", to_status=CaseStatus.RECEIVED, at=now, by=user
    )
    audit.record(audit.Action.CREATE, referral, actor=user, detail={"via": source})
    return referral


def _is_link_worker_at(user: User | None, practice_id: int) -> bool:
    return bool(
        user is not None
        and user.is_active
        and user.has_role("link_worker")
        and Membership.objects.filter(user=user, organisation_id=practice_id).exists()
    )


def move_case(
    *,
    case: Case,
    to_status: str,
    actor: User | None,
    note: str = "",
    expected_version: int | None = None,
    extra: dict[str, Any] | None = None,
) -> Case:
    """One step of the state machine, with its history row and audit entry (no permission
    check: callers are services that have made theirs)."""
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
        by=_user(actor),
        note=note[:300],
    )
    audit.record(
        audit.Action.UPDATE,
        case,
        actor=_user(actor),
        detail={"from_status": current.status, "to_status": to_status},
    )
    return case


@service
@transaction.atomic
def transition(
    *,
    case: Case,
    to_status: str,
    actor: User | None,
    note: str = "",
    expected_version: int | None = None,
) -> Case:
    """Move an open case on (waiting, allocated, active...). Closing a case is not a
    transition: it goes through ``discharge`` so the GP and referrer hear how it ended."""
    policy.check(actor, "casework.transition_case", case)
    if to_status in FINAL:
        raise ValidationError(
            {"to_status": _("A case ends through discharge, which says why to the GP.")}
        )
    return move_case(
        case=case, to_status=to_status, actor=actor, note=note, expected_version=expected_version
    )


@service
@transaction.atomic
def allocate(
    *, case: Case, link_worker: User, actor: User | None, expected_version: int | None = None
) -> Case:
    """Give the case to a link worker of its practice (from triaged or waiting)."""
    policy.check(actor, "casework.allocate", case)
    if not _is_link_worker_at(link_worker, case.practice_id):
        raise ValidationError(
            {"link_worker": _("Choose a link worker who works at this practice.")}
        )
    return move_case(
        case=case,
        to_status=CaseStatus.ALLOCATED,
        actor=actor,
        expected_version=expected_version,
        extra={"link_worker_id": link_worker.pk, "allocated_at": timezone.now()},
    )


@service
@transaction.atomic
def triage(
    *,
    case: Case,
    actor: User | None,
    decision: str,
    note: str = "",
    expected_version: int | None = None,
) -> Case:
    """Triage a received referral: accept it (onto the waiting list), decline it, or record
    that the person could not be contacted. One transaction: an accepted referral is never
    left "triaged" but off the waiting list."""
    policy.check(actor, "casework.triage", case)
    if decision not in (CaseStatus.TRIAGED, CaseStatus.DECLINED, CaseStatus.UNABLE_TO_CONTACT):
        raise ValidationError(_("Choose what to do with the referral."))
    case = move_case(
        case=case, to_status=decision, actor=actor, note=note, expected_version=expected_version
    )
    if decision == CaseStatus.TRIAGED:
        case = move_case(case=case, to_status=CaseStatus.WAITING, actor=actor)
    return case
