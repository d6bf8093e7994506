"""Referrals and the case that follows each one: status history, encounters, what matters,
goals, safeguarding and discharge."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from linkwork.casework.guards import GuardedModel
from linkwork.casework.models.people import Person
from linkwork.casework.states import CaseStatus

USER = settings.AUTH_USER_MODEL


class Referral(GuardedModel):
    """A request for social prescribing support for a person (PRSB "Referral to social
    prescribing services"): who referred, why, and what the person agreed to."""

    class Source(models.TextChoices):
        PRACTICE = "practice", _("GP practice")
        SELF = "self", _("Self-referral")
        AGENCY = "agency", _("Other agency")
        FHIR = "fhir", _("Electronic referral (FHIR)")

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="referrals")
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    referring_organisation = models.ForeignKey(
        "core.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="referrals_made",
        verbose_name=_("referring organisation"),
    )
    referred_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    referrer_name = models.CharField(_("referrer's name"), max_length=200, blank=True)
    referrer_role = models.CharField(_("referrer's role"), max_length=100, blank=True)
    referrer_contact = models.CharField(_("referrer's contact"), max_length=200, blank=True)
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    reason_detail = models.TextField(_("more about the reasons"), blank=True)
    person_agreed = models.BooleanField(
        _("the person agreed to the referral"),
        default=False,
    )
    consent_to_share = models.BooleanField(
        _("agreed at referral to share details with community organisations"),
        default=False,
        help_text=_(
            "Covers links made from this referral's case only, and never outweighs a "
            "withdrawal the person has recorded."
        ),
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    external_id = models.CharField(
        _("sender's identifier"), max_length=100, blank=True, db_index=True
    )

    class Meta:
        ordering = ["-received_at", "-id"]

    def __str__(self) -> str:
        return f"Referral {self.pk}"


class Case(GuardedModel):
    """The social prescribing episode that follows a referral, from receipt to discharge."""

    referral = models.OneToOneField(Referral, on_delete=models.PROTECT, related_name="case")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="cases")
    practice = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("practice"),
        help_text=_("The GP practice whose link working service holds the case."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.RECEIVED
    )
    status_changed_at = models.DateTimeField(default=timezone.now)
    link_worker = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="cases"
    )
    allocated_at = models.DateTimeField(null=True, blank=True)
    next_follow_up = models.DateField(_("next follow-up"), null=True, blank=True)
    opened_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-opened_at", "-id"]
        indexes = [
            models.Index(fields=["practice", "status", "opened_at"]),
            models.Index(fields=["link_worker", "status"]),
            # caseload "follow-ups due": a worker's cases by date, not every active case
            models.Index(fields=["link_worker", "next_follow_up"]),
            models.Index(fields=["status", "next_follow_up"]),
        ]

    def __str__(self) -> str:
        return f"Case {self.pk}"


class StatusChange(GuardedModel):
    """One move of a case from one status to another: who, when, and why."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=CaseStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=CaseStatus.choices)
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["case", "at"])]


class Encounter(GuardedModel):
    """A contact with the person: a conversation, visit or call (or one booked ahead)."""

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        PHONE = "phone", _("Phone")
        VIDEO = "video", _("Video")
        HOME_VISIT = "home_visit", _("Home visit")
        ACCOMPANIED = "accompanied", _("Accompanied to a service")

    class Attendance(models.TextChoices):
        BOOKED = "booked", _("Booked")
        ATTENDED = "attended", _("Attended")
        DID_NOT_ATTEND = "did_not_attend", _("Did not attend")
        CANCELLED = "cancelled", _("Cancelled")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="encounters")
    occurred_at = models.DateTimeField(_("date and time"), db_index=True)
    mode = models.CharField(_("how"), max_length=20, choices=Mode.choices)
    duration_minutes = models.PositiveSmallIntegerField(_("minutes"), null=True, blank=True)
    attendance = models.CharField(
        _("attendance"), max_length=20, choices=Attendance.choices, default=Attendance.ATTENDED
    )
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["case", "occurred_at"])]


class WhatMatters(GuardedModel):
    """A "what matters to you" conversation: the person's words and the life domains touched."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="what_matters")
    held_on = models.DateField(_("date"), default=timezone.localdate)
    text = models.TextField(_("what matters to them, in their words"))
    domains = models.JSONField(
        _("life domains"),
        default=list,
        blank=True,
        help_text=_("Life domain codes (see choices.LifeDomain)."),
    )
    recorded_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name_plural = "what matters"


