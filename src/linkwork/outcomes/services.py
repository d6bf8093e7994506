"""Writes of the outcomes app: administering an instrument, one-time self-completion links.

Each service runs in one transaction and writes its audit entry. The score is always made by
`scoring.score`, the same code as the command line and the API.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from linkwork.casework.dates import not_in_future
from linkwork.casework.guards import service
from linkwork.casework.models import Case, Person, SafeguardingConcern
from linkwork.core import audit, policy
from linkwork.core.models import User
from linkwork.outcomes import definitions
from linkwork.outcomes.models import (
    Administration,
    CompletedVia,
    InstrumentText,
    SelfCompletionLink,
    TimePoint,
)
from linkwork.outcomes.scoring import AnswerError, check_answers, score
from linkwork.outcomes.value_sets import configured_value_set

#: How long a self-completion link works unless the link worker says otherwise.
LINK_LIFETIME = dt.timedelta(days=14)

#: Flags that put a safeguarding risk flag on the person at once.
RISK_FLAGS = {"self_harm_risk"}


class LinkNotUsable(Exception):
    """The self-completion link is unknown, used or expired (deliberately not saying which)."""


def raise_safeguarding_flag(
    *, person: Person, instrument: str, flag: str, actor: User | None
) -> SafeguardingConcern:
    """Put a risk-to-self concern on the person's record (casework shows it as an alert banner
    to everyone who can see the person, until a link worker closes it saying what was done)."""
    from linkwork.casework.services.safeguarding import raise_risk_flag

    return raise_risk_flag(
        person=person, source=f"outcomes.{instrument}", detail_code=flag, actor=actor
    )


def _check_time_point(time_point: str, follow_up_months: int | None) -> None:
    if time_point not in TimePoint.values:
        raise ValueError(f"unknown time point {time_point!r}")
    if time_point == TimePoint.FOLLOW_UP and not follow_up_months:
        raise ValueError("a follow-up needs the number of months")


def _check_when_and_baseline(
    instrument: str, time_point: str, case: Case | None, administered_at: dt.datetime | None
) -> None:
    """No questionnaire dated in the future; one baseline per instrument per case."""
    try:
        not_in_future(administered_at)
    except ValidationError as exc:
        raise AnswerError(exc.messages[0]) from None
    if (
        time_point == TimePoint.BASELINE
        and case is not None
        and Administration.objects.filter(
            case=case, instrument=instrument, time_point=TimePoint.BASELINE, valid=True
        ).exists()
    ):
        raise AnswerError(_("This case already has a baseline for this questionnaire."))


@service
@transaction.atomic
def administer(
    *,
    person: Person,
    instrument: str,
    answers: list[Any],
    time_point: str,
    actor: User | None,
    follow_up_months: int | None = None,
    case: Case | None = None,
    administered_at: dt.datetime | None = None,
    via: str = CompletedVia.STAFF,
) -> Administration:
    """Score the answers and record the administration; raise the safeguarding flag at once
    when the result carries a risk flag (PHQ-9 item 9 above 0)."""
    if via == CompletedVia.STAFF:
        # Through a self-completion link the one-time token is the person's credential.
        policy.check(actor, "outcomes.record", person)
    inst = definitions.get(instrument)
    _check_time_point(time_point, follow_up_months)
    if case is not None and case.person_id != person.pk:
        raise PermissionDenied("the case belongs to someone else")
    _check_when_and_baseline(inst.code, time_point, case, administered_at)
    values = check_answers(inst, answers)  # raises AnswerError naming the item
    value_set = configured_value_set() if inst.needs_value_set else None
    result = score(inst, values, value_set=value_set)
    staff = actor if getattr(actor, "is_authenticated", False) else None
    administration = Administration.objects.create(
        person=person,
        case=case,
        instrument=inst.code,
        time_point=time_point,
        follow_up_months=follow_up_months if time_point == TimePoint.FOLLOW_UP else None,
        answers=values,
        result={**result.as_dict(), "reasons": result.reasons},
        valid=result.valid,
        completed_via=via,
        administered_by=staff,
        administered_at=administered_at or timezone.now(),
    )
    audit.record(
        audit.Action.CREATE,
        administration,
        actor=staff,
        detail={
            "instrument": inst.code,
            "via": via,
            "related_type": "casework.person",
            "related_id": person.pk,
        },
    )
    for flag in result.flags:
        if flag in RISK_FLAGS:
            raise_safeguarding_flag(person=person, instrument=inst.code, flag=flag, actor=staff)
    return administration


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass
class IssuedLink:
    link: SelfCompletionLink
    token: str  # shown once, to put in the URL; only its hash is stored


@service
@transaction.atomic
def create_self_completion_link(
    *,
    person: Person,
    instrument: str,
    time_point: str,
    actor: User | None,
    follow_up_months: int | None = None,
    case: Case | None = None,
    lifetime: dt.timedelta = LINK_LIFETIME,
) -> IssuedLink:
    policy.check(actor, "outcomes.record", person)
    inst = definitions.get(instrument)
    _check_time_point(time_point, follow_up_months)
    if case is not None and case.person_id != person.pk:
        raise PermissionDenied("the case belongs to someone else")
    if (
        not inst.wording_included
        and not InstrumentText.objects.filter(instrument=inst.code).exists()
    ):
        raise ValueError(
            f"{inst.short_name} wording is not loaded: a person cannot complete it alone"
        )
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    link = SelfCompletionLink.objects.create(
        token_hash=_hash(token),
        person=person,
        case=case,
        instrument=inst.code,
        time_point=time_point,
        follow_up_months=follow_up_months if time_point == TimePoint.FOLLOW_UP else None,
        created_by=actor,
        created_at=now,
        expires_at=now + lifetime,
    )
    audit.record(
        audit.Action.CREATE,
        link,
        actor=actor,
        detail={
            "instrument": inst.code,
            "related_type": "casework.person",
            "related_id": person.pk,
        },
    )
    return IssuedLink(link=link, token=token)


def find_link(token: str) -> SelfCompletionLink:
    """The usable link for a token, or LinkNotUsable."""
    link = (
        SelfCompletionLink.objects.filter(token_hash=_hash(token))
        .select_related("person", "case")
        .first()
    )
    if link is None or not link.usable():
        raise LinkNotUsable
    return link


@service
@transaction.atomic
def complete_self_completion(*, token: str, answers: list[Any]) -> Administration:
    """Record the person's own answers through their link; the link then stops working."""
    link = SelfCompletionLink.objects.select_for_update().filter(token_hash=_hash(token)).first()
    if link is None or not link.usable():
        raise LinkNotUsable
    administration = administer(
        person=link.person,
        case=link.case,
        instrument=link.instrument,
        answers=answers,
        time_point=link.time_point,
        follow_up_months=link.follow_up_months,
        actor=None,
        via=CompletedVia.SELF_LINK,
    )
    link.used_at = timezone.now()
    link.administration = administration
    link.save(update_fields=["used_at", "administration"])
    audit.record(audit.Action.UPDATE, link, detail={"fields": ["used_at"]})
    return administration
