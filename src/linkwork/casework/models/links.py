"""Links from a case to community services: signposting, supported (closed-loop) referrals
and accompanied visits, with every status change the receiving organisation records."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from linkwork.casework.guards import GuardedModel
from linkwork.casework.models.cases import Case

USER = settings.AUTH_USER_MODEL


class ServiceLink(GuardedModel):
    """That a link worker connected a person to a service in the directory.

    A supported referral is closed-loop: it is sent to the organisation that owns the service
    (`receiving_organisation`, fixed when sent), which sees it in its portal with only the
    minimum necessary data, accepts or declines it with a reason, and records first
    attendance and later whether the person is still attending.
    """

    class Kind(models.TextChoices):
        SIGNPOSTED = "signposted", _("Signposted (gave them the details)")
        SUPPORTED = "supported", _("Supported referral (sent to the organisation)")
        ACCOMPANIED = "accompanied", _("Accompanied (went with them)")

    class Status(models.TextChoices):
        SUGGESTED = "suggested", _("Suggested")
        SENT = "sent", _("Sent, waiting for a reply")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        ATTENDING = "attending", _("Attending")
        STOPPED = "stopped", _("Stopped attending")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="links")
    service = models.ForeignKey(
        "directory.Service",
        on_delete=models.PROTECT,
        related_name="casework_links",
        verbose_name=_("service"),
    )
    kind = models.CharField(_("kind of link"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUGGESTED
    )
    receiving_organisation = models.ForeignKey(
        "core.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="received_links",
        verbose_name=_("receiving organisation"),
    )
    note_to_organisation = models.TextField(
        _("note to the organisation"),
        blank=True,
        help_text=_("Only what they need to welcome the person. They will see this."),
    )
    shared_fields = models.JSONField(default=list, blank=True)
    response_reason = models.CharField(_("reason"), max_length=300, blank=True)
    first_attended_on = models.DateField(_("first attended"), null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["receiving_organisation", "status", "sent_at"]),
            models.Index(fields=["case", "created_at"]),
        ]


class ServiceLinkChange(GuardedModel):
    """One status change of a service link, by whom and when (the closed loop's history)."""

    link = models.ForeignKey(ServiceLink, on_delete=models.CASCADE, related_name="changes")
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20)
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at", "id"]
