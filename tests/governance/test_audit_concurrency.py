"""Concurrent writers never fork the audit chain (each thread has its own connection)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from linkwork.core import audit
from linkwork.core.models import AuditEntry, Organisation

WRITERS, EACH = 4, 25

_WRITER = """
import sys, django
django.setup()
from linkwork.core import audit
print("ready", flush=True)
sys.stdin.readline()
for i in range(int(sys.argv[1])):
    audit.record("view", "core.organisation", i)
print("done", flush=True)
"""


def _environment(tmp_path: Path) -> dict[str, str]:
    """Point writer processes at the test database. SQLite: the in-memory test database is
    copied (schema and triggers) into a file, the kind of database Linkwork runs on."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "linkwork.settings", "LINKWORK_VAR_DIR": ""}
    src = str(Path(__file__).resolve().parents[2] / "src")
    env["PYTHONPATH"] = os.pathsep.join([src, env.get("PYTHONPATH", "")])
    if connection.vendor == "sqlite":
        import sqlite3

        path = tmp_path / "linkwork.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.close()
        env["LINKWORK_VAR_DIR"] = str(tmp_path)
        env.pop("DATABASE_URL", None)
    else:
        s = connection.settings_dict
        env["DATABASE_URL"] = (
            f"postgres://{quote(s['USER'])}:{quote(s['PASSWORD'] or '')}@{s['HOST']}:{s['PORT']}"
            f"/{s['NAME']}"
        )
    return env


@pytest.mark.django_db(transaction=True)
def test_concurrent_writer_processes_build_one_unbroken_chain(tmp_path):
    env = _environment(tmp_path)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(EACH)],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(WRITERS)
    ]
    for proc in procs:  # every writer is set up before any writes: they run at once
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    outcomes = [proc.communicate(timeout=120) for proc in procs]
    assert [proc.returncode for proc in procs] == [0] * WRITERS, outcomes
    verify = subprocess.run(
        [sys.executable, "-m", "linkwork", "audit-verify"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert verify.returncode == 0, verify.stderr
    assert f"{WRITERS * EACH} entries checked" in verify.stdout
    if connection.vendor != "sqlite":
        seqs = sorted(AuditEntry.objects.values_list("seq", flat=True))
        assert seqs == list(range(1, WRITERS * EACH + 1))
        assert audit.verify_chain().ok


@pytest.mark.django_db(transaction=True)
def test_the_test_flush_may_empty_the_audit_log_after_a_transactional_test():
    audit.record(audit.Action.VIEW, Organisation, 1)
    assert AuditEntry.objects.count() == 1  # the flush after this test must succeed


@pytest.mark.django_db
def test_the_database_is_empty_of_audit_entries_after_the_flush():
    assert not AuditEntry.objects.exists()
    entry = audit.record(audit.Action.VIEW, Organisation, 1)
    assert entry.seq == 1
