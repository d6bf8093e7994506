"""Governance writes: keyword-only, one transaction, one policy check, audited."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction

from linkwork.core import audit, policy
from linkwork.governance import policy as actions
from linkwork.governance import selectors
from linkwork.governance.models import DataSharingAgreement

if TYPE_CHECKING:
    from linkwork.core.policy import Actor
    from linkwork.governance.forms import AgreementForm


@transaction.atomic
def save_agreement(*, actor: Actor, form: AgreementForm) -> DataSharingAgreement:
    """Create or change an agreement. A DPO may only record agreements their organisations
    are party to (or, with no parties named, with a partner in their scope)."""
    policy.check(actor, actions.MANAGE_AGREEMENTS)
    ids = selectors.organisations_in_scope(actor, actions.MANAGE_AGREEMENTS)
    parties = {p.pk for p in form.cleaned_data.get("parties") or []}
    partner = form.cleaned_data["partner"]
    if ids is not None and not (parties & ids or partner.pk in ids):
        raise PermissionDenied(actions.MANAGE_AGREEMENTS)
    creating = form.instance.pk is None
    changed = [] if creating else list(form.changed_data)
    agreement: DataSharingAgreement = form.save()
    audit.record(
        audit.Action.CREATE if creating else audit.Action.UPDATE,
        agreement,
        actor=actor,
        detail={"fields": changed} if changed else {"status": agreement.status},
    )
    return agreement
