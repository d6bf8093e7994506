"""Accounts, the organisations staff belong to, API tokens and the audit log."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from linkwork.core.roles import Role


class User(AbstractUser):
    """A person who signs in to Linkwork: staff of a practice, programme or community group."""

    def has_role(self, *roles: Role | str) -> bool:
        if not self.is_active:
            return False
        if self.is_superuser:
            return True
        names = self.role_names()
        return any(str(r) in names for r in roles) or Role.ADMIN in names

    def role_names(self) -> set[str]:
        cached: set[str] | None = getattr(self, "_role_names", None)
        if cached is None:
            cached = set(self.groups.values_list("name", flat=True))
            self._role_names = cached
        return cached

    def organisation_ids(self, *kinds: str) -> set[int]:
        qs = self.memberships.all()
        if kinds:
            qs = qs.filter(organisation__kind__in=kinds)
        return set(qs.values_list("organisation_id", flat=True))


class Organisation(models.Model):
    """A body whose staff use Linkwork: a GP practice, a community organisation or a programme.

    Practices and community organisations may belong to a programme (the link working
    programme of an HSCP, for example), which is how managers' scope is worked out.
    """

    class Kind(models.TextChoices):
        GP_PRACTICE = "gp_practice", _("GP practice")
        COMMUNITY = "community", _("Community organisation")
        PROGRAMME = "programme", _("Link working programme")
        AGENCY = "agency", _("Other agency")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    code = models.CharField(
        _("code"), max_length=20, blank=True, help_text=_("For GP practices, the practice code.")
    )
    postcode = models.CharField(_("postcode"), max_length=8, blank=True)
    programme = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        limit_choices_to={"kind": "programme"},
        verbose_name=_("programme"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["kind", "name"])]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """That a user works for an organisation (a link worker may cover several practices)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    since = models.DateField(default=timezone.localdate)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation}"


class ApiToken(models.Model):
    """A personal API token for scripts. Only a hash is stored; the token is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, blank=True)
    prefix = models.CharField(max_length=12, db_index=True)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    #: A token stops working at this time (set on creation; no token lives for ever).
    expires_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @property
    def is_active(self) -> bool:
        return (
            self.revoked_at is None
            and self.expires_at is not None
            and self.expires_at > timezone.now()
        )


class AuditQuerySet(models.QuerySet["AuditEntry"]):
    def update(self, **kwargs: Any) -> int:
        raise PermissionError("The audit log is append-only.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("The audit log is append-only.")

    def bulk_create(self, *args: Any, **kwargs: Any) -> list[AuditEntry]:  # type: ignore[override]
        raise PermissionError("Audit entries are appended one by one by linkwork.core.audit.")

    def bulk_update(self, *args: Any, **kwargs: Any) -> int:
        raise PermissionError("The audit log is append-only.")


class AuditEntry(models.Model):
    """One thing someone did to a record: never edited, never deleted, never personal data.

    It names the record by type and id, not by content, so it can be kept longer than
    the records themselves.
    """

    class Action(models.TextChoices):
        CREATE = "create", _("create")
        UPDATE = "update", _("update")
        DELETE = "delete", _("delete")
        VIEW = "view", _("view")
        EXPORT = "export", _("export")
        LOGIN = "login", _("login")
        LOGOUT = "logout", _("logout")
        LOGIN_FAILED = "login_failed", _("failed login")
        API_TOKEN_USE = "api_token_use", _("API token use")

    at = models.DateTimeField(default=timezone.now, db_index=True)
    # Deleting a user never touches the audit log (a trigger refuses UPDATE, so SET_NULL
    # would make the deletion fail): no database constraint, nothing done on delete, and
    # actor_username keeps who it was.
    actor = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    actor_username = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=20, choices=Action.choices)
    object_type = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64, blank=True)
    #: Generated by the server for every request; never taken from the client.
    request_id = models.CharField(max_length=64, blank=True)
    #: The client's X-Request-ID, if it sent a well-formed one: for correlation only.
    client_request_id = models.CharField(max_length=64, blank=True)
    detail = models.JSONField(default=dict, blank=True)
    # The hash chain (docs/decisions/0005-tamper-evident-audit.md): position, the hash of the
    # entry before (unique, so the chain cannot fork) and the hash of this entry's fields.
    seq = models.BigIntegerField(null=True, unique=True, editable=False)
    prev_hash = models.CharField(max_length=64, null=True, unique=True, editable=False)
    entry_hash = models.CharField(max_length=64, blank=True, editable=False)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["object_type", "object_id", "at"])]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_username} {self.action} {self.object_type}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("The audit log is append-only.")


class AuditChainHead(models.Model):
    """The one row every audit write locks first: the last position and hash of the chain.

    Taking it (UPDATE ... seq = seq + 1) serialises writers on PostgreSQL (row lock) and
    SQLite (the database write lock), so two writers can never chain to the same entry.
    """

    seq = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"audit chain head #{self.seq}"
