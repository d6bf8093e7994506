"""`linkwork backup` / `linkwork restore` for the SQLite default, with SQLite's online backup
API (a consistent copy while the app runs). PostgreSQL: pg_dump / pg_restore, see
docs/backups.md.

A backup is marked as Linkwork's with SQLite's application id, so `restore` refuses any other
file; it never overwrites a database holding records unless forced.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, connections

#: "LNKW": written into the header of every backup file.
APPLICATION_ID = 0x4C4E4B57
#: Tables whose rows mean "this database is in use" (reference data loaded by migrations,
#: such as roles and taxonomies, does not count).
CONTENT_TABLES = (
    "core_user",
    "core_organisation",
    "core_auditentry",
    "casework_person",
    "directory_service",
)
REQUIRED_TABLES = ("django_migrations", "core_auditentry", "core_auditchainhead")


class BackupError(Exception):
    """A backup or restore refused, with a message for the operator."""


def _sqlite_connection(using: str) -> sqlite3.Connection:
    connection = connections[using]
    if connection.vendor != "sqlite":
        raise BackupError(
            "This database is PostgreSQL: back it up with pg_dump and restore it with "
            "pg_restore (see docs/backups.md)."
        )
    if connection.in_atomic_block:
        raise BackupError("Back up or restore outside a transaction (SQLite would wait forever).")
    connection.ensure_connection()
    raw = connection.connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def backup(path: Path, *, using: str = DEFAULT_DB_ALIAS) -> None:
    """Copy the live database to ``path`` (which must not exist) and mark it as Linkwork's."""
    if path.exists():
        raise BackupError(f"{path} already exists: choose a new file name.")
    source = _sqlite_connection(using)
    target = sqlite3.connect(path)
    try:
        source.backup(target)
        target.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        target.commit()
    finally:
        target.close()


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def check_backup(path: Path) -> None:
    """Refuse anything that is not a whole, readable Linkwork backup."""
    if not path.is_file():
        raise BackupError(f"{path} does not exist.")
    with path.open("rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise BackupError(f"{path} is not a Linkwork backup (not an SQLite database).")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        (app_id,) = conn.execute("PRAGMA application_id").fetchone()
        if app_id != APPLICATION_ID:
            raise BackupError(f"{path} is not a Linkwork backup (made by something else).")
        missing = [t for t in REQUIRED_TABLES if t not in _tables(conn)]
        if missing:
            raise BackupError(f"{path} is not a Linkwork backup (no {', '.join(missing)}).")
        (result,) = conn.execute("PRAGMA integrity_check").fetchone()
        if result != "ok":
            raise BackupError(f"{path} is damaged: {result}")
    finally:
        conn.close()


def content_counts(
    conn: sqlite3.Connection, tables: Iterable[str] = CONTENT_TABLES
) -> dict[str, int]:
    present = _tables(conn)
    return {
        t: int(conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0])  # noqa: S608
        for t in tables
        if t in present
    }


def restore_into(path: Path, target: sqlite3.Connection, *, force: bool = False) -> None:
    """Replace the database behind ``target`` with the backup at ``path``."""
    check_backup(path)
    in_use = {t: n for t, n in content_counts(target).items() if n}
    if in_use and not force:
        raise BackupError(
            "The database is not empty ("
            + ", ".join(f"{n} rows in {t}" for t, n in sorted(in_use.items()))
            + "): restoring would overwrite it. Use --force if that is what you want."
        )
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        source.backup(target)
    finally:
        source.close()
    target.execute("PRAGMA application_id = 0")
    target.commit()


def restore(path: Path, *, force: bool = False, using: str = DEFAULT_DB_ALIAS) -> None:
    restore_into(path, _sqlite_connection(using), force=force)
    connections[using].close()  # nothing cached from the database that was replaced
