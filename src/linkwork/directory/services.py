"""Changing the directory: claims, proposed changes, moderation, review, merging.

Every change lands in ChangeRecord (field, old and new public values) in the same
transaction as the change, with an audit entry naming only the record and field names.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from linkwork.core import audit
from linkwork.directory.models import (
    ChangeRecord,
    ChangeRequest,
    DuplicateFlag,
    Organization,
    OrganizationClaim,
    ProblemReport,
    Service,
)
from linkwork.directory.models.editorial import Decision
from linkwork.directory.permissions import can_edit, is_moderator


def _name(user: Any) -> str:
    return user.get_username() if user is not None else ""


def _history(
    object_type: str,
    object_id: uuid.UUID,
    kind: str,
    changes: list[dict[str, Any]],
    *,
    actor: Any,
    note: str = "",
    change_request: ChangeRequest | None = None,
) -> ChangeRecord:
    return ChangeRecord.objects.create(
        object_type=object_type,
        object_id=object_id,
        kind=kind,
        changes=changes,
        actor=actor,
        actor_name=_name(actor),
        note=note,
        change_request=change_request,
    )


# --- claims -------------------------------------------------------------------------------


def request_claim(
    *, organization: Organization, account: Any, user: Any, note: str = ""
) -> OrganizationClaim:
    if account.id not in user.organisation_ids("community"):
        raise PermissionDenied(_("You can only claim for an organisation you belong to."))
    with transaction.atomic():
        claim = OrganizationClaim.objects.create(
            organization=organization, account=account, requested_by=user, note=note
        )
        audit.record(audit.Action.CREATE, claim, actor=user, detail={"status": "pending"})
    return claim


def decide_claim(
    *, claim: OrganizationClaim, moderator: Any, approve: bool, reason: str = ""
) -> None:
    if not is_moderator(moderator):
        raise PermissionDenied
    if not approve and not reason.strip():
        raise ValidationError({"reason": _("Say why you are rejecting the claim.")})
    with transaction.atomic():
        claim.status = Decision.APPROVED if approve else Decision.REJECTED
        claim.reason, claim.decided_by, claim.decided_at = reason, moderator, timezone.now()
        claim.save()
        if approve:
            org = claim.organization
            old = org.owner_id
            org.owner = claim.account
            org.save(update_fields=["owner", "last_modified"])
            Service.objects.filter(organization=org).update(owner=claim.account)
            _history(
                "organization",
                org.id,
                ChangeRecord.Kind.CLAIM,
                [{"field": "owner", "old": old, "new": claim.account_id}],
                actor=moderator,
                note=reason,
            )
        audit.record(audit.Action.UPDATE, claim, actor=moderator, detail={"status": claim.status})


# --- changes ------------------------------------------------------------------------------


def _target(object_type: str, object_id: uuid.UUID | None) -> Any:
    if object_id is None:
        return None
    if object_type in ("organization", "organization_translations"):
        return Organization.objects.get(id=object_id)
    return Service.objects.select_related("organization").get(id=object_id)


def propose_change(
    *,
    user: Any,
    object_type: str,
    organization: Organization,
    proposed: dict[str, Any],
    original: dict[str, Any],
    object_id: uuid.UUID | None = None,
) -> tuple[bool, Any]:
    """Apply the change at once for a moderator, else queue it. Returns (applied, result).

    `object_type` is "organization", "service", "new_service", "service_times",
    "service_location", "service_contacts", "service_translations" or
    "organization_translations"; the organisation decides who may change it."""
    if not can_edit(user, organization):
        raise PermissionDenied(_("You cannot change this organisation's information."))
    if object_id is not None:
        target = _target(object_type, object_id)
        owner_org = target if isinstance(target, Organization) else target.organization
        if owner_org is None or owner_org.id != organization.id:
            raise PermissionDenied(_("That record does not belong to this organisation."))
    changed = {k: v for k, v in proposed.items() if original.get(k) != v}
    if not changed:
        return True, None
    if is_moderator(user):
        with transaction.atomic():
            return True, apply_change(
                object_type=object_type,
                object_id=object_id,
                organization=organization,
                values=changed,
                actor=user,
            )
    with transaction.atomic():
        change = ChangeRequest.objects.create(
            object_type=object_type,
            object_id=object_id,
            organization=organization,
            proposed=changed,
            original={k: original.get(k) for k in changed},
            submitted_by=user,
        )
        audit.record(
            audit.Action.CREATE,
            change,
            actor=user,
            detail={"fields": sorted(changed), "status": "pending"},
        )
    return False, change


def apply_change(
    *,
    object_type: str,
    object_id: uuid.UUID | None,
    organization: Organization,
    values: dict[str, Any],
    actor: Any,
    change_request: ChangeRequest | None = None,
) -> Any:
    """Write a change (call inside a transaction) and keep its history."""
    from linkwork.directory import editing

    record, changes, kind = editing.apply(
        object_type=object_type, object_id=object_id, organization=organization, values=values
    )
    history_type = "organization" if isinstance(record, Organization) else "service"
    _history(history_type, record.id, kind, changes, actor=actor, change_request=change_request)
    audit.record(
        audit.Action.CREATE if kind == ChangeRecord.Kind.CREATE else audit.Action.UPDATE,
        record,
        actor=actor,
        detail={"fields": sorted(c["field"] for c in changes)},
    )
    if object_type == "new_service":
        from linkwork.directory.duplicates import flag

        flag(record.id)
    return record


def decide_change(
    *, change: ChangeRequest, moderator: Any, approve: bool, reason: str = ""
) -> None:
    if not is_moderator(moderator):
        raise PermissionDenied
    if change.status != Decision.PENDING:
        raise ValidationError(_("This change has already been decided."))
    if not approve and not reason.strip():
        raise ValidationError({"reason": _("Say why you are rejecting the change.")})
    with transaction.atomic():
        if approve:
            apply_change(
                object_type=change.object_type,
                object_id=change.object_id,
                organization=change.organization,
                values=change.proposed,
                actor=moderator,
                change_request=change,
            )
        change.status = Decision.APPROVED if approve else Decision.REJECTED
        change.reason, change.decided_by, change.decided_at = reason, moderator, timezone.now()
        change.save()
        audit.record(audit.Action.UPDATE, change, actor=moderator, detail={"status": change.status})


def confirm_accurate(*, service: Service, user: Any) -> None:
    """ "Still accurate": the editor checked it today."""
    if not can_edit(user, service.organization):
        raise PermissionDenied
    with transaction.atomic():
        old = service.last_reviewed_at
        service.last_reviewed_at, service.last_reviewed_by = timezone.now(), user
        service.save(update_fields=["last_reviewed_at", "last_reviewed_by", "last_modified"])
        _history(
            "service",
            service.id,
            ChangeRecord.Kind.REVIEW,
            [
                {
                    "field": "last_reviewed_at",
                    "old": old.isoformat() if old else None,
                    "new": service.last_reviewed_at.isoformat(),
                }
            ],
            actor=user,
        )
        audit.record(
            audit.Action.UPDATE, service, actor=user, detail={"fields": ["last_reviewed_at"]}
        )


def resolve_problem(*, report: ProblemReport, user: Any) -> None:
    if not can_edit(user, report.organization):
        raise PermissionDenied
    with transaction.atomic():
        report.status = ProblemReport.Status.RESOLVED
        report.resolved_by, report.resolved_at = user, timezone.now()
        report.save()
        audit.record(audit.Action.UPDATE, report, actor=user, detail={"status": "resolved"})


def merge_services(*, keep: Service, merge: Service, moderator: Any) -> None:
    """Fold `merge` into `keep`: its details (phones, times, places, categories) move over,
    and it stays as a defunct record naming `keep`, so history and links to it resolve."""
    if not is_moderator(moderator):
        raise PermissionDenied
    if keep.id == merge.id:
        raise ValidationError(_("A service cannot be merged into itself."))
    with transaction.atomic():
        moved = []
        for rel in Service._meta.related_objects:
            # Only our own records move. Other apps' links (a person's service link) keep
            # pointing at the merged record, which stays and names the one it became.
            if (
                rel.many_to_many
                or not rel.field.concrete
                or rel.related_model is DuplicateFlag
                or rel.related_model._meta.app_label != "directory"
            ):
                continue
            n = rel.related_model._default_manager.filter(**{rel.field.name: merge}).update(
                **{rel.field.name: keep}
            )
            if n:
                moved.append(f"{rel.related_model._meta.label_lower}:{n}")
        for term in merge.categories.all():
            keep.categories.add(term)
        from linkwork.directory.models import Attribute

        Attribute.objects.filter(link_id=merge.id).update(link_id=keep.id)
        merge.status = Service.Status.DEFUNCT
        merge.extra = {**merge.extra, "linkwork_merged_into": str(keep.id)}
        merge.save(update_fields=["status", "extra", "last_modified"])
        DuplicateFlag.objects.filter(service__in=[keep, merge], other__in=[keep, merge]).update(
            status=DuplicateFlag.Status.MERGED, decided_by=moderator
        )
        _history(
            "service",
            keep.id,
            ChangeRecord.Kind.MERGE,
            [{"field": "merged", "old": None, "new": str(merge.id)}],
            actor=moderator,
            note=", ".join(moved),
        )
        _history(
            "service",
            merge.id,
            ChangeRecord.Kind.MERGE,
            [
                {"field": "status", "old": "active", "new": "defunct"},
                {"field": "merged_into", "old": None, "new": str(keep.id)},
            ],
            actor=moderator,
        )
        audit.record(
            audit.Action.UPDATE,
            keep,
            actor=moderator,
            detail={"related_id": str(merge.id), "status": "merged"},
        )
