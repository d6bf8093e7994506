"""Personal API tokens: created once (shown once), stored as a hash, expiring, revocable by
their owner, audited on use. In the app only a session signed in with two factors makes one."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from linkwork.core import audit
from linkwork.core.models import ApiToken, User

TOKEN_PREFIX = "lw_"  # noqa: S105 (a visible prefix, not a secret)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def create_token(*, user: User, name: str = "", days: int | None = None) -> tuple[ApiToken, str]:
    """Make a token for the user; returns the stored row and the token text (only time seen).

    It expires after `days` (default `API_TOKEN_DAYS`, 90)."""
    life = days if days is not None else int(settings.API_TOKEN_DAYS)
    if life < 1:
        raise ValueError("A token must live at least one day.")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=token[:10],
        token_hash=_hash(token),
        expires_at=timezone.now() + timedelta(days=life),
    )
    audit.record(audit.Action.CREATE, row, actor=user)
    return row, token


def tokens_of(user: User) -> QuerySet[ApiToken]:
    """The user's own tokens, newest first (never anyone else's)."""
    return ApiToken.objects.filter(user=user).order_by("-created_at")


@transaction.atomic
def revoke_token(*, token: ApiToken, by: User) -> None:
    """Stop a token working. Only its owner (or an administrator) may."""
    if by.pk != token.user_id and not (by.is_superuser or by.has_role("admin")):
        raise PermissionDenied("Only the owner of a token can revoke it.")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit.record(audit.Action.UPDATE, token, actor=by, detail={"status": "revoked"})


def authenticate_token(token: str) -> User | None:
    """The active user a token belongs to, or None. Every successful use is audit-logged."""
    if not token or not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    row = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=_hash(token), revoked_at__isnull=True)
        .first()
    )
    now = timezone.now()
    if row is None or not row.user.is_active or row.expires_at is None or row.expires_at <= now:
        return None
    ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
    audit.record(audit.Action.API_TOKEN_USE, row, actor=row.user, detail={"token_id": row.pk})
    return row.user
