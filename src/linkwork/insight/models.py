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


class CaseFact(models.Model):
    """One row per case: what insight's dashboards count, kept instead of recomputed from the
    referrals, cases, people and encounters on every request (decision 0014). Rebuilt from the
    source rows by `linkwork.insight.kept` (in full, or only the cases a change touched); read
    only through `selectors.facts`, which scopes it to one programme. No names, no CHI: the
    person is a key and the attributes insight counts by."""

    case = models.OneToOneField(
        "casework.Case",
        primary_key=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    programme = models.ForeignKey(
        Organisation, null=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    practice = models.ForeignKey(
        Organisation, null=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    link_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    person_id = models.BigIntegerField()
    received_at = models.DateTimeField()
    source = models.CharField(max_length=10)
    reasons = models.JSONField(default=list)
    status = models.CharField(max_length=20)
    data_zone = models.CharField(max_length=9, blank=True)
    #: Areas of the data zone: HSCP, council area, intermediate zone ("" when not known).
    hscp = models.CharField(max_length=9, blank=True)
    council_area = models.CharField(max_length=9, blank=True)
    intermediate_zone = models.CharField(max_length=9, blank=True)
    simd_quintile = models.PositiveSmallIntegerField(null=True)
    simd_decile = models.PositiveSmallIntegerField(null=True)
    sex = models.CharField(max_length=20, blank=True)
    ethnicity = models.CharField(max_length=40, blank=True)
    disability = models.CharField(max_length=20, blank=True)
    #: Age in whole years on the day (UTC) the referral was received.
    age = models.IntegerField(null=True)
    #: Contacts attended and not attended.
    contacts = models.IntegerField(default=0)
    dnas = models.IntegerField(default=0)
    #: From referral to the first attended contact.
    wait = models.DurationField(null=True)
    discharge_reason = models.CharField(max_length=20, blank=True)
    #: Attended (or is attending) a community service the case was linked to.
    engaged = models.BooleanField(default=False)
    #: The case's links to community services: by kind, and at each closed-loop stage.
    links_signposted = models.IntegerField(default=0)
    links_supported = models.IntegerField(default=0)
    links_accompanied = models.IntegerField(default=0)
    links_sent = models.IntegerField(default=0)
    links_accepted = models.IntegerField(default=0)
    links_attended = models.IntegerField(default=0)
    links_attending = models.IntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["programme", "received_at"])]

    def __str__(self) -> str:
        return f"case fact {self.pk}"


class OutcomeFact(models.Model):
    """Per case and instrument with a baseline administration: the primary score's first valid
    baseline and latest later valid score (None when there is none), as the Outcomes dashboard
    pairs them. ``baseline`` is None for a case whose baseline has no valid score (it still
    makes the instrument appear, as before)."""

    case = models.ForeignKey(
        CaseFact, on_delete=models.DO_NOTHING, db_constraint=False, related_name="outcomes"
    )
    instrument = models.CharField(max_length=40)
    baseline = models.FloatField(null=True)
    followup = models.FloatField(null=True)

    class Meta:
        indexes = [models.Index(fields=["case", "instrument"])]

    def __str__(self) -> str:
        return f"outcome fact {self.case_id} {self.instrument}"


class CaseCode(models.Model):
    """The codes of a case's kept facts that a case has several of: each reason its referral
    lists (kind "r", as listed; one row with no code when it lists none) and each need its
    reasons meet (kind "n", the directory categories of `gaps.REASON_CATEGORIES`, once each)."""

    REASON, NEED = "r", "n"

    case = models.ForeignKey(
        CaseFact, on_delete=models.DO_NOTHING, db_constraint=False, related_name="codes"
    )
    kind = models.CharField(max_length=1)
    code = models.CharField(max_length=100, null=True)

    class Meta:
        indexes = [models.Index(fields=["case", "kind"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.code}"


class FactChange(models.Model):
    """That source rows of some case changed since the kept facts were built: appended by
    signal receivers in the writing transaction (an insert, so concurrent writers never wait on
    each other), consumed by the next refresh. All keys empty: rebuild everything."""

    case_id = models.BigIntegerField(null=True)
    referral_id = models.BigIntegerField(null=True)
    person_id = models.BigIntegerField(null=True)

    def __str__(self) -> str:
        return f"fact change {self.pk}"


class KeptState(models.Model):
    """One row: when the kept facts were last brought up to date (shown as "figures as of"),
    and a row to lock so that refreshes never run at once."""

    built = models.BooleanField(default=False)
    refreshed_at = models.DateTimeField(null=True)
    seconds = models.FloatField(null=True)

    def __str__(self) -> str:
        return f"kept facts as of {self.refreshed_at}"
