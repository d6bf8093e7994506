"""Creating, editing and merging people, household links and consent decisions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from linkwork.casework.chi import validate_chi
from linkwork.casework.guards import service
from linkwork.casework.models import (
    Case,
    Consent,
    HouseholdLink,
    Person,
    Referral,
    SafeguardingConcern,
    ServiceLink,
)
from linkwork.casework.services.locking import save_versioned
from linkwork.core import audit
from linkwork.core.permissions import has_role
from linkwork.core.roles import Role

#: Fields a person form may set (everything else is derived or system-kept).
EDITABLE_FIELDS = (
    "chi",
    "given_name",
    "family_name",
    "preferred_name",
    "date_of_birth",
    "sex",
    "gender",
    "pronouns",
    "phone",
    "mobile",
    "email",
    "address",
    "postcode",
    "contact_methods",
    "safe_to_leave_message",
    "contact_notes",
    "preferred_language",
    "interpreter_needed",
    "communication_needs",
    "gp_practice",
    "ethnicity",
    "disability",
    "carer",
    "armed_forces",
)


class DuplicatePerson(ValidationError):
    """A person with this CHI number is already recorded."""

    def __init__(self, existing: Person) -> None:
        self.existing = existing
        super().__init__(
            _("A person with this CHI number is already recorded."), code="duplicate_chi"
        )


def area_for_postcode(postcode: str) -> dict[str, Any]:
    """Data zone and SIMD for a postcode now (empty when the postcode is not known)."""
    from linkwork.places.models import Postcode
    from linkwork.places.postcodes import InvalidPostcode, normalise_postcode

    empty = {"data_zone": "", "simd_decile": None, "simd_quintile": None, "simd_version": ""}
    try:
        pc = normalise_postcode(postcode)
    except InvalidPostcode:
        return empty
    row = Postcode.objects.select_related("data_zone").filter(postcode=pc).first()
    if row is None or row.data_zone is None:
        return empty
    dz = row.data_zone
    return {
        "data_zone": dz.code,
        "simd_decile": dz.simd_decile,
        "simd_quintile": dz.simd_quintile,
        "simd_version": dz.simd_version,
    }


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    unknown = set(data) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    out = dict(data)
    if out.get("chi"):
        out["chi"] = validate_chi(out["chi"])
    if out.get("postcode"):
        from linkwork.places.postcodes import InvalidPostcode, normalise_postcode

        try:
            out["postcode"] = normalise_postcode(out["postcode"])
        except InvalidPostcode as exc:
            raise ValidationError({"postcode": str(exc)}) from exc
    if "postcode" in out:
        out.update(area_for_postcode(out["postcode"] or ""))
    return out


@service
@transaction.atomic
def create_person(*, actor: Any, data: dict[str, Any]) -> Person:
    """Record a new person. A CHI already on file is refused (use the existing record)."""
    values = _clean(data)
    if values.get("chi"):
        existing = Person.objects.filter(chi=values["chi"], merged_into__isnull=True).first()
        if existing is not None:
            raise DuplicatePerson(existing)
    person = Person.objects.create(**values)
    audit.record(audit.Action.CREATE, person, actor=actor)
    return person


@service
@transaction.atomic
def update_person(
    *, person: Person, actor: Any, expected_version: int | None, data: dict[str, Any]
) -> Person:
    values = _clean(data)
    if values.get("chi"):
        clash = (
            Person.objects.filter(chi=values["chi"], merged_into__isnull=True)
            .exclude(pk=person.pk)
            .first()
        )
        if clash is not None:
            raise DuplicatePerson(clash)
    before = {k: getattr(person, k if k != "gp_practice" else "gp_practice_id") for k in values}
    after = {k: (v.pk if k == "gp_practice" and v is not None else v) for k, v in values.items()}
    person = save_versioned(person, expected_version=expected_version, changes=values)
    audit.record(
        audit.Action.UPDATE,
        person,
        actor=actor,
        detail={"fields": audit.changed_fields(before, after)},
    )
    return person


@service
@transaction.atomic
def merge_people(*, keep: Person, duplicate: Person, actor: Any) -> Person:
    """Move everything recorded about `duplicate` onto `keep` (managers only).

    Blank fields of `keep` are filled from `duplicate`; the duplicate stays (for the audit
    trail) but points at `keep` and disappears from every list.
    """
    if not has_role(actor, Role.PROGRAMME_MANAGER):
        raise PermissionError(_("Only programme managers can merge records."))
    if keep.pk == duplicate.pk or duplicate.merged_into_id:
        raise ValidationError(_("These records cannot be merged."))
    for model in (Referral, Case, Consent, SafeguardingConcern):
        model.objects.filter(person=duplicate).update(person=keep)
    HouseholdLink.objects.filter(person=duplicate).exclude(related_person=keep).exclude(
        related_person__in=keep.household_links.values("related_person")
    ).update(person=keep)
    HouseholdLink.objects.filter(person=duplicate).delete()
    HouseholdLink.objects.filter(related_person=duplicate).delete()
    fill = {
        f: getattr(duplicate, f)
        for f in EDITABLE_FIELDS
        if f not in ("chi", "gp_practice") and not getattr(keep, f) and getattr(duplicate, f)
    }
    if not keep.chi and duplicate.chi:
        fill["chi"] = duplicate.chi
    if keep.gp_practice_id is None and duplicate.gp_practice_id:
        fill["gp_practice_id"] = duplicate.gp_practice_id
    Person.objects.filter(pk=duplicate.pk).update(merged_into=keep, chi="")
    if fill:
        for k, v in fill.items():
            setattr(keep, k, v)
        keep.version += 1
        keep.save()
    audit.record(
        audit.Action.UPDATE,
        keep,
        actor=actor,
        detail={
            "fields": sorted(fill),
            "related_type": "casework.person",
            "related_id": duplicate.pk,
        },
    )
    audit.record(audit.Action.DELETE, duplicate, actor=actor, detail={"via": "merge"})
    return keep


_RECIPROCAL = {
    "parent": "child",
    "child": "parent",
    "carer": "cared_for",
    "cared_for": "carer",
}


@service
@transaction.atomic
def link_household(
    *, person: Person, related_person: Person, relationship: str, lives_with: bool, actor: Any
) -> HouseholdLink:
    if person.pk == related_person.pk:
        raise ValidationError(_("A person cannot be linked to themselves."))
    link, _created = HouseholdLink.objects.update_or_create(
        person=person,
        related_person=related_person,
        defaults={"relationship": relationship, "lives_with": lives_with},
    )
    HouseholdLink.objects.update_or_create(
        person=related_person,
        related_person=person,
        defaults={
            "relationship": _RECIPROCAL.get(relationship, relationship),
            "lives_with": lives_with,
        },
    )
    audit.record(audit.Action.UPDATE, person, actor=actor, detail={"fields": ["household"]})
    return link


@service
@transaction.atomic
def record_consent(
    *,
    person: Person,
    purpose: str,
    decision: str,
    actor: Any,
    decided_on: dt.date | None = None,
    partner: Any = None,
    note: str = "",
) -> Consent:
    """Record a consent decision. Withdrawing consent to share stops sharing at once: links
    waiting for a partner's reply are withdrawn and the portal stops showing the person."""
    from django.utils import timezone

    consent = Consent.objects.create(
        person=person,
        purpose=purpose,
        decision=decision,
        decided_on=decided_on or timezone.localdate(),
        partner=partner,
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
        note=note,
    )
    audit.record(
        audit.Action.CREATE,
        consent,
        actor=actor,
        detail={"status": decision, "reason_code": purpose, "related_id": person.pk},
    )
    if purpose == Consent.Purpose.SHARING and decision == Consent.Decision.WITHDRAWN:
        from linkwork.casework.services.links import withdraw_pending_links

        pending = ServiceLink.objects.filter(
            case__person=person, status__in=(ServiceLink.Status.SENT, ServiceLink.Status.SUGGESTED)
        )
        if partner is not None:
            pending = pending.filter(receiving_organisation=partner)
        withdraw_pending_links(links=list(pending), actor=actor)
    return consent
