"""Personal API tokens: created once (shown once), stored as a hash, revocable, audited on use."""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from linkwork.core import audit
from linkwork.core.models import ApiToken, User

TOKEN_PREFIX = "lw_"  # noqa: S105 (a visible prefix, not a secret)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def create_token(*, user: User, name: str = "") -> tuple[ApiToken, str]:
    """Make a token for the user; returns the stored row and the token text (only time seen)."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiToken.objects.create(user=user, name=name, prefix=token[:10], token_hash=_hash(token))
    audit.record(audit.Action.CREATE, row, actor=user)
    return row, token


@transaction.atomic
def revoke_token(*, token: ApiToken, by: User) -> None:
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
    if row is None or not row.user.is_active:
        return None
    now = timezone.now()
    ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
    audit.record(audit.Action.API_TOKEN_USE, row, actor=row.user, detail={"token_id": row.pk})
    return row.user
