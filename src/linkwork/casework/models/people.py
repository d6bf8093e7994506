"""People supported by link workers, the links between them, and their consent records."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from linkwork.casework.choices import (
    ArmedForces,
    Ethnicity,
    Gender,
    Relationship,
    Sex,
    YesNoPrefer,
    YesNoUnknown,
)
from linkwork.casework.guards import GuardedModel


class Person(GuardedModel):
    """A GP practice's record of someone referred to (or referring themselves to) social
    prescribing. The record and everything on it belongs to that practice (``gp_practice``);
    the same CHI number may be on file at another practice as a separate record, which only
    someone entitled to see both can merge (decision record 0004).

    Everything except a name is optional: people are often referred with very little, and
    equality questions are voluntary ("prefer not to say" is a recorded answer; empty means
    not asked). Deprivation (data zone, SIMD) is copied at the time the postcode is recorded,
    so later SIMD releases do not rewrite history.
    """

    chi = models.CharField(_("CHI number"), max_length=10, blank=True, db_index=True)
    given_name = models.CharField(_("first name"), max_length=100)
    family_name = models.CharField(_("last name"), max_length=100, blank=True)
    preferred_name = models.CharField(_("preferred name"), max_length=100, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=20, choices=Sex.choices, blank=True)
    gender = models.CharField(_("gender"), max_length=20, choices=Gender.choices, blank=True)
    pronouns = models.CharField(_("pronouns"), max_length=40, blank=True)

    # Contact details and preferences
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    mobile = models.CharField(_("mobile phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    address = models.TextField(_("address"), blank=True)
    postcode = models.CharField(_("postcode"), max_length=8, blank=True, db_index=True)
    contact_methods = models.JSONField(
        _("ways we may contact them"),
        default=list,
        blank=True,
        help_text=_("Any of: phone, sms, email, letter."),
    )
    safe_to_leave_message = models.CharField(
        _("safe to leave a message"), max_length=10, choices=YesNoUnknown.choices, blank=True
    )
    contact_notes = models.CharField(_("contact notes"), max_length=300, blank=True)
    preferred_language = models.CharField(_("preferred language"), max_length=60, blank=True)
    interpreter_needed = models.BooleanField(_("needs an interpreter"), default=False)
    communication_needs = models.CharField(_("communication needs"), max_length=300, blank=True)
    #: Structured needs shown wherever a link worker contacts the person
    #: (casework/_communication_needs.html).
    uses_bsl = models.BooleanField(_("uses British Sign Language (BSL)"), default=False)
    large_print = models.BooleanField(_("needs large print"), default=False)
    no_phone_calls = models.BooleanField(_("no phone calls"), default=False)

    # Area (copied from places when the postcode is recorded)
    data_zone = models.CharField(_("data zone"), max_length=9, blank=True, db_index=True)
    simd_decile = models.PositiveSmallIntegerField(_("SIMD decile"), null=True, blank=True)
    simd_quintile = models.PositiveSmallIntegerField(_("SIMD quintile"), null=True, blank=True)
    simd_version = models.CharField(_("SIMD version"), max_length=10, blank=True)

    gp_practice = models.ForeignKey(
        "core.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registered_people",
        limit_choices_to={"kind": "gp_practice"},
        verbose_name=_("registered GP practice"),
    )

    # Equality monitoring (voluntary)
    ethnicity = models.CharField(
        _("ethnic group"), max_length=30, choices=Ethnicity.choices, blank=True
    )
    disability = models.CharField(
        _("disability or long-term condition"),
        max_length=20,
        choices=YesNoPrefer.choices,
        blank=True,
    )
    carer = models.CharField(
        _("unpaid carer"), max_length=20, choices=YesNoPrefer.choices, blank=True
    )
    armed_forces = models.CharField(
        _("armed forces community"), max_length=20, choices=ArmedForces.choices, blank=True
    )

    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_from",
        verbose_name=_("merged into"),
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["family_name", "given_name", "id"]
        # No unique CHI: a person record belongs to the practice that holds it, and a referral
        # for a CHI known at another practice opens a new record there (decision record 0004).
        indexes = [
            models.Index(fields=["gp_practice", "family_name"]),
            models.Index(fields=["date_of_birth"]),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        first = self.preferred_name or self.given_name
        return f"{first} {self.family_name}".strip()

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()

    def age_on(self, day: dt.date) -> int | None:
        if self.date_of_birth is None:
            return None
        dob = self.date_of_birth
        return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


class HouseholdLink(GuardedModel):
    """That two people are family or share a home (for whole-family support)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="household_links")
    related_person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    relationship = models.CharField(_("relationship"), max_length=20, choices=Relationship.choices)
    lives_with = models.BooleanField(_("lives in the same household"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "related_person"], name="casework_unique_household_link"
            )
        ]


class Consent(GuardedModel):
    """One consent decision: given or withdrawn, for one purpose (and partner), recorded by whom.

    Records are never edited: a new decision is a new row, and the latest row for a purpose
    (and partner) is what holds now. Withdrawal stops new sharing at once.
    """

    class Purpose(models.TextChoices):
        SHARING = "sharing", _("Sharing information with named partner organisations")
        CONTACT = "contact", _("Being contacted by the ways they chose")
        EVALUATION = "evaluation", _("Use of their information to evaluate the service")

    class Decision(models.TextChoices):
        GIVEN = "given", _("Given")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("what for"), max_length=20, choices=Purpose.choices)
    partner = models.ForeignKey(
        "core.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("partner organisation"),
        help_text=_("Leave empty for all partner organisations."),
    )
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    decided_on = models.DateField(_("date"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["-recorded_at", "-id"]
        indexes = [models.Index(fields=["person", "purpose", "recorded_at"])]
