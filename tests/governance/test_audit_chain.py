"""The audit log proves itself: every tampering is refused by the database or found by the
chain (docs/decisions/0005-tamper-evident-audit.md)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, models, transaction
from django.utils import timezone

from linkwork.core import audit
from linkwork.core.audit_sql import EXPECTED_TRIGGERS
from linkwork.core.models import AuditChainHead, AuditEntry, Organisation
from linkwork.governance import flush_guard
from linkwork.governance.tasks import verify_audit_chain_task
from tests.core.factories import make_user
from tests.governance.helpers import trigger_names, triggers_dropped

pytestmark = pytest.mark.django_db


def _write(n: int = 5) -> list[AuditEntry]:
    return [audit.record(audit.Action.VIEW, Organisation, i) for i in range(1, n + 1)]


def _raw(sql: str, params: list[object] | None = None) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params or [])


def test_entries_form_one_chain_each_pointing_at_the_one_before():
    entries = _write(3)
    assert [e.seq for e in entries] == [1, 2, 3]
    assert entries[0].prev_hash == audit.GENESIS
    assert entries[1].prev_hash == entries[0].entry_hash
    assert entries[2].prev_hash == entries[1].entry_hash
    result = audit.verify_chain()
    assert result.ok and result.checked == 3 and result.head_hash == entries[2].entry_hash


def test_the_hash_covers_every_field_but_itself():
    entry = _write(1)[0]
    hashed = {f.name for f in AuditEntry._meta.concrete_fields} - {"id", "entry_hash"}
    canonical = audit.canonical(entry).decode()
    for name in hashed:
        key = "actor_id" if name == "actor" else name
        assert f'"{key}":' in canonical


def test_the_database_refuses_a_raw_update():
    entry = _write(1)[0]
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        _raw("UPDATE core_auditentry SET action = 'delete' WHERE id = %s", [entry.pk])
    assert AuditEntry.objects.get(pk=entry.pk).action == "view"


def test_the_database_refuses_a_raw_delete_and_a_raw_orm_delete():
    entry = _write(1)[0]
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        _raw("DELETE FROM core_auditentry WHERE id = %s", [entry.pk])
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        models.QuerySet(AuditEntry).filter(pk=entry.pk)._raw_delete(connection.alias)
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_a_back_dated_row_is_refused_by_the_orm_and_by_the_database():
    _write(2)
    forged = AuditEntry(
        at=timezone.now() - dt.timedelta(days=400), action="view", object_type="core.user"
    )
    with pytest.raises(PermissionError):
        AuditEntry.objects.bulk_create([forged])
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        models.QuerySet(AuditEntry).bulk_create([forged])
    assert audit.verify_chain().ok


def test_a_raw_update_past_the_triggers_is_found_with_its_entry_id_and_time():
    entries = _write(4)
    with triggers_dropped():
        _raw("UPDATE core_auditentry SET actor_username = 'someone' WHERE id = %s", [entries[2].pk])
    result = audit.verify_chain()
    assert not result.ok and result.first_break is not None
    assert result.first_break.entry_id == entries[2].pk
    assert result.first_break.at == entries[2].at
    assert result.checked == 2


def test_a_deleted_row_past_the_triggers_is_found():
    entries = _write(4)
    with triggers_dropped():
        _raw("DELETE FROM core_auditentry WHERE id = %s", [entries[1].pk])
    result = audit.verify_chain()
    assert result.first_break is not None and result.first_break.entry_id == entries[2].pk
    assert "missing" in result.first_break.reason


def test_rows_deleted_from_the_end_are_found():
    entries = _write(3)
    with triggers_dropped():
        _raw("DELETE FROM core_auditentry WHERE id = %s", [entries[2].pk])
    result = audit.verify_chain()
    assert result.first_break is not None and "removed from the end" in result.first_break.reason


def test_an_inserted_back_dated_row_past_the_triggers_is_found():
    _write(3)
    forged = AuditEntry(
        at=timezone.now() - dt.timedelta(days=400),
        action="view",
        object_type="casework.person",
        object_id="1",
    )
    with triggers_dropped():
        models.QuerySet(AuditEntry).bulk_create([forged])
    result = audit.verify_chain()
    assert result.first_break is not None and result.first_break.entry_id == forged.pk


def test_a_forged_row_that_copies_a_position_cannot_fork_the_chain():
    entries = _write(2)
    forged = AuditEntry(seq=3, prev_hash=entries[0].entry_hash, entry_hash="f" * 64, action="view")
    with triggers_dropped(), pytest.raises(DatabaseError), transaction.atomic():
        models.QuerySet(AuditEntry).bulk_create([forged])


def test_the_triggers_are_in_place_after_migrating():
    assert EXPECTED_TRIGGERS[connection.vendor] <= trigger_names()


def test_deleting_a_user_keeps_their_audit_entries_and_name():
    user = make_user("link_worker", username="leaver")
    audit.record(audit.Action.VIEW, Organisation, 1, actor=user)
    user_id = user.pk
    user.delete()
    entry = AuditEntry.objects.get(object_type="core.organisation")
    assert entry.actor_username == "leaver" and entry.actor_id == user_id
    assert audit.verify_chain().ok


def test_audit_verify_command_reports_the_first_break_and_exits_1():
    entries = _write(3)
    out = io.StringIO()
    call_command("audit-verify", stdout=out)
    assert "3 entries checked" in out.getvalue()
    with triggers_dropped():
        _raw("UPDATE core_auditentry SET object_id = '99' WHERE id = %s", [entries[1].pk])
    err = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("audit-verify", stderr=err)
    assert exit_info.value.code == 1
    assert f"entry {entries[1].pk} " in err.getvalue()
    assert entries[1].at.isoformat() in err.getvalue()


def test_scheduled_verification_emails_the_dpos_only_when_broken(settings):
    make_user("dpo", username="dpo", email="dpo@example.org")
    make_user("link_worker", username="lw", email="lw@example.org")
    entries = _write(2)
    assert verify_audit_chain_task.call() is True
    assert mail.outbox == []
    with triggers_dropped():
        _raw("UPDATE core_auditentry SET action = 'export' WHERE id = %s", [entries[0].pk])
    assert verify_audit_chain_task.call() is False
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["dpo@example.org"]
    assert f"entry {entries[0].pk}" in mail.outbox[0].body


def test_flush_outside_the_test_environment_refuses_to_empty_the_audit_log(monkeypatch):
    _write(2)
    monkeypatch.setattr(flush_guard, "in_test_environment", lambda: False)
    with pytest.raises((CommandError, DatabaseError)):
        call_command("flush", interactive=False, verbosity=0)
    assert AuditEntry.objects.count() == 2
    assert AuditChainHead.objects.get().seq == 2
