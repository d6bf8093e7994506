"""Creating, editing and merging people, household links and consent decisions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from linkwork.casework.chi import validate_chi
from linkwork.casework.choices import ContactMethod
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
from linkwork.core import audit, policy
from linkwork.core.models import Organisation, User
from linkwork.governance import rectification

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
    "uses_bsl",
    "large_print",
    "no_phone_calls",
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


def clean_person_data(data: dict[str, Any]) -> dict[str, Any]:
    """Check and normalise a person's details, the same for a form, the API and a referral:
    CHI check digit, postcode, lengths, choices, email, contact methods. Raises
    ValidationError naming each field that is wrong."""
    unknown = set(data) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(_("Not editable: %(f)s") % {"f": ", ".join(sorted(unknown))})
    out = dict(data)
    errors: dict[str, list[str]] = {}
    if out.get("chi"):
        try:
            out["chi"] = validate_chi(out["chi"])
        except ValidationError as exc:
            errors["chi"] = exc.messages
    if out.get("postcode"):
        from linkwork.places.postcodes import InvalidPostcode, normalise_postcode

        try:
            out["postcode"] = normalise_postcode(out["postcode"])
        except InvalidPostcode as exc:
            errors["postcode"] = [str(exc)]
    methods = out.get("contact_methods")
    if methods is not None and (
        not isinstance(methods, list) or set(methods) - set(ContactMethod.values)
    ):
        errors["contact_methods"] = [_("Choose from: phone, sms, email, letter.")]
    checked = [f for f in out if f not in errors and f != "contact_methods"]
    try:
        Person(**{k: v for k, v in out.items() if k in checked}).clean_fields(
            exclude=[f.name for f in Person._meta.fields if f.name not in checked]
        )
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    if "postcode" in out:
        out.update(area_for_postcode(out["postcode"] or ""))
    return out


def _chi_on_file_at(practice_id: int | None, chi: str, exclude: int | None = None) -> Person | None:
    """A record with this CHI at this practice (only the caller's own practice is looked at,
    so nothing held elsewhere is revealed)."""
    if not chi or practice_id is None:
        return None
    qs = Person.objects.filter(chi=chi, gp_practice_id=practice_id, merged_into__isnull=True)
    if exclude is not None:
        qs = qs.exclude(pk=exclude)
    return qs.first()


@service
@transaction.atomic
def create_person(*, actor: User | None, practice: Organisation, data: dict[str, Any]) -> Person:
    """Record a new person at a practice the actor works at. A CHI already on file at that
    practice is refused (use the existing record); records elsewhere are not looked at."""
    policy.check(actor, "casework.register_person", practice)
    if practice.kind != Organisation.Kind.GP_PRACTICE:
        raise ValidationError({"gp_practice": _("Choose a GP practice.")})
    values = clean_person_data({k: v for k, v in data.items() if k != "gp_practice"})
    existing = _chi_on_file_at(practice.pk, values.get("chi", ""))
    if existing is not None:
        raise DuplicatePerson(existing)
    person = Person.objects.create(**values, gp_practice=practice)
    audit.record(audit.Action.CREATE, person, actor=actor)
    return person


@service
@transaction.atomic
def update_person(
    *,
    person: Person,
    actor: User | None,
    expected_version: int | None,
    data: dict[str, Any],
    reason: str = "",
) -> Person:
    """Edit a person's details. Moving the record to another practice is allowed only to a
    practice the actor works at; a transfer between practices is a merge made by someone
    who can see both records (decision record 0004). What changed, and ``reason``, is kept
    as the record's rectification history (governance)."""
    # Checked against the stored record: a ModelForm may already have changed the instance.
    stored = Person.objects.get(pk=person.pk)
    policy.check(actor, "casework.edit_person", stored)
    values = clean_person_data(data)
    if "gp_practice" in values:
        new = values["gp_practice"]
        if new is None:
            raise ValidationError({"gp_practice": _("A record is held by a GP practice.")})
        if new.pk != stored.gp_practice_id and not policy.can(
            actor, "casework.register_person", new
        ):
            raise ValidationError(
                {
                    "gp_practice": _(
                        "You can only move a record to a practice you work at. When someone "
                        "has moved practice, ask a programme manager to transfer the record."
                    )
                }
            )
    practice_id = values["gp_practice"].pk if values.get("gp_practice") else stored.gp_practice_id
    clash = _chi_on_file_at(practice_id, values.get("chi", ""), exclude=person.pk)
    if clash is not None:
        raise DuplicatePerson(clash)
    before = {k: getattr(stored, k if k != "gp_practice" else "gp_practice_id") for k in values}
    after = {k: (v.pk if k == "gp_practice" and v is not None else v) for k, v in values.items()}
    person = save_versioned(person, expected_version=expected_version, changes=values)
    rectification.record_changes(
        person=person, actor=actor, before=before, after=after, reason=reason
    )
    audit.record(
        audit.Action.UPDATE,
        person,
        actor=actor,
        detail={"fields": audit.changed_fields(before, after)},
    )
    return person


