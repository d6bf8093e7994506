"""The editorial workflow: claims, proposed changes, history, problem reports, duplicates,
and shared "My list" links. Directory data is public; none of these hold personal data
beyond which staff account did something."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Decision(models.TextChoices):
    PENDING = "pending", _("Waiting for a moderator")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class OrganizationClaim(models.Model):
    """A community organisation account asking to manage a directory organisation."""

    organization = models.ForeignKey(
        "directory.Organization", on_delete=models.CASCADE, related_name="claims"
    )
    account = models.ForeignKey(
        "core.Organisation", on_delete=models.CASCADE, related_name="directory_claims"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("why you are claiming it"), blank=True)
    status = models.CharField(max_length=10, choices=Decision.choices, default=Decision.PENDING)
    reason = models.TextField(_("reason for the decision"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"claim {self.pk} ({self.status})"


class ChangeRequest(models.Model):
    """A change an editor proposed that waits for a moderator (side-by-side in the queue).

    `proposed` maps field names to new values; `original` holds the values the editor saw,
    so a moderator can see what changed and spot a record that moved on since.
    `object_id` is empty for a proposed new record.
    """

    object_type = models.CharField(max_length=40)  # "service", "organization", "location", ...
    object_id = models.UUIDField(null=True, blank=True)
    organization = models.ForeignKey(
        "directory.Organization", on_delete=models.CASCADE, related_name="change_requests"
    )
    proposed = models.JSONField(default=dict)
    original = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=Decision.choices, default=Decision.PENDING)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["submitted_at"]
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self) -> str:
        return f"{self.object_type} change {self.pk} ({self.status})"


class ChangeRecord(models.Model):
    """One change to a directory record, kept for ever: who, when, which fields, old and new.

    The single history of the directory (edits, approvals, imports, merges, reviews).
    `changes` is a list of {"field", "old", "new"} with public values only.
    """

    class Kind(models.TextChoices):
        CREATE = "create", _("Created")
        UPDATE = "update", _("Changed")
        REVIEW = "review", _("Checked, still accurate")
        MERGE = "merge", _("Merged")
        IMPORT = "import", _("Imported")
        CLAIM = "claim", _("Claimed")
        DELETE = "delete", _("Removed")

    object_type = models.CharField(max_length=40)
    object_id = models.UUIDField(db_index=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    changes = models.JSONField(default=list, blank=True)
    note = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)
    change_request = models.ForeignKey(
        ChangeRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="records"
    )
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id", "at"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_type} {self.object_id}"


class ProblemReport(models.Model):
    """Someone told us a service's or organisation's information is wrong."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        RESOLVED = "resolved", _("Resolved")

    service = models.ForeignKey(
        "directory.Service", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    organization = models.ForeignKey(
        "directory.Organization",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="problem_reports",
    )
    what = models.CharField(_("what is wrong"), max_length=40)
    message = models.TextField(_("details"), max_length=2000)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"problem report {self.pk} ({self.status})"


class DuplicateFlag(models.Model):
    """Two services that look like the same thing, for a moderator to merge or dismiss."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        MERGED = "merged", _("Merged")
        DISMISSED = "dismissed", _("Not duplicates")

    service = models.ForeignKey(
        "directory.Service", on_delete=models.CASCADE, related_name="duplicate_flags"
    )
    other = models.ForeignKey("directory.Service", on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    reasons = models.JSONField(default=list)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-score"]
        constraints = [
            models.UniqueConstraint(fields=["service", "other"], name="unique_duplicate_pair")
        ]

    def __str__(self) -> str:
        return f"possible duplicate {self.service_id} / {self.other_id}"


def _token() -> str:
    return secrets.token_urlsafe(24)


class SharedList(models.Model):
    """A "My list" shared by link: the services only, no names, expiring."""

    token = models.CharField(max_length=64, unique=True, default=_token)
    service_ids = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"shared list {self.pk}"