class Goal(GuardedModel):
    """Something the person wants to achieve, why, by when, and how it ended."""

    class Status(models.TextChoices):
        OPEN = "open", _("Working on it")
        ACHIEVED = "achieved", _("Achieved")
        CHANGED = "changed", _("Changed")
        DROPPED = "dropped", _("Dropped")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="goals")
    what = models.CharField(_("goal"), max_length=300)
    why = models.TextField(_("why it matters"), blank=True)
    target_date = models.DateField(_("target date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["created_at", "id"]


class GoalProgress(GuardedModel):
    """A progress rating (0 = not started, 10 = fully achieved) the person gave on a date."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="progress")
    rated_on = models.DateField(_("date"), default=timezone.localdate)
    rating = models.PositiveSmallIntegerField(
        _("progress (0-10)"), validators=[MinValueValidator(0), MaxValueValidator(10)]
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["rated_on", "id"]


class SafeguardingConcern(GuardedModel):
    """A concern for someone's safety: what it was, what was done, who was told and when.

    Open concerns put an alert banner on the person's record for everyone who can see it.
    """

    class Kind(models.TextChoices):
        ADULT_PROTECTION = "adult_protection", _("Adult support and protection")
        CHILD_PROTECTION = "child_protection", _("Child protection")
        RISK_TO_SELF = "risk_to_self", _("Risk to self")
        DOMESTIC_ABUSE = "domestic_abuse", _("Domestic abuse")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="concerns")
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="concerns"
    )
    kind = models.CharField(_("kind of concern"), max_length=20, choices=Kind.choices)
    source = models.CharField(
        _("raised from"),
        max_length=40,
        default="manual",
        help_text=_("“manual”, or the system that raised it, e.g. “outcomes.phq9”."),
    )
    detail_code = models.CharField(_("code"), max_length=40, blank=True)
    description = models.TextField(_("what the concern is"), blank=True)
    action_taken = models.TextField(_("what was done"), blank=True)
    who_told = models.CharField(_("who was told"), max_length=300, blank=True)
    told_at = models.DateTimeField(_("when they were told"), null=True, blank=True)
    raised_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    raised_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    closed_at = models.DateTimeField(null=True, blank=True)
    # Decided before the case was discharged: why the concern stays open, and who holds it now
    # (a case cannot close over an open concern nobody has decided about).
    held_open_reason = models.TextField(_("why it stays open"), blank=True)
    held_by = models.CharField(_("who holds it now"), max_length=300, blank=True)
    held_open_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-raised_at", "-id"]
        indexes = [models.Index(fields=["person", "status"])]


class Discharge(GuardedModel):
    """The end of a case, with a reason and a summary for the GP and referrer."""

    class Reason(models.TextChoices):
        GOALS_MET = "goals_met", _("Goals met")
        PARTLY_MET = "partly_met", _("Some goals met; no further support wanted")
        LINKED = "linked", _("Now supported by community services")
        DECLINED = "declined", _("Declined support")
        UNABLE_TO_CONTACT = "unable_to_contact", _("Unable to contact")
        DID_NOT_ENGAGE = "did_not_engage", _("Did not engage")
        REFERRED_ON = "referred_on", _("Referred to another service")
        MOVED = "moved", _("Moved away")
        DIED = "died", _("Died")
        OTHER = "other", _("Other")

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="discharge")
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    summary = models.TextField(_("summary for the GP and referrer"))
    discharged_on = models.DateField(_("date"), default=timezone.localdate)
    discharged_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
