"""Safeguarding concerns, including risk flags raised by other apps (PHQ-9 item 9)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from linkwork.casework.guards import service
from linkwork.casework.models import Case, Person, SafeguardingConcern
from linkwork.casework.states import OPEN
from linkwork.core import audit, policy
from linkwork.core.models import User


@service
@transaction.atomic
def raise_concern(
    *,
    person: Person,
    kind: str,
    actor: User | None,
    case: Case | None = None,
    description: str = "",
    action_taken: str = "",
    who_told: str = "",
    told_at: dt.datetime | None = None,
    source: str = "manual",
    detail_code: str = "",
) -> SafeguardingConcern:
    """A link worker records a safeguarding concern about a person of their practice."""
    policy.check(actor, "casework.raise_concern", person)
    return _raise(
        person=person,
        kind=kind,
        actor=actor,
        case=case,
        description=description,
        action_taken=action_taken,
        who_told=who_told,
        told_at=told_at,
        source=source,
        detail_code=detail_code,
    )


def _raise(
    *,
    person: Person,
    kind: str,
    actor: User | None,
    case: Case | None,
    description: str = "",
    action_taken: str = "",
    who_told: str = "",
    told_at: dt.datetime | None = None,
    source: str = "manual",
    detail_code: str = "",
) -> SafeguardingConcern:
    if case is None:
        case = person.cases.filter(status__in=OPEN).order_by("-opened_at").first()
    concern = SafeguardingConcern.objects.create(
        person=person,
        case=case,
        kind=kind,
        source=source,
        detail_code=detail_code,
        description=description,
        action_taken=action_taken,
        who_told=who_told,
        told_at=told_at,
        raised_by=actor if actor is not None and actor.is_authenticated else None,
    )
    audit.record(
        audit.Action.CREATE,
        concern,
        actor=actor,
        detail={"reason_code": kind, "related_type": "casework.person", "related_id": person.pk},
    )
    return concern


@service
@transaction.atomic
def raise_risk_flag(
    *, person: Person, source: str, detail_code: str, actor: User | None
) -> SafeguardingConcern:
    """A risk-to-self flag raised by another part of Linkwork (e.g. outcomes, when PHQ-9
    item 9 is answered above zero). It shows as an alert banner on the person's record until
    a link worker closes it, saying what was done. Raised by the system on the person's own
    answers (no permission check: nobody chooses to raise it)."""
    return _raise(
        person=person,
        kind=SafeguardingConcern.Kind.RISK_TO_SELF,
        actor=actor,
        case=None,
        source=source,
        detail_code=detail_code,
    )


@service
@transaction.atomic
def close_concern(
    *, concern: SafeguardingConcern, actor: User | None, action_taken: str = ""
) -> SafeguardingConcern:
    policy.check(actor, "casework.close_concern", concern)
    concern.status = SafeguardingConcern.Status.CLOSED
    concern.closed_at = timezone.now()
    if action_taken:
        concern.action_taken = (concern.action_taken + "\n\n" + action_taken).strip()
    concern.version += 1
    concern.save()
    audit.record(
        audit.Action.UPDATE, concern, actor=actor, detail={"fields": ["status", "action_taken"]}
    )
    return concern
