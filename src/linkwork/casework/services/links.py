"""Links to community services and the closed loop with the receiving organisation."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from linkwork.casework.guards import service
from linkwork.casework.models import Case, ServiceLink, ServiceLinkChange
from linkwork.casework.services.locking import save_versioned
from linkwork.casework.states import FINAL
from linkwork.core import audit, policy
from linkwork.core.models import User
from linkwork.directory.models import Service
from linkwork.governance.agreements import require_sharing
from linkwork.governance.models import SharingPurpose

S = ServiceLink.Status

#: What the receiving organisation sees about the person (minimum necessary).
SHARED_FIELDS = [
    "preferred_name",
    "family_name",
    "phone",
    "mobile",
    "email",
    "contact_methods",
    "preferred_language",
    "interpreter_needed",
    "communication_needs",
    "uses_bsl",
    "large_print",
    "no_phone_calls",
]

#: Which link status may follow which, and who may make the move.
_BY_ORGANISATION: dict[str, set[str]] = {
    S.SENT: {S.ACCEPTED, S.DECLINED},
    S.ACCEPTED: {S.ATTENDING, S.STOPPED},
    S.ATTENDING: {S.ATTENDING, S.STOPPED},
}
_BY_LINK_WORKER: dict[str, set[str]] = {
    S.SUGGESTED: {S.ATTENDING, S.STOPPED, S.WITHDRAWN},
    S.SENT: {S.WITHDRAWN},
    S.ACCEPTED: {S.WITHDRAWN, S.ATTENDING, S.STOPPED},
    S.ATTENDING: {S.ATTENDING, S.STOPPED},
}


def _user(actor: User | None) -> User | None:
    return actor if actor is not None and actor.is_authenticated else None


def receiving_organisation_id(service_obj: Service) -> int | None:
    """The Linkwork account that receives referrals for a directory service."""
    if getattr(service_obj, "owner_id", None):
        return service_obj.owner_id
    org = getattr(service_obj, "organization", None)
    return getattr(org, "owner_id", None) if org is not None else None


@service
@transaction.atomic
def create_link(
    *,
    case: Case,
    service_obj: Service,
    kind: str,
    actor: User | None,
    note_to_organisation: str = "",
) -> ServiceLink:
    """Record a link. A supported referral is sent to the service's organisation, only if
    the person has agreed to share their details with it."""
    policy.check(actor, "casework.link", case)
    if case.status in FINAL:
        raise ValidationError(_("This case is closed."))
    now = timezone.now()
    values: dict[str, Any] = {
        "case": case,
        "service": service_obj,
        "kind": kind,
        "created_by": _user(actor),
        "note_to_organisation": note_to_organisation,
    }
    if kind == ServiceLink.Kind.SUPPORTED:
        receiver = receiving_organisation_id(service_obj)
        if receiver is None:
            raise ValidationError(
                _(
                    "This service's organisation does not use Linkwork, so it cannot receive "
                    "a referral here. Signpost the person or contact the service yourself."
                )
            )
        # A data-sharing agreement in force and the person's consent (governance's one gate).
        require_sharing(receiver, case.person, SharingPurpose.REFERRAL, case=case)
        values.update(
            receiving_organisation_id=receiver,
            status=S.SENT,
            sent_at=now,
            shared_fields=SHARED_FIELDS,
        )
    elif kind == ServiceLink.Kind.ACCOMPANIED:
        values.update(status=S.ATTENDING, first_attended_on=timezone.localdate())
    else:
        values.update(status=S.SUGGESTED)
    link = ServiceLink.objects.create(**values)
    ServiceLinkChange.objects.create(link=link, to_status=link.status, at=now, by=_user(actor))
    audit.record(
        audit.Action.CREATE,
        link,
        actor=actor,
        detail={"related_id": case.pk, "via": kind, "status": link.status},
    )
    return link


@service
@transaction.atomic
def update_link_status(
    *,
    link: ServiceLink,
    to_status: str,
    actor: User | None,
    as_organisation: bool,
    reason: str = "",
    first_attended_on: dt.date | None = None,
    expected_version: int | None = None,
) -> ServiceLink:
    """Move a link on: the organisation accepts/declines and records attendance; the link
    worker withdraws it or records attendance for links outside the closed loop."""
    policy.check(
        actor,
        "casework.respond_to_link" if as_organisation else "casework.update_link_status",
        link,
    )
    rules = _BY_ORGANISATION if as_organisation else _BY_LINK_WORKER
    if to_status not in rules.get(link.status, set()):
        raise ValidationError(
            _("A referral that is “%(now)s” cannot become “%(new)s”.")
            % {"now": S(link.status).label, "new": S(to_status).label}
        )
    if to_status == S.DECLINED and not reason.strip():
        raise ValidationError({"reason": _("Say why you cannot take this referral.")})
    now = timezone.now()
    changes: dict[str, Any] = {"status": to_status}
    if link.status == S.SENT:
        changes["responded_at"] = now
    if to_status in (S.DECLINED, S.STOPPED) and reason:
        changes["response_reason"] = reason[:300]
    if to_status == S.ATTENDING and link.first_attended_on is None:
        changes["first_attended_on"] = first_attended_on or timezone.localdate()
    before = link.status
    link = save_versioned(link, expected_version=expected_version, changes=changes)
    ServiceLinkChange.objects.create(
        link=link,
        from_status=before,
        to_status=to_status,
        at=now,
        by=_user(actor),
        reason=reason[:300],
    )
    audit.record(
        audit.Action.UPDATE,
        link,
        actor=actor,
        detail={"from_status": before, "to_status": to_status},
    )
    return link


@service
def withdraw_pending_links(*, links: list[ServiceLink], actor: User | None) -> int:
    """Withdraw links not yet taken up (consent to share was withdrawn)."""
    now = timezone.now()
    for link in links:
        before = link.status
        ServiceLink.objects.filter(pk=link.pk).update(status=S.WITHDRAWN, responded_at=now)
        ServiceLinkChange.objects.create(
            link=link,
            from_status=before,
            to_status=S.WITHDRAWN,
            at=now,
            by=_user(actor),
            reason="consent withdrawn",
        )
        audit.record(
            audit.Action.UPDATE,
            link,
            actor=actor,
            detail={"from_status": before, "to_status": S.WITHDRAWN, "via": "consent"},
        )
    return len(links)
