"""Governance writes: keyword-only, one transaction, one policy check, audited."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from linkwork.core import audit, policy
from linkwork.governance import policy as actions
from linkwork.governance import selectors
from linkwork.governance.models import DataSharingAgreement

if TYPE_CHECKING:
    from linkwork.core.policy import Actor
    from linkwork.governance.forms import AgreementForm


@transaction.atomic
def save_agreement(*, actor: Actor, form: AgreementForm) -> DataSharingAgreement:
    """Create or change an agreement, as a DPO of one of the organisations that share under it.

    An agreement names who discloses (its parties: practices or programmes); a DPO names at
    least one of their own and only their own, may change only an agreement their
    organisations are party to, and keeps the parties they cannot see (another practice's
    signature is not theirs to remove). Being the receiving partner gives no right to write
    the agreement that lets data reach it. An agreement with no parties covers every party,
    so only someone who oversees every organisation (ANY scope) may record one.
    """
    policy.check(actor, actions.MANAGE_AGREEMENTS)
    ids = selectors.organisations_in_scope(actor, actions.MANAGE_AGREEMENTS)
    chosen = {p.pk for p in form.cleaned_data.get("parties") or []}
    creating = form.instance.pk is None
    before = set() if creating else set(form.instance.parties.values_list("pk", flat=True))
    kept: set[int] = set()
    if ids is not None:
        if not creating and not before & ids:
            raise PermissionDenied(actions.MANAGE_AGREEMENTS)
        if not chosen & ids or not chosen <= ids:
            raise ValidationError(
                {"parties": _("Choose your practice or programme: the agreement must name it.")}
            )
        kept = before - ids
    changed = [] if creating else [f for f in form.changed_data if f != "parties"]
    agreement: DataSharingAgreement = form.save()
    if kept:
        agreement.parties.add(*kept)
    if not creating and set(agreement.parties.values_list("pk", flat=True)) != before:
        changed.append("parties")  # who signed is part of what the audit shows changed
    detail: dict[str, object] = {"fields": changed} if changed else {"status": agreement.status}
    audit.record(
        audit.Action.CREATE if creating else audit.Action.UPDATE,
        agreement,
        actor=actor,
        detail=detail,
    )
    return agreement
