"""Subject access (UK GDPR art. 15): everything held about a person, as JSON and a readable
PDF, scoped to the controller's data, with the request and its fulfilment logged."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from linkwork.core import audit, policy
from linkwork.core.models import AuditEntry, User
from linkwork.governance import classification as cls
from linkwork.governance import conf, selectors
from linkwork.governance import policy as actions
from linkwork.governance.models import SubjectAccessRequest

if TYPE_CHECKING:
    from linkwork.casework.models import Person
    from linkwork.core.policy import Actor

#: For each record type holding personal data: the lookup from it to the person, and (for
#: records that belong to a case) to the practice that is the controller of the case.
SUBJECT_PATHS: dict[str, tuple[str, str | None]] = {
    "casework.person": ("pk", None),
    "casework.householdlink": ("person", None),
    "casework.consent": ("person", None),
    "casework.referral": ("person", "case__practice_id"),
    "casework.case": ("person", "practice_id"),
    "casework.statuschange": ("case__person", "case__practice_id"),
    "casework.encounter": ("case__person", "case__practice_id"),
    "casework.whatmatters": ("case__person", "case__practice_id"),
    "casework.goal": ("case__person", "case__practice_id"),
    "casework.goalprogress": ("goal__case__person", "goal__case__practice_id"),
    "casework.safeguardingconcern": ("person", "case__practice_id"),
    "casework.discharge": ("case__person", "case__practice_id"),
    "casework.servicelink": ("case__person", "case__practice_id"),
    "casework.servicelinkchange": ("link__case__person", "link__case__practice_id"),
    "outcomes.administration": ("person", "case__practice_id"),
    "outcomes.selfcompletionlink": ("person", "case__practice_id"),
    "governance.rectification": ("person", None),
}
#: Classified models that hold nothing about a person.
NOT_ABOUT_A_PERSON = frozenset({"outcomes.instrumenttext"})
#: Fields never given out: secrets, not information about the person.
WITHHELD = frozenset({"token_hash"})


def _value(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    return value


def _row(obj: models.Model) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for f in obj._meta.concrete_fields:
        if f.name in WITHHELD:
            continue
        if f.is_relation:
            related_id = getattr(obj, f.attname)
            if related_id is None:
                row[f.name] = None
            elif f.related_model is not None and f.related_model._meta.label_lower in (
                "core.user",
                "core.organisation",
            ):
                row[f.name] = _value(getattr(obj, f.name))
            else:
                row[f.name] = related_id
        else:
            row[f.name] = _value(getattr(obj, f.attname))
            if getattr(f, "choices", None):
                display = getattr(obj, f"get_{f.name}_display", None)
                if display is not None:
                    row[f"{f.name}_meaning"] = str(display())
    return row


def collect(person: Person, *, organisation_ids: set[int] | None) -> dict[str, Any]:
    """Every record about the person; records that belong to a case only when the case's
    practice is one of ``organisation_ids`` (None: every organisation)."""
    records: dict[str, list[dict[str, Any]]] = {}
    for label, (person_path, practice_path) in SUBJECT_PATHS.items():
        model = apps.get_model(label)
        qs = model._default_manager.filter(**{person_path: person.pk})
        if organisation_ids is not None and practice_path:
            qs = qs.filter(Q(**{f"{practice_path}__in": organisation_ids}))
        records[label] = [_row(obj) for obj in qs.order_by("pk")]
    accesses = AuditEntry.objects.filter(
        object_type=selectors.PERSON_TYPE, object_id=str(person.pk)
    ).order_by("seq")
    access_log = [
        {
            "at": e.at.isoformat(),
            "by": e.actor_username,
            "action": e.action,
            "via": e.detail.get("via", ""),
        }
        for e in accesses
    ]
    return {
        "generated_at": timezone.now().isoformat(),
        "person_id": person.pk,
        "records": records,
        "who_accessed_the_record": access_log,
        "personal_fields": {
            label: sorted(set(cls.classification().get(label, {})) & _personal(label))
            for label in SUBJECT_PATHS
        },
    }


def _personal(label: str) -> set[str]:
    return {
        name
        for name, level in cls.classification().get(label, {}).items()
        if level in (cls.PERSONAL, cls.SPECIAL)
    }


def _user(actor: Actor | None) -> User | None:
    return actor if isinstance(actor, User) and actor.is_authenticated else None


def to_json(data: dict[str, Any]) -> bytes:
    return json.dumps(
        data, indent=2, ensure_ascii=False, sort_keys=True, cls=DjangoJSONEncoder
    ).encode()


def to_pdf(data: dict[str, Any]) -> bytes:
    from pathlib import Path

    from weasyprint import CSS, HTML

    stylesheet = Path(__file__).parent / "static" / "governance" / "subject-access.css"

    sections = [
        {
            "label": label,
            "name": str(apps.get_model(label)._meta.verbose_name_plural),
            "rows": rows,
        }
        for label, rows in data["records"].items()
        if rows
    ]
    html = render_to_string(
        "governance/subject_access_pdf.html", {"data": data, "sections": sections}
    )
    return bytes(HTML(string=html).write_pdf(stylesheets=[CSS(filename=str(stylesheet))]))


@transaction.atomic
def log_request(
    *, actor: Actor, person: Person, received_on: dt.date | None = None
) -> SubjectAccessRequest:
    policy.check(actor, actions.SUBJECT_ACCESS)
    if selectors.person_in_scope(actor, actions.SUBJECT_ACCESS, person.pk) is None:
        raise PermissionDenied(actions.SUBJECT_ACCESS)
    received = received_on or timezone.localdate()
    request = SubjectAccessRequest.objects.create(
        person=person,
        received_on=received,
        due_on=received + dt.timedelta(days=conf.get("GOVERNANCE_SUBJECT_ACCESS_DAYS")),
        logged_by=_user(actor),
    )
    audit.record(
        audit.Action.CREATE,
        request,
        actor=actor,
        detail={"related_type": "casework.person", "related_id": person.pk},
    )
    return request


def fulfil(
    *, actor: Actor, person: Person, request: SubjectAccessRequest | None = None
) -> tuple[SubjectAccessRequest, dict[str, Any]]:
    """Produce everything held about the person for the DPO's organisations; mark the request
    fulfilled (logging one if none was open). Audited as an export."""
    policy.check(actor, actions.SUBJECT_ACCESS)
    ids = selectors.organisations_in_scope(actor, actions.SUBJECT_ACCESS)
    if selectors.person_in_scope(actor, actions.SUBJECT_ACCESS, person.pk) is None:
        raise PermissionDenied(actions.SUBJECT_ACCESS)
    return _fulfil(actor=actor, person=person, request=request, organisation_ids=ids, via="web")


def fulfil_from_command_line(*, person: Person) -> tuple[SubjectAccessRequest, dict[str, Any]]:
    """`linkwork subject-access`: run by whoever operates the server, for the whole
    deployment's data (the controller); audited as such."""
    return _fulfil(actor=None, person=person, request=None, organisation_ids=None, via="cli")


