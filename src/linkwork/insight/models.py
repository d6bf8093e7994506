"""What insight stores: nothing about people. A programme (as seen by insight) and the
approvals that let an analyst take a pseudonymised record-level extract for research."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from linkwork.core.models import Organisation


class ProgrammeManager(models.Manager["Programme"]):
    def get_queryset(self) -> models.QuerySet[Programme]:
        return super().get_queryset().filter(kind=Organisation.Kind.PROGRAMME)


class Programme(Organisation):
    """A link working programme, the unit insight reports on: its member practices' cases.
    A proxy of core's Organisation so that insight can say how a programme is scoped in the
    permission policy without changing how core scopes organisations."""

    objects = ProgrammeManager()  # type: ignore[misc]  # proxies narrow the manager

    class Meta:
        proxy = True
        verbose_name = _("programme")


class ExtractApproval(models.Model):
    """That an analyst may take a pseudonymised record-level extract of a programme's data for
    approved research (e.g. after a Public Benefit and Privacy Panel or Caldicott approval),
    until a date. Granted by an administrator; every extract taken is audited with its purpose.
    """

    analyst = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="extract_approvals"
    )
    programme = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    approval_reference = models.CharField(_("approval reference"), max_length=200)
    purpose = models.CharField(_("approved purpose"), max_length=500)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted_at = models.DateTimeField(default=timezone.now)
    expires_on = models.DateField(_("expires on"))
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-granted_at"]

    def __str__(self) -> str:
        return f"extract approval {self.approval_reference}"

    def active(self, today: object = None) -> bool:
        day = today or timezone.localdate()
        return self.revoked_at is None and day <= self.expires_on  # type: ignore[operator]


class ResearchExtract(models.Model):
    """One pseudonymised record-level extract taken under an approval, with the purpose the
    analyst gave (kept here, not in the audit log, which holds no free text)."""

    approval = models.ForeignKey(ExtractApproval, on_delete=models.PROTECT, related_name="extracts")
    analyst = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    purpose = models.TextField(_("purpose of this extract"))
    period_start = models.DateField()
    period_end = models.DateField()
    rows = models.PositiveIntegerField(default=0)
    taken_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-taken_at"]

    def __str__(self) -> str:
        return f"research extract #{self.pk}"
