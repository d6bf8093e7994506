"""Backups restore into an empty database with every record and an intact audit chain."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from linkwork.core import audit
from linkwork.governance import backups
from tests.core.factories import make_user
from tests.governance.factories import full_record

# Transactional: SQLite cannot copy a database out of its own open write transaction.
pytestmark = pytest.mark.django_db(transaction=True)


def _source_counts() -> dict[str, int]:
    from django.apps import apps

    counts = {}
    for model in apps.get_models():
        if model._meta.managed and not model._meta.proxy:
            counts[model._meta.db_table] = model._base_manager.count()
    return counts


@pytest.fixture
def sqlite_only():
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite backup API; PostgreSQL is backed up with pg_dump")


def test_a_backup_restored_into_an_empty_database_has_every_record_and_verifies(
    sqlite_only, tmp_path
):
    person = full_record()
    audit.record(audit.Action.VIEW, person, actor=make_user("link_worker"))
    expected = _source_counts()
    assert expected["casework_person"] >= 2 and expected["core_auditentry"] >= 1
    backup_file = tmp_path / "linkwork.backup"
    call_command("backup", str(backup_file))
    restored_dir = tmp_path / "restored"
    restored_dir.mkdir()
    target = sqlite3.connect(restored_dir / "linkwork.sqlite3")
    backups.restore_into(backup_file, target)
    for table, count in expected.items():
        (found,) = target.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()  # noqa: S608
        if table == "core_auditentry":
            assert found == count + 1  # the backup itself is audited first
        else:
            assert found == count, table
    target.close()
    env = {
        **os.environ,
        "LINKWORK_VAR_DIR": str(restored_dir),
        "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src"),
    }
    env.pop("DATABASE_URL", None)
    verify = subprocess.run(
        [sys.executable, "-m", "linkwork", "audit-verify"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert verify.returncode == 0, verify.stderr
    assert f"{expected['core_auditentry'] + 1} entries checked" in verify.stdout


def test_restore_refuses_a_file_that_is_not_a_linkwork_backup(sqlite_only, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    empty = sqlite3.connect(tmp_path / "target.sqlite3")
    for bad in (text, other, tmp_path / "missing"):
        with pytest.raises(backups.BackupError, match=r"not a Linkwork backup|does not exist"):
            backups.restore_into(bad, empty)
    with pytest.raises(CommandError, match="not a Linkwork backup"):
        call_command("restore", str(text))


def test_restore_refuses_a_database_with_records_unless_forced(sqlite_only, tmp_path):
    full_record()
    backup_file = tmp_path / "b.backup"
    backups.backup(backup_file)
    target_path = tmp_path / "in-use.sqlite3"
    target = sqlite3.connect(target_path)
    backups.restore_into(backup_file, target)
    with pytest.raises(backups.BackupError, match="not empty"):
        backups.restore_into(backup_file, target)
    backups.restore_into(backup_file, target, force=True)
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(backup_file))  # the test database holds records


def test_backup_refuses_to_overwrite_a_file(sqlite_only, tmp_path):
    existing = tmp_path / "exists"
    existing.write_text("x")
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", str(existing))
