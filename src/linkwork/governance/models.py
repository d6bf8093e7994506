"""Governance records: data-sharing agreements and subject access requests."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SharingPurpose(models.TextChoices):
    """Why personal data may flow to a partner under an agreement."""

    REFERRAL = "referral", _("Referring the person to the partner's service")
    FOLLOW_UP = "follow_up", _("Following up whether the person was supported")
    OUTCOMES = "outcomes", _("Reporting outcomes back to the link worker")
    NOTIFICATION = "notification", _("Telling the partner about a new or changed referral")
    EXPORT = "export", _("Exports and reports including personal data")
    FHIR = "fhir", _("Exchange with the partner's system (FHIR)")


class DataCategory(models.TextChoices):
    """What data may flow (classes of data, not fields)."""

    IDENTITY = "identity", _("Name and date of birth")
    CONTACT = "contact", _("Contact details and preferences")
    REFERRAL = "referral", _("Reason for referral and what matters to the person")
    HEALTH = "health", _("Health and wellbeing information (special category)")
    EQUALITY = "equality", _("Equality monitoring (special category)")
    OUTCOMES = "outcomes", _("Outcome measures")


class DataSharingAgreement(models.Model):
    """An agreement under which personal data may flow to a partner organisation."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ACTIVE = "active", _("Signed and in force")
        SUSPENDED = "suspended", _("Suspended")
        ENDED = "ended", _("Ended")

    title = models.CharField(_("title"), max_length=200)
    partner = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="sharing_agreements",
        verbose_name=_("partner organisation"),
        help_text=_("The organisation personal data may be shared with."),
    )
    parties = models.ManyToManyField(
        "core.Organisation",
        related_name="+",
        verbose_name=_("other parties"),
        help_text=_(
            "Practices or programmes sharing under this agreement; a programme covers its "
            "member organisations. Empty: every party."
        ),
        blank=True,
    )
    purposes = models.JSONField(_("purposes"), default=list)
    data_categories = models.JSONField(_("data that may flow"), default=list)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    document = models.FileField(
        _("signed agreement (PDF)"),
        upload_to="agreements/%Y/",
        blank=True,
        validators=[FileExtensionValidator(["pdf"])],
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["ends_on", "title"]
        indexes = [models.Index(fields=["partner", "status", "ends_on"])]

    def __str__(self) -> str:
        return self.title

    def is_current(self, on: dt.date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.status == self.Status.ACTIVE and self.starts_on <= on <= self.ends_on


class SubjectAccessRequest(models.Model):
    """A person's request for everything held about them (UK GDPR art. 15): received, due
    (one month), fulfilled."""

    person = models.ForeignKey(
        "casework.Person", on_delete=models.PROTECT, related_name="+", verbose_name=_("person")
    )
    received_on = models.DateField(_("received on"), default=timezone.localdate)
    due_on = models.DateField(_("due by"))
    fulfilled_on = models.DateField(_("fulfilled on"), null=True, blank=True)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    fulfilled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_on"]

    def __str__(self) -> str:
        return f"subject access request {self.pk}"

    @property
    def overdue(self) -> bool:
        return self.fulfilled_on is None and timezone.localdate() > self.due_on


class Rectification(models.Model):
    """One correction of one of a person's details (UK GDPR art. 16): what the field held,
    what it holds now, when, by whom and why. Written with every change to a person's details,
    shown to the DPO and given to the person in a subject access export; emptied (not deleted)
    when the person is anonymised."""

    person = models.ForeignKey(
        "casework.Person", on_delete=models.PROTECT, related_name="+", verbose_name=_("person")
    )
    field = models.CharField(_("detail changed"), max_length=50)
    old_value = models.TextField(_("was"), blank=True)
    new_value = models.TextField(_("became"), blank=True)
    reason = models.TextField(_("why"), blank=True)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("changed by"),
    )

    class Meta:
        ordering = ["-changed_at", "-id"]
        indexes = [models.Index(fields=["person", "changed_at"])]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections to the person's details")

    def __str__(self) -> str:
        return f"correction {self.pk}"
