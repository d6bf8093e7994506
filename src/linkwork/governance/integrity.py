"""Checking the audit chain and telling the data protection officers when it does not hold."""

from __future__ import annotations

from django.core.mail import send_mail
from django.utils import timezone
from django.utils.translation import gettext as _

from linkwork.core.audit import Verification, verify_chain
from linkwork.core.models import User
from linkwork.core.roles import Role
from linkwork.governance import conf


def dpo_addresses() -> list[str]:
    """Active DPOs with an email address, plus GOVERNANCE_ALERT_EMAILS from settings."""
    users = User.objects.filter(is_active=True, groups__name=Role.DPO).exclude(email="")
    extra = list(conf.get("GOVERNANCE_ALERT_EMAILS"))
    return sorted(set(users.values_list("email", flat=True)) | set(extra))


def describe(result: Verification) -> str:
    if result.ok:
        return _("Audit chain intact: %(count)s entries checked; head %(seq)s, hash %(hash)s.") % {
            "count": result.checked,
            "seq": result.head_seq,
            "hash": result.head_hash,
        }
    brk = result.first_break
    assert brk is not None
    when = brk.at.isoformat() if brk.at else "-"
    return _(
        "Audit chain BROKEN at entry %(id)s (%(at)s): %(reason)s. %(count)s entries before it hold."
    ) % {"id": brk.entry_id, "at": when, "reason": brk.reason, "count": result.checked}


def verify_and_alert() -> Verification:
    """Verify the chain; on a break, email the DPOs (the message holds no personal data).
    The head hash in the message of each run is also a copy of the chain's state kept outside
    the database."""
    result = verify_chain()
    if not result.ok:
        recipients = dpo_addresses()
        if recipients:
            send_mail(
                subject=_("Linkwork: the audit log failed verification"),
                message=describe(result)
                + "\n\n"
                + _("Checked at %(now)s. Run `linkwork audit-verify` to reproduce.")
                % {"now": timezone.now().isoformat()},
                from_email=None,
                recipient_list=recipients,
            )
    return result
