"""The one audit helper every app calls. It records who did what to which record, never what
the record says: `detail` takes only a few non-personal keys (field names, counts, codes).

Every entry is chained to the one before by a SHA-256 hash over a canonical serialisation of
its fields, and the database refuses UPDATE and DELETE on the table (triggers, see
docs/decisions/0005-tamper-evident-audit.md); `verify_chain` (`linkwork audit-verify`) finds
the first broken link.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db import DEFAULT_DB_ALIAS, IntegrityError, connections, models, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.signals import connection_created
from django.db.models import F
from django.utils import timezone

from linkwork.core.context import client_request_id_var, current_user_var, request_id_var
from linkwork.core.models import AuditChainHead, AuditEntry

#: The "previous hash" of the first entry.
GENESIS = "0" * 64
HEAD_ID = 1

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
    entry = AuditEntry(
        actor=user,
        actor_username=user.get_username() if user is not None else "",
        action=str(action),
        object_type=object_type,
        object_id=str(object_id or ""),
        request_id=request_id_var.get(),
        client_request_id=client_request_id_var.get(),
        detail=detail,
    )
    _append(entry, using=DEFAULT_DB_ALIAS)
    return entry


def _take_head(using: str) -> tuple[int, str]:
    """Lock the chain head (first write of the transaction) and return the new position and
    the hash to chain to. The UPDATE takes PostgreSQL's row lock and SQLite's write lock, held
    until the surrounding transaction ends, so concurrent writers queue here."""
    heads = AuditChainHead.objects.using(using).filter(pk=HEAD_ID)
    while not heads.update(seq=F("seq") + 1):
        try:
            with transaction.atomic(using=using):
                AuditChainHead.objects.using(using).create(pk=HEAD_ID, seq=1, last_hash=GENESIS)
            break
        except IntegrityError:
            continue  # another writer created it first: take the lock it now holds
    seq, last_hash = heads.values_list("seq", "last_hash").get()
    return int(seq), str(last_hash)


def _append(entry: AuditEntry, *, using: str) -> None:
    with transaction.atomic(using=using):
        seq, prev = _take_head(using)
        entry.seq = seq
        entry.prev_hash = prev
        entry.at = timezone.now()
        entry.entry_hash = entry_hash(entry)
        entry.save(using=using)
        AuditChainHead.objects.using(using).filter(pk=HEAD_ID).update(last_hash=entry.entry_hash)


def _utc(value: dt.datetime) -> str:
    if timezone.is_naive(value):
        value = timezone.make_aware(value, dt.UTC)
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(entry: AuditEntry) -> bytes:
    """The bytes an entry's hash is taken over: every field but the hash itself, as JSON with
    sorted keys, no spaces, UTC time to the microsecond."""
    data = {
        "seq": entry.seq,
        "prev_hash": entry.prev_hash,
        "at": _utc(entry.at),
        "actor_id": entry.actor_id,
        "actor_username": entry.actor_username,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "request_id": entry.request_id,
        "client_request_id": entry.client_request_id,
        "detail": entry.detail,
    }
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def entry_hash(entry: AuditEntry) -> str:
    return hashlib.sha256(canonical(entry)).hexdigest()


@dataclass(frozen=True)
class Break:
    """The first place the chain does not hold."""

    entry_id: int | None
    at: dt.datetime | None
    reason: str


@dataclass(frozen=True)
class Verification:
    checked: int
    head_seq: int
    head_hash: str
    first_break: Break | None

    @property
    def ok(self) -> bool:
        return self.first_break is None


def verify_chain(using: str = DEFAULT_DB_ALIAS) -> Verification:
    """Recompute the whole chain; report the first entry that does not hold."""
    entries = AuditEntry.objects.using(using)
    head = AuditChainHead.objects.using(using).filter(pk=HEAD_ID).first()
    head_seq, head_hash = (head.seq, head.last_hash) if head else (0, GENESIS)

    def result(checked: int, brk: Break | None) -> Verification:
        return Verification(checked, head_seq, head_hash, brk)

    unchained = entries.filter(seq__isnull=True).order_by("at", "pk").first()
    if unchained is not None:
        return result(0, Break(unchained.pk, unchained.at, "entry outside the chain (no position)"))
    expected_seq, prev, checked = 1, GENESIS, 0
    last: AuditEntry | None = None
    for entry in entries.order_by("seq").iterator(chunk_size=2000):
        if entry.seq != expected_seq:
            reason = (
                f"entries missing before this one (position {entry.seq}, expected {expected_seq})"
            )
            return result(checked, Break(entry.pk, entry.at, reason))
        if entry.prev_hash != prev:
            return result(checked, Break(entry.pk, entry.at, "does not chain to the entry before"))
        if entry_hash(entry) != entry.entry_hash:
            return result(checked, Break(entry.pk, entry.at, "fields changed since written"))
        prev, expected_seq, checked, last = entry.entry_hash, expected_seq + 1, checked + 1, entry
    if checked != head_seq or prev != head_hash:
        at = last.at if last else None
        return result(
            checked,
            Break(
                last.pk if last else None,
                at,
                f"the chain ends at position {checked} but {head_seq} entries were written "
                "(entries removed from the end)",
            ),
        )
    return result(checked, None)


# --- Database maintenance (the only way the triggers let audit rows be removed) -----------

_maintenance: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "audit_maintenance", default=False
)
MAINTENANCE_FUNCTION = "linkwork_audit_maintenance"
PG_MAINTENANCE_SETTING = "linkwork.audit_maintenance"


@contextlib.contextmanager
def maintenance(using: str = DEFAULT_DB_ALIAS) -> Iterator[None]:
    """Let the triggers allow DELETE/TRUNCATE of audit rows for this connection, for the test
    database flush only (see governance's `flush` command). UPDATE stays refused."""
    connection = connections[using]
    token = _maintenance.set(True)
    try:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"SET {PG_MAINTENANCE_SETTING} = 'on'")
        yield
    finally:
        _maintenance.reset(token)
        if connection.vendor == "postgresql" and connection.connection is not None:
            with connection.cursor() as cursor:
                cursor.execute(f"RESET {PG_MAINTENANCE_SETTING}")


def _register_sqlite_function(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """The SQLite triggers ask this function whether a maintenance flush is running. A
    connection that is not Linkwork's (the sqlite3 shell) has no such function, so the
    triggers refuse there too."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(  # type: ignore[union-attr]
            MAINTENANCE_FUNCTION, 0, lambda: 1 if _maintenance.get() else 0
        )


connection_created.connect(_register_sqlite_function, dispatch_uid="linkwork-audit-maintenance")


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """Names (never values) of the fields whose values differ."""
    return sorted(k for k in after if before.get(k) != after.get(k))
