"""Telling the referrer that a discharge letter is ready: an email (through the configured
email settings) to the staff of the practice or agency that made the referral. The email holds
no personal data, only a link to the letter, which they read after signing in."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext as _

from linkwork.casework.models import Discharge
from linkwork.core.models import User
from linkwork.core.roles import Role

logger = logging.getLogger(__name__)


def referrer_recipients(discharge: Discharge) -> list[str]:
    """Email addresses of active referrer staff of the organisation that made the referral."""
    organisation_id = discharge.case.referral.referring_organisation_id
    if organisation_id is None:
        return []
    return sorted(
        set(
            User.objects.filter(
                is_active=True,
                groups__name=Role.PRACTICE_STAFF,
                memberships__organisation_id=organisation_id,
            )
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )


def notify_referrer(discharge: Discharge) -> int:
    recipients = referrer_recipients(discharge)
    if not recipients:
        return 0
    path = reverse("casework:practice_letter", args=[discharge.case_id])
    base = settings.LINKWORK_SITE_URL
    body = _(
        "A link worker has finished supporting a person your organisation referred, and has "
        "written a discharge letter for you.\n\nRead it after signing in to Linkwork:\n%(url)s\n\n"
        "This email holds no personal details on purpose."
    ) % {"url": f"{base}{path}"}
    try:
        sent = send_mail(
            subject=_("Linkwork: a discharge letter is ready for one of your referrals"),
            message=body,
            from_email=None,
            recipient_list=recipients,
        )
    except OSError:  # the letter is in the app either way; say the notice failed
        logger.exception("discharge letter notice failed for case %s", discharge.case_id)
        return 0
    logger.info(
        "discharge letter notice sent for case %s to %s recipients", discharge.case_id, sent
    )
    return sent


@receiver(post_save, sender=Discharge, dispatch_uid="casework.notify_referrer")
def _on_discharge(sender: type[Discharge], instance: Discharge, created: bool, **_: Any) -> None:
    if created:
        transaction.on_commit(lambda: notify_referrer(instance))
