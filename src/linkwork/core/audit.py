"""The one audit helper every app calls. It records who did what to which record, never what
the record says: `detail` takes only a few non-personal keys (field names, counts, codes)."""

from __future__ import annotations

from typing import Any

from django.db import models

from linkwork.core.context import current_user_var, request_id_var
from linkwork.core.models import AuditEntry

Action = AuditEntry.Action

#: Keys allowed in `detail`; their values must be ids, codes, counts or field *names*.
ALLOWED_DETAIL_KEYS = frozenset(
    {
        "fields",
        "count",
        "status",
        "from_status",
        "to_status",
        "reason_code",
        "format",
        "via",
        "scope",
        "role",
        "token_id",
        "related_type",
        "related_id",
        "instrument",
        "query_kind",
        "outcome",
        # Sign-in only: the username typed in a failed attempt and the address it came from.
        "username",
        "source",
    }
)


def _check_detail(detail: dict[str, Any]) -> None:
    unknown = set(detail) - ALLOWED_DETAIL_KEYS
    if unknown:
        raise ValueError(
            f"audit detail keys {sorted(unknown)} are not allowed: the audit log must not hold "
            "personal data; use one of " + ", ".join(sorted(ALLOWED_DETAIL_KEYS))
        )


def record(
    action: str,
    target: models.Model | type[models.Model] | str,
    object_id: object = "",
    *,
    actor: Any = None,
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one audit entry. Call it inside the same transaction as the change it records."""
    detail = detail or {}
    _check_detail(detail)
    if isinstance(target, models.Model):
        object_type = target._meta.label_lower
        object_id = object_id or target.pk
    elif isinstance(target, type) and issubclass(target, models.Model):
        object_type = target._meta.label_lower
    else:
        object_type = str(target)
    user = actor if actor is not None else current_user_var.get()
    if user is not None and not getattr(user, "is_authenticated", False):
        user = None
    return AuditEntry.objects.create(
        actor=user,
        actor_username=user.get_username() if user is not None else "",
        action=str(action),
        object_type=object_type,
        object_id=str(object_id or ""),
        request_id=request_id_var.get(),
        detail=detail,
    )


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """Names (never values) of the fields whose values differ."""
    return sorted(k for k in after if before.get(k) != after.get(k))
