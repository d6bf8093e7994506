"""A programme manager moves a case from one link worker to another of the same practice
(leave, workload, the person asked). One transaction, one audit entry naming the reason code
and the new worker's id (never anything about the person)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from linkwork.casework.everyday_policy import REALLOCATE_CASE
from linkwork.casework.guards import service
from linkwork.casework.models import Case
from linkwork.casework.selectors import visible_cases
from linkwork.casework.services.locking import save_versioned
from linkwork.casework.states import CaseStatus
from linkwork.core import audit, policy
from linkwork.core.models import Membership, User
from linkwork.core.roles import Role

REASONS = {
    "absence": gettext_lazy("The link worker is away or has left"),
    "workload": gettext_lazy("To balance caseloads"),
    "person_asked": gettext_lazy("The person asked for someone else"),
    "other": gettext_lazy("Another reason"),
}
REALLOCATABLE = (CaseStatus.ALLOCATED, CaseStatus.ACTIVE)


def link_workers_at(practice_id: int) -> list[User]:
    """Active link workers who work at the practice, by name."""
    return list(
        User.objects.filter(
            is_active=True,
            groups__name=Role.LINK_WORKER,
            memberships__organisation_id=practice_id,
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


@service
@transaction.atomic
def reallocate(
    *,
    case: Case,
    to_worker: User,
    actor: User,
    reason: str,
    expected_version: int | None = None,
) -> Case:
    policy.check(actor, REALLOCATE_CASE)
    if not visible_cases(actor).filter(pk=case.pk).exists():
        raise PermissionDenied(REALLOCATE_CASE)
    current = Case.objects.select_for_update().get(pk=case.pk)
    if current.status not in REALLOCATABLE:
        raise ValidationError(_("Only an allocated or active case can move to another worker."))
    if reason not in REASONS:
        raise ValidationError({"reason": _("Choose why the case is moving.")})
    if to_worker.pk == current.link_worker_id:
        raise ValidationError({"link_worker": _("Choose a different link worker.")})
    works_there = (
        to_worker.is_active
        and to_worker.has_role(Role.LINK_WORKER)
        and Membership.objects.filter(user=to_worker, organisation_id=current.practice_id).exists()
    )
    if not works_there:
        raise ValidationError(
            {"link_worker": _("Choose a link worker who works at this practice.")}
        )
    case = save_versioned(
        current,
        expected_version=expected_version,
        changes={"link_worker_id": to_worker.pk, "allocated_at": timezone.now()},
    )
    audit.record(
        audit.Action.UPDATE,
        case,
        actor=actor,
        detail={
            "fields": ["link_worker"],
            "reason_code": reason,
            "related_type": "core.user",
            "related_id": to_worker.pk,
            "via": "reallocation",
        },
    )
    return case
