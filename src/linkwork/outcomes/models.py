"""Models of the outcomes app.

Instrument definitions are data files, not rows (see `definitions.py`). The database holds what
changes per deployment: licensed wording an organisation loads, and (with casework) the
administrations of instruments to people.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from linkwork.casework.guards import GuardedModel


class InstrumentText(models.Model):
    """The licensed wording of an instrument (items, answers, instructions) that this
    organisation holds a licence or registration for, loaded with `linkwork load-instrument-text`.
    Not personal data."""

    instrument = models.CharField(_("instrument"), max_length=40)
    language = models.CharField(_("language"), max_length=16, default="en-GB")
    licence_reference = models.CharField(_("licence or registration reference"), max_length=200)
    instructions = models.TextField(_("instructions"), blank=True)
    #: [{"number": 1, "text": "...", "options": ["label of the first printed answer", ...]}]
    items = models.JSONField(_("items"))
    loaded_at = models.DateTimeField(_("loaded at"), auto_now=True)

    class Meta:
        verbose_name = _("instrument wording")
        verbose_name_plural = _("instrument wording")
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "language"], name="outcomes_text_one_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.instrument} ({self.language})"

    def item(self, number: int) -> dict:
        return self.items[number - 1]


class TimePoint(models.TextChoices):
    BASELINE = "baseline", _("Baseline")
    REVIEW = "review", _("Review")
    DISCHARGE = "discharge", _("Discharge")
    FOLLOW_UP = "follow_up", _("Follow-up")


class CompletedVia(models.TextChoices):
    STAFF = "staff", _("With a member of staff")
    SELF_LINK = "self_link", _("By the person, through a one-time link")


class Administration(GuardedModel):
    """One completion of an outcome measure by a person at a point in their support (baseline,
    review, discharge or follow-up), with the item values as given and the result scored by
    `scoring.score` at the time. Written only through `outcomes.services`."""

    person = models.ForeignKey(
        "casework.Person", on_delete=models.CASCADE, related_name="outcome_administrations"
    )
    case = models.ForeignKey(
        "casework.Case",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="outcome_administrations",
    )
    instrument = models.CharField(_("instrument"), max_length=40)
    time_point = models.CharField(_("time point"), max_length=20, choices=TimePoint.choices)
    follow_up_months = models.PositiveSmallIntegerField(
        _("months after discharge"), null=True, blank=True
    )
    #: Item values in questionnaire order; null for a missing item.
    answers = models.JSONField(_("answers"))
    #: `ScoreResult.as_dict()` with reasons, as scored when recorded.
    result = models.JSONField(_("result"))
    valid = models.BooleanField(_("valid"))
    completed_via = models.CharField(
        _("completed"), max_length=20, choices=CompletedVia.choices, default=CompletedVia.STAFF
    )
    administered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    administered_at = models.DateTimeField(_("completed on"), default=timezone.now)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["administered_at", "id"]
        indexes = [models.Index(fields=["person", "instrument", "administered_at"])]

    def __str__(self) -> str:
        return f"{self.instrument} {self.time_point} #{self.pk}"

    @property
    def time_point_label(self) -> str:
        if self.time_point == TimePoint.FOLLOW_UP and self.follow_up_months:
            return str(_("Follow-up at %(months)s months") % {"months": self.follow_up_months})
        return str(TimePoint(self.time_point).label)


class SelfCompletionLink(GuardedModel):
    """A one-time, expiring link that lets a person complete one questionnaire themselves without
    signing in. Only a hash of the token is stored; the URL holds nothing but the token."""

    token_hash = models.CharField(max_length=64, unique=True)
    person = models.ForeignKey(
        "casework.Person", on_delete=models.CASCADE, related_name="outcome_links"
    )
    case = models.ForeignKey(
        "casework.Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    instrument = models.CharField(_("instrument"), max_length=40)
    time_point = models.CharField(_("time point"), max_length=20, choices=TimePoint.choices)
    follow_up_months = models.PositiveSmallIntegerField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    used_at = models.DateTimeField(null=True, blank=True)
    administration = models.OneToOneField(
        Administration, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"self-completion link #{self.pk}"

    def usable(self, now: datetime.datetime | None = None) -> bool:
        return self.used_at is None and (now or timezone.now()) < self.expires_at