@transaction.atomic
def _fulfil(
    *,
    actor: Actor | None,
    person: Person,
    request: SubjectAccessRequest | None,
    organisation_ids: set[int] | None,
    via: str,
) -> tuple[SubjectAccessRequest, dict[str, Any]]:
    user = _user(actor)
    if request is None:
        request = (
            SubjectAccessRequest.objects.filter(person=person, fulfilled_on__isnull=True)
            .order_by("received_on")
            .first()
        )
    if request is None:
        received = timezone.localdate()
        request = SubjectAccessRequest.objects.create(
            person=person,
            received_on=received,
            due_on=received + dt.timedelta(days=conf.get("GOVERNANCE_SUBJECT_ACCESS_DAYS")),
            logged_by=user,
        )
        audit.record(
            audit.Action.CREATE,
            request,
            actor=user,
            detail={"related_type": "casework.person", "related_id": person.pk, "via": via},
        )
    data = collect(person, organisation_ids=organisation_ids)
    today = timezone.localdate()
    data["request"] = {
        "received_on": request.received_on.isoformat(),
        "due_on": request.due_on.isoformat(),
        "fulfilled_on": today.isoformat(),
    }
    SubjectAccessRequest.objects.filter(pk=request.pk).update(fulfilled_on=today, fulfilled_by=user)
    request.refresh_from_db()
    audit.record(
        audit.Action.EXPORT,
        person,
        actor=user,
        detail={
            "via": f"subject_access_{via}",
            "count": sum(len(r) for r in data["records"].values()),
        },
    )
    return request, data
