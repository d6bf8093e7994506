"""Consultations: questions put to the public, their answers, and the themes drawn from them.

A respondent's profile (council area, age band, ...) is kept in its own table apart from the
answers, and a name or email is only ever stored for a consultation that is not anonymous.
"""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from linkwork.core.models import Organisation

#: Languages a consultation's own words can be given in: the site's languages (the public form
#: is in the page's language, decision 0011) and Easy Read English for the Easy Read form.
CONSULTATION_LANGUAGES = [
    ("en", _("English")),
    ("gd", _("Gaelic")),
    ("pl", _("Polish")),
    ("ar", _("Arabic")),
    ("zh-hans", _("Simplified Chinese")),
    ("uk", _("Ukrainian")),
    ("en-easy", _("Easy Read English")),
]
RTL_LANGUAGES = frozenset({"ar", "ur", "fa", "he"})


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Consultation(models.Model):
    """A question a programme or organisation puts to people, open for a stated period."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="consultations"
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("web address name"), max_length=80, unique=True)
    summary = models.TextField(_("what it is about"), blank=True)
    consent_text = models.TextField(_("consent statement"))
    privacy_notice = models.TextField(_("privacy notice"))
    opens_at = models.DateTimeField(_("opens"), default=timezone.now)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    anonymous = models.BooleanField(
        _("anonymous"), default=True, help_text=_("Names and email addresses are not collected.")
    )
    ask_profile = models.BooleanField(_("ask optional 'about you' questions"), default=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    #: Being built: not shown to the public until a programme manager publishes it.
    is_draft = models.BooleanField(_("draft"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opens_at", "title"]

    def __str__(self) -> str:
        return self.title

    def is_open(self, at: Any = None) -> bool:
        now = at or timezone.now()
        return (
            not self.is_draft
            and self.opens_at <= now
            and (self.closes_at is None or now < self.closes_at)
        )

    def offered_languages(self) -> list[str]:
        return ["en", *[code for code in self.languages if code != "en"]]


class ConsultationTranslation(models.Model):
    """The consultation's own words in another language; a blank field shows the English."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="translations"
    )
    language = models.CharField(max_length=10, choices=CONSULTATION_LANGUAGES)
    title = models.CharField(max_length=200, blank=True)
    summary = models.TextField(blank=True)
    consent_text = models.TextField(blank=True)
    privacy_notice = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "language"], name="unique_consultation_translation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.consultation_id} ({self.language})"


class Question(models.Model):
    """One question of a consultation's questionnaire."""

    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        SCALE = "scale", _("Scale")
        OPEN = "open", _("Open (free text)")

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    text = models.CharField(_("question"), max_length=500)
    help_text = models.CharField(_("hint"), max_length=500, blank=True)
    required = models.BooleanField(default=False)
    choices = models.JSONField(default=list, blank=True)
    scale_min = models.SmallIntegerField(default=1)
    scale_max = models.SmallIntegerField(default=5)
    scale_min_label = models.CharField(max_length=100, blank=True)
    scale_max_label = models.CharField(max_length=100, blank=True)
    #: The OpenMoji picture (hexcode) beside the question in the Easy Read form; empty means
    #: the picture for its kind of question.
    symbol = models.CharField(_("Easy Read picture"), max_length=20, blank=True)

    class Meta:
        ordering = ["consultation", "position", "id"]

    def __str__(self) -> str:
        return self.text


class QuestionTranslation(models.Model):
    """A question's text, hint, choices (in the same order) and scale labels in another
    language; anything left blank, a single choice included, shows the English."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=10, choices=CONSULTATION_LANGUAGES)
    text = models.CharField(max_length=500, blank=True)
    help_text = models.CharField(max_length=500, blank=True)
    choices = models.JSONField(default=list, blank=True)
    scale_min_label = models.CharField(max_length=100, blank=True)
    scale_max_label = models.CharField(max_length=100, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["question", "language"], name="unique_question_translation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.question_id} ({self.language})"


class Event(models.Model):
    """A gathering (a national event, a workshop) whose breakout notes become responses."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="events")
    name = models.CharField(_("event"), max_length=200)
    held_on = models.DateField(_("held on"), null=True, blank=True)

    def __str__(self) -> str:
        return self.name