_IDENTITY_LABELS = {
    "chi": gettext_lazy("CHI number"),
    "date_of_birth": gettext_lazy("date of birth"),
    "family_name": gettext_lazy("last name"),
}


def _norm(value: str) -> str:
    return " ".join(value.split()).casefold()


def identity_disagreements(a: Person, b: Person) -> list[str]:
    """Which of CHI, date of birth and name disagree between two records (a field recorded
    on one only does not disagree)."""
    wrong = []
    if a.chi and b.chi and a.chi != b.chi:
        wrong.append("chi")
    if a.date_of_birth and b.date_of_birth and a.date_of_birth != b.date_of_birth:
        wrong.append("date_of_birth")
    if _norm(a.family_name) != _norm(b.family_name):
        wrong.append("family_name")
    return wrong


@service
@transaction.atomic
def merge_people(*, keep: Person, duplicate: Person, actor: User | None) -> Person:
    """Move everything recorded about `duplicate` onto `keep`: a deliberate, audited
    transfer by someone who may see both records (a programme manager of both practices'
    programme, or an admin), only when CHI, date of birth and name agree.

    Blank fields of `keep` are filled from `duplicate`; the duplicate stays (for the audit
    trail) but points at `keep` and disappears from every list.
    """
    policy.check(actor, "casework.merge_people", keep)
    policy.check(actor, "casework.merge_people", duplicate)
    if keep.pk == duplicate.pk or duplicate.merged_into_id:
        raise ValidationError(_("These records cannot be merged."))
    wrong = identity_disagreements(keep, duplicate)
    if wrong:
        raise ValidationError(
            _(
                "These records do not agree on %(fields)s, so they may be two people. Correct "
                "the record that is wrong first."
            )
            % {"fields": ", ".join(str(_IDENTITY_LABELS[f]) for f in wrong)}
        )
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
    *,
    person: Person,
    related_person: Person,
    relationship: str,
    lives_with: bool,
    actor: User | None,
) -> HouseholdLink:
    policy.check(actor, "casework.link_household", person)
    policy.check(actor, "casework.link_household", related_person)
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
    actor: User | None,
    decided_on: dt.date | None = None,
    partner: Organisation | None = None,
    note: str = "",
) -> Consent:
    """Record the person's own consent decision, told to the actor. Withdrawing consent to
    share stops sharing at once: links waiting for a partner's reply are withdrawn and the
    portal stops showing the person."""
    policy.check(actor, "casework.record_consent", person)
    consent = Consent.objects.create(
        person=person,
        purpose=purpose,
        decision=decision,
        decided_on=decided_on or timezone.localdate(),
        partner=partner,
        recorded_by=actor if actor is not None and actor.is_authenticated else None,
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
