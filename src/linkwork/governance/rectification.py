"""Rectification history (UK GDPR art. 16): every change to a person's details is kept as
what the detail was, what it became, when, by whom and why.

Casework's ``update_person`` service calls ``record_changes`` inside its own transaction, so
a correction and its history are written together or not at all. The DPO reads the history
(``history_for``, on the governance pages) and it is part of the subject access export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import FieldDoesNotExist
from django.db.models import QuerySet

from linkwork.core.models import Organisation, User
from linkwork.governance.models import Rectification

if TYPE_CHECKING:
    from linkwork.casework.models import Person
    from linkwork.core.policy import Actor

#: Longest reason kept (the form asks for a sentence, not an essay).
REASON_MAX = 500


def _text(name: str, value: object) -> str:
    """A detail's value as the text kept in the history."""
    if value is None or value == "":
        return ""
    if name == "gp_practice" and isinstance(value, int):
        org = Organisation.objects.filter(pk=value).values_list("name", flat=True).first()
        return f"{org} ({value})" if org else str(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple | set):
        return ", ".join(str(v) for v in value)
    return str(value)


def record_changes(
    *,
    person: Person,
    actor: Actor | None,
    before: Mapping[str, object],
    after: Mapping[str, object],
    reason: str = "",
) -> list[Rectification]:
    """Keep one history row per detail whose value changed (none when nothing did). Call it
    in the transaction that makes the change."""
    by = actor if isinstance(actor, User) and actor.is_authenticated else None
    rows = [
        Rectification(
            person_id=person.pk,
            field=name,
            old_value=_text(name, before.get(name)),
            new_value=_text(name, value),
            reason=reason.strip()[:REASON_MAX],
            changed_by=by,
        )
        for name, value in after.items()
        if _text(name, before.get(name)) != _text(name, value)
    ]
    return Rectification.objects.bulk_create(rows)


@dataclass(frozen=True)
class CorrectionRow:
    """A history row as shown to the DPO: the detail by its label."""

    entry: Rectification
    label: str


def label_for(name: str) -> str:
    from linkwork.casework.models import Person

    try:
        field = Person._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    return str(getattr(field, "verbose_name", name))


def history_for(person: Person) -> QuerySet[Rectification]:
    """Every correction to the person's details, newest first (callers scope the person)."""
    return Rectification.objects.filter(person=person).select_related("changed_by")
