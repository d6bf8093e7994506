"""Before a case is discharged, every open safeguarding concern about the person needs a
decision: close it, or record why it stays open and who holds it now. The discharge letter
then says which concerns are still open and with whom."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from linkwork.casework.guards import service
from linkwork.casework.models import Case, SafeguardingConcern
from linkwork.casework.selectors import visible_people
from linkwork.core import audit
from linkwork.core.models import User


def undecided_concerns(case: Case) -> list[SafeguardingConcern]:
    """Open concerns about the case's person that nobody has decided about yet."""
    return list(
        SafeguardingConcern.objects.filter(
            person_id=case.person_id,
            status=SafeguardingConcern.Status.OPEN,
            held_open_at__isnull=True,
        ).order_by("raised_at", "id")
    )


def require_concerns_decided(case: Case) -> None:
    """Refuse to discharge while an open concern has no decision."""
    if undecided_concerns(case):
        raise ValidationError(
            _(
                "A safeguarding concern about this person is still open. Close it, or record "
                "why it stays open and who holds it, before you discharge."
            )
        )


@service
@transaction.atomic
def keep_open_at_discharge(
    *, concern: SafeguardingConcern, actor: User, reason: str, held_by: str
) -> SafeguardingConcern:
    if not visible_people(actor).filter(pk=concern.person_id).exists():
        raise PermissionDenied
    errors = {}
    if not reason.strip():
        errors["held_open_reason"] = _("Say why the concern stays open.")
    if not held_by.strip():
        errors["held_by"] = _("Say who holds the concern now (a person and their service).")
    if errors:
        raise ValidationError(errors)
    current = SafeguardingConcern.objects.select_for_update().get(pk=concern.pk)
    if current.status != SafeguardingConcern.Status.OPEN:
        raise ValidationError(_("This concern is already closed."))
    current.held_open_reason = reason.strip()
    current.held_by = held_by.strip()
    current.held_open_at = timezone.now()
    current.version += 1
    current.save()
    audit.record(
        audit.Action.UPDATE,
        current,
        actor=actor,
        detail={"fields": ["held_open_reason", "held_by"]},
    )
    return current