class Response(models.Model):
    """One person's (or one breakout group's) answers to a consultation."""

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        SUBMITTED = "submitted", _("Submitted")

    class Source(models.TextChoices):
        ONLINE = "online", _("Online form")
        IMPORT = "import", _("Imported (paper or another tool)")
        EVENT = "event", _("Event breakout notes")

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="responses"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.IN_PROGRESS)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.ONLINE)
    language = models.CharField(max_length=10, default="en")
    resume_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    started_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    consented = models.BooleanField(default=False)
    # Only for consultations that are not anonymous (personal data):
    respondent_name = models.CharField(max_length=200, blank=True)
    respondent_email = models.EmailField(blank=True)
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="responses"
    )
    breakout_group = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["consultation", "status"])]

    def __str__(self) -> str:
        return f"Response {self.pk}"

    def new_resume_token(self) -> str:
        token = secrets.token_urlsafe(24)
        self.resume_token_hash = hash_token(token)
        return token


class RespondentProfile(models.Model):
    """Optional 'about you' answers, kept apart from what the person said (special category)."""

    response = models.OneToOneField(Response, on_delete=models.CASCADE, related_name="profile")
    council_area = models.CharField(max_length=100, blank=True)
    age_band = models.CharField(max_length=20, blank=True)
    ethnicity = models.CharField(max_length=100, blank=True)
    disability = models.CharField(max_length=20, blank=True)
    carer = models.CharField(max_length=20, blank=True)

    def __str__(self) -> str:
        return f"Profile of response {self.response_id}"


class Answer(models.Model):
    """An answer to one question: free text, chosen options or a point on a scale."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(blank=True)
    choices = models.JSONField(default=list, blank=True)
    scale_value = models.SmallIntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="one_answer_per_question")
        ]

    def __str__(self) -> str:
        return f"Answer {self.pk}"


class ThemeRun(models.Model):
    """One run of theme extraction over the open answers to a question."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="theme_runs")
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    seed = models.IntegerField(default=0)
    requested_themes = models.PositiveSmallIntegerField(null=True, blank=True)
    chosen_themes = models.PositiveSmallIntegerField(default=0)
    silhouette = models.FloatField(default=0.0)
    confidence = models.CharField(max_length=10, default="low")
    confidence_note = models.TextField(blank=True)
    model_name = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Theme run {self.pk}"


class Theme(models.Model):
    """A theme: the machine's suggestion (kept) and the analyst's decision about it."""

    run = models.ForeignKey(ThemeRun, on_delete=models.CASCADE, related_name="themes")
    machine_label = models.CharField(max_length=200)
    machine_keywords = models.JSONField(default=list)
    label = models.CharField(_("label"), max_length=200)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged"
    )
    split_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="splits"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.label


class ThemeAssignment(models.Model):
    """Which theme an answer belongs to: the machine's and (if moved) the analyst's."""

    run = models.ForeignKey(ThemeRun, on_delete=models.CASCADE, related_name="assignments")
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="assignments")
    machine_theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="+")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="assignments")
    secondary_theme = models.ForeignKey(
        Theme, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    representative = models.BooleanField(default=False)
    publish_quote = models.BooleanField(default=False)
    moved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["run", "answer"], name="one_assignment_per_run")
        ]

    def __str__(self) -> str:
        return f"Answer {self.answer_id} in theme {self.theme_id}"


class Story(models.Model):
    """A story or case study of community resilience or good practice, published after review."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("Waiting for review")
        PUBLISHED = "published", _("Published")
        DECLINED = "declined", _("Not published")

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="stories")
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    summary = models.CharField(_("summary"), max_length=300)
    body = models.TextField(_("story"))
    place = models.CharField(_("place"), max_length=100, blank=True)
    themes = models.JSONField(_("themes"), default=list, blank=True)
    tags = models.JSONField(_("tags"), default=list, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    # A story sent by a member of the public (not signed in): who to credit and how to reach
    # them about it (never published), and what they agreed to.
    shared_by_public = models.BooleanField(default=False)
    contributor_name = models.CharField(_("name"), max_length=200, blank=True)
    contributor_email = models.EmailField(_("email address"), blank=True)
    consent_to_publish = models.BooleanField(default=False)
    consent_others = models.BooleanField(default=False)
    submitted_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(_("note from the reviewer"), blank=True)

    class Meta:
        ordering = ["-published_at", "title"]
        verbose_name_plural = "stories"

    def __str__(self) -> str:
        return self.title


class RateCount(models.Model):
    """How many public sends came from one address (hashed with its form) in one time window:
    kept in the database so every app process counts against the same limit."""

    key = models.CharField(max_length=64)
    window = models.BigIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "window"], name="one_rate_count_per_window")
        ]

    def __str__(self) -> str:
        return f"{self.count} in window {self.window}"
