"""Safeguarding concerns, including risk flags raised by other apps (PHQ-9 item 9)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from linkwork.casework.guards import service
from linkwork.casework.models import Case, Person, SafeguardingConcern
from linkwork.casework.states import OPEN
from linkwork.core import audit


@service
@transaction.atomic
def raise_concern(
    *,
    person: Person,
    kind: str,
    actor: Any,
    case: Case | None = None,
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
        raised_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audit.record(
        audit.Action.CREATE,
        concern,
        actor=actor,
        detail={"reason_code": kind, "related_type": "casework.person", "related_id": person.pk},
    )
    return concern


def raise_risk_flag(
    *, person: Person, source: str, detail_code: str, actor: Any
) -> SafeguardingConcern:
    """A risk-to-self flag raised by another part of Linkwork (e.g. outcomes, when PHQ-9
    item 9 is answered above zero). It shows as an alert banner on the person's record until
    a link worker closes it, saying what was done."""
    return raise_concern(
        person=person,
        kind=SafeguardingConcern.Kind.RISK_TO_SELF,
        actor=actor,
        source=source,
        detail_code=detail_code,
    )


@service
@transaction.atomic
def close_concern(
    *, concern: SafeguardingConcern, actor: Any, action_taken: str = ""
) -> SafeguardingConcern:
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
