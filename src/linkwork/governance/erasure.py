"""Erasure by anonymisation, and retention.

A person's row is anonymised, not deleted (counts and outcomes by practice still need it):
identifiers, contact details and every free-text field about them are emptied in every record
about them; coded values that aggregates use are kept (listed below). The audit log records
that it happened and why, never what was removed.

Casework models are writable only through casework services; anonymisation opens that gate
deliberately here, in one clearly named service (`anonymise_person`), and nowhere else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from linkwork.casework.guards import service_writes
from linkwork.core import audit, policy
from linkwork.governance import classification as cls
from linkwork.governance import conf, selectors
from linkwork.governance import policy as actions
from linkwork.governance.subject_access import SUBJECT_PATHS

if TYPE_CHECKING:
    from linkwork.casework.models import Person
    from linkwork.core.policy import Actor

#: Person fields kept after anonymisation, for aggregate reporting (coded, not identifying on
#: their own): equality monitoring categories, deprivation quintile, registered practice.
PERSON_KEEP = frozenset(
    {
        "sex",
        "gender",
        "ethnicity",
        "disability",
        "carer",
        "armed_forces",
        "simd_quintile",
        "gp_practice",
    }
)
#: Text fields elsewhere that hold codes, not free text.
CODED_TEXT = frozenset(
    {
        ("outcomes.administration", "instrument"),
        ("outcomes.selfcompletionlink", "instrument"),
        ("casework.servicelinkchange", "from_status"),
        ("casework.servicelinkchange", "to_status"),
        ("casework.safeguardingconcern", "detail_code"),
    }
)


def _empty(f: models.Field[Any, Any]) -> Any:
    if f.null:
        return None
    if f.has_default():
        return f.get_default()
    return ""


def erased_values(label: str) -> dict[str, Any]:
    """The field -> new value map anonymisation applies to rows of this record type."""
    model = apps.get_model(label)
    values: dict[str, Any] = {}
    for name in cls.personal_fields(model):
        f = model._meta.get_field(name)
        if label == "casework.person":
            if name in PERSON_KEEP:
                continue
            values[f.attname] = _empty(f)  # type: ignore[arg-type]
        elif (
            isinstance(f, models.CharField | models.TextField)
            and not f.choices
            and (label, name) not in CODED_TEXT
        ):
            values[name] = ""
    return values


def is_anonymised(person: Person) -> bool:
    return not (person.given_name or person.family_name or person.chi or person.date_of_birth)


@transaction.atomic
def anonymise_person(*, actor: Actor | None, person: Person, reason_code: str) -> int:
    """Empty every identifier and free-text field about the person; return rows changed.
    ``actor`` None is the retention task; a person may also be anonymised by a DPO in scope."""
    if actor is not None:
        policy.check(actor, actions.ERASE_PERSON)
        if selectors.person_in_scope(actor, actions.ERASE_PERSON, person.pk) is None:
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied(actions.ERASE_PERSON)
    changed = 0
    with service_writes():  # deliberately opening the casework write gate: erasure
        for label, (person_path, _practice) in SUBJECT_PATHS.items():
            values = erased_values(label)
            if not values:
                continue
            model = apps.get_model(label)
            changed += model._default_manager.filter(**{person_path: person.pk}).update(**values)
    audit.record(
        audit.Action.UPDATE,
        person,
        actor=actor,
        detail={"via": "anonymise", "reason_code": reason_code, "count": changed},
    )
    return changed


# --- Retention ----------------------------------------------------------------------------


@dataclass
class RetentionPlan:
    people_to_anonymise: list[int] = field(default_factory=list)
    links_to_delete: list[int] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [
            f"anonymise {len(self.people_to_anonymise)} people whose cases all closed "
            f"before the retention period: {self.people_to_anonymise}",
            f"delete {len(self.links_to_delete)} used or expired self-completion links: "
            f"{self.links_to_delete}",
        ]


def plan_retention(now: dt.datetime | None = None) -> RetentionPlan:
    from linkwork.casework.models import Case, Person
    from linkwork.outcomes.models import SelfCompletionLink

    now = now or timezone.now()
    rules = conf.get("GOVERNANCE_RETENTION")
    case_cutoff = now - dt.timedelta(days=rules["closed_case_days"])
    open_or_recent = Case.objects.filter(person=OuterRef("pk")).filter(
        Q(closed_at__isnull=True) | Q(closed_at__gte=case_cutoff)
    )
    people = (
        Person.objects.filter(cases__isnull=False)
        .exclude(Exists(open_or_recent))
        .exclude(given_name="", family_name="", chi="", date_of_birth__isnull=True)
        .distinct()
        .order_by("pk")
    )
    link_cutoff = now - dt.timedelta(days=rules["links_days"])
    links = SelfCompletionLink.objects.filter(
        Q(used_at__lt=link_cutoff) | Q(expires_at__lt=link_cutoff)
    ).order_by("pk")
    return RetentionPlan(
        people_to_anonymise=list(people.values_list("pk", flat=True)),
        links_to_delete=list(links.values_list("pk", flat=True)),
    )


@transaction.atomic
def apply_retention(*, dry_run: bool, now: dt.datetime | None = None) -> RetentionPlan:
    """Work out what the retention rules require; unless dry_run, do it. Logged either way."""
    from linkwork.casework.models import Person
    from linkwork.outcomes.models import SelfCompletionLink

    plan = plan_retention(now)
    if not dry_run:
        for person in Person.objects.filter(pk__in=plan.people_to_anonymise):
            anonymise_person(actor=None, person=person, reason_code="retention")
        with service_writes():  # deliberately opening the casework write gate: retention
            SelfCompletionLink.objects.filter(pk__in=plan.links_to_delete).delete()
    audit.record(
        audit.Action.DELETE if not dry_run else audit.Action.VIEW,
        "governance.retention",
        detail={
            "via": "retention_dry_run" if dry_run else "retention",
            "count": len(plan.people_to_anonymise) + len(plan.links_to_delete),
        },
    )
    return plan
