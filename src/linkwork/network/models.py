"""The national link worker network: members, the resource library, learning events,
discussions and links to good-practice case studies. Nothing here is about people supported."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from linkwork.network.choices import Area, Audience, DigestFrequency, PackSection, Visibility


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class MemberProfile(models.Model):
    """What a member of the network chooses to tell colleagues about their work, and their
    network settings (digest, calendar feed). Listed in the directory only when they opt in."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_profile"
    )
    listed = models.BooleanField(_("list me in the member directory"), default=False)
    visibility = models.CharField(
        _("who can see my profile"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.NETWORK,
    )
    display_name = models.CharField(_("name shown"), max_length=150, blank=True)
    job_role = models.CharField(_("role"), max_length=150, blank=True)
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    area = models.CharField(_("area"), max_length=30, choices=Area.choices, blank=True)
    practices = models.CharField(_("practices I work with"), max_length=500, blank=True)
    specialisms = models.CharField(
        _("specialisms"),
        max_length=500,
        blank=True,
        help_text=_("Separate with commas, for example: mental health, welfare rights"),
    )
    languages = models.CharField(_("languages spoken"), max_length=200, blank=True)
    ask_me_about = models.TextField(_("ask me about"), blank=True, max_length=1000)
    digest = models.CharField(
        _("email digest of new activity"),
        max_length=10,
        choices=DigestFrequency.choices,
        default=DigestFrequency.WEEKLY,
    )
    last_digest_at = models.DateTimeField(null=True, blank=True)
    feed_token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["display_name"]
        indexes = [models.Index(fields=["listed", "area"])]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.display_name or self.user.get_full_name() or self.user.get_username()

    def specialism_list(self) -> list[str]:
        return [s.strip() for s in self.specialisms.split(",") if s.strip()]


class CaseStudyLink(models.Model):
    """A good-practice case study: a story in engagement's stories library (`story`, shown
    while it is published there), or a web address anywhere else (`url`)."""

    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("web address"), blank=True)
    story = models.ForeignKey(
        "engagement.Story",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="network_case_studies",
        verbose_name=_("story in the stories library"),
    )
    summary = models.TextField(_("summary"), blank=True, max_length=2000)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class Resource(models.Model):
    """Something in the shared library: a document (with versions), a link or a template."""

    class Kind(models.TextChoices):
        DOCUMENT = "document", _("Document")
        TEMPLATE = "template", _("Template")
        LINK = "link", _("Link")

    class Status(models.TextChoices):
        SUGGESTED = "suggested", _("Suggested, waiting for a moderator")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=4000)
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )
    section = models.CharField(
        _("support pack section"), max_length=30, choices=PackSection.choices, blank=True
    )
    tags = models.CharField(
        _("tags"), max_length=300, blank=True, help_text=_("Separate with commas")
    )
    url = models.URLField(_("web address"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="network_resources"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SUGGESTED)
    review_date = models.DateField(_("review date"), null=True, blank=True)
    download_count = models.PositiveIntegerField(default=0)
    #: Title, summary, tags and the text of the current file, lower-cased, for search.
    search_text = models.TextField(blank=True, editable=False)
    case_studies = models.ManyToManyField(CaseStudyLink, blank=True, related_name="resources")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["title"]
        indexes = [models.Index(fields=["status", "section"])]

    def __str__(self) -> str:
        return self.title

    def tag_list(self) -> list[str]:
        return [t.strip() for t in self.tags.split(",") if t.strip()]

    @property
    def has_files(self) -> bool:
        return self.kind != self.Kind.LINK


class ResourceVersion(models.Model):
    """One uploaded file of a document or template. A new version never replaces an old one."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    #: Path under the private store (never under MEDIA_ROOT, never served directly).
    stored_path = models.CharField(max_length=300)
    original_name = models.CharField(max_length=200)
    file_type = models.CharField(max_length=10)
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    extracted_text = models.TextField(blank=True)
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)
    download_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["resource", "number"], name="unique_resource_version")
        ]

    def __str__(self) -> str:
        return f"{self.resource} v{self.number}"


class Event(models.Model):
    """A learning event for the network: online or in person, with limited places."""

    class Format(models.TextChoices):
        ONLINE = "online", _("Online")
        IN_PERSON = "in_person", _("In person")

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=5000)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    location = models.CharField(_("venue"), max_length=300, blank=True)
    online_url = models.URLField(_("joining link"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    capacity = models.PositiveIntegerField(_("places"))
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    #: The engagement consultation that collects feedback, so its themes come from engagement.
    feedback_consultation = models.ForeignKey(
        "engagement.Consultation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="network_events",
        verbose_name=_("feedback consultation"),
    )
    case_studies = models.ManyToManyField(CaseStudyLink, blank=True, related_name="events")
    resources = models.ManyToManyField(Resource, blank=True, related_name="events")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()


class Registration(models.Model):
    """A member's place at an event, or their place in the queue for one."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Place confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_registrations"
    )
    status = models.CharField(max_length=10, choices=Status.choices)
    #: When the member joined the current queue: the waiting list is served in this order.
    queued_at = models.DateTimeField(default=timezone.now)
    attended = models.BooleanField(null=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["queued_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="one_registration_per_event")
        ]
        indexes = [models.Index(fields=["event", "status", "queued_at"])]

    def __str__(self) -> str:
        return f"{self.user} - {self.event} ({self.status})"


class Topic(models.Model):
    """A discussion thread."""

    title = models.CharField(_("title"), max_length=200)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    last_activity_at = models.DateTimeField(default=timezone.now, db_index=True)
    locked = models.BooleanField(default=False)
    hidden = models.BooleanField(default=False)

    class Meta:
        ordering = ["-last_activity_at"]

    def __str__(self) -> str:
        return self.title


class Post(models.Model):
    """One message in a topic (the first post opens it)."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(_("message"), max_length=10000)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    hidden = models.BooleanField(default=False)
    #: The kinds of personal data the author was warned about and posted anyway.
    flagged_kinds = models.JSONField(default=list, blank=True)
    flagged = models.BooleanField(default=False, db_index=True)
    flag_resolved = models.BooleanField(default=False)
    mentions = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="network_mentions"
    )

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.topic} #{self.pk}"

    @property
    def is_flagged(self) -> bool:
        return self.flagged and not self.flag_resolved
