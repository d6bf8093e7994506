"""The database triggers that make the audit log append-only, per vendor.

Used by migration core/0003_audit_chain and by the test that checks they are still in place
(SQLite drops a table's triggers when a migration rebuilds the table: a later migration that
alters core_auditentry must run TRIGGERS_UP again). See docs/decisions/0005.
"""

from __future__ import annotations

REFUSED = "linkwork: the audit log is append-only"

_SQLITE_MAINTENANCE = "linkwork_audit_maintenance() = 0"
_SQLITE_HEAD = "(SELECT {col} FROM core_auditchainhead WHERE id = 1)"

TRIGGERS_UP: dict[str, tuple[str, ...]] = {
    "sqlite": (
        "CREATE TRIGGER core_auditentry_no_update BEFORE UPDATE ON core_auditentry "
        f"BEGIN SELECT RAISE(ABORT, '{REFUSED} (UPDATE refused)'); END",
        "CREATE TRIGGER core_auditentry_no_delete BEFORE DELETE ON core_auditentry "
        f"WHEN {_SQLITE_MAINTENANCE} "
        f"BEGIN SELECT RAISE(ABORT, '{REFUSED} (DELETE refused)'); END",
        "CREATE TRIGGER core_auditentry_append_at_head BEFORE INSERT ON core_auditentry "
        "WHEN NEW.seq IS NULL OR NEW.entry_hash = '' "
        f"OR NEW.seq IS NOT {_SQLITE_HEAD.format(col='seq')} "
        f"OR NEW.prev_hash IS NOT {_SQLITE_HEAD.format(col='last_hash')} "
        f"BEGIN SELECT RAISE(ABORT, '{REFUSED} (entries are appended at the chain head "
        "by linkwork.core.audit.record)'); END",
        "CREATE TRIGGER core_auditchainhead_forward_only BEFORE UPDATE ON core_auditchainhead "
        "WHEN NEW.seq < OLD.seq OR NEW.id <> OLD.id "
        f"BEGIN SELECT RAISE(ABORT, '{REFUSED} (the chain head only moves forward)'); END",
        "CREATE TRIGGER core_auditchainhead_no_delete BEFORE DELETE ON core_auditchainhead "
        f"WHEN {_SQLITE_MAINTENANCE} "
        f"BEGIN SELECT RAISE(ABORT, '{REFUSED} (DELETE refused)'); END",
    ),
    "postgresql": (
        """
        CREATE OR REPLACE FUNCTION linkwork_audit_refuse() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('DELETE', 'TRUNCATE')
               AND current_setting('linkwork.audit_maintenance', true) = 'on' THEN
                IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
                RETURN NULL;
            END IF;
            IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'core_auditchainhead'
               AND NEW.seq >= OLD.seq AND NEW.id = OLD.id THEN
                RETURN NEW;
            END IF;
            RAISE EXCEPTION 'linkwork: the audit log is append-only (% refused on %)',
                TG_OP, TG_TABLE_NAME;
        END $$
        """,
        """
        CREATE OR REPLACE FUNCTION linkwork_audit_append_at_head() RETURNS trigger
        LANGUAGE plpgsql AS $$
        DECLARE
            head_seq bigint;
            head_hash varchar;
        BEGIN
            SELECT seq, last_hash INTO head_seq, head_hash
              FROM core_auditchainhead WHERE id = 1;
            IF NEW.seq IS NULL OR NEW.entry_hash = '' OR NEW.seq IS DISTINCT FROM head_seq
               OR NEW.prev_hash IS DISTINCT FROM head_hash THEN
                RAISE EXCEPTION 'linkwork: the audit log is append-only (append at the head)';
            END IF;
            RETURN NEW;
        END $$
        """,
        "CREATE TRIGGER core_auditentry_append_only BEFORE UPDATE OR DELETE ON core_auditentry "
        "FOR EACH ROW EXECUTE FUNCTION linkwork_audit_refuse()",
        "CREATE TRIGGER core_auditentry_no_truncate BEFORE TRUNCATE ON core_auditentry "
        "FOR EACH STATEMENT EXECUTE FUNCTION linkwork_audit_refuse()",
        "CREATE TRIGGER core_auditentry_append_at_head BEFORE INSERT ON core_auditentry "
        "FOR EACH ROW EXECUTE FUNCTION linkwork_audit_append_at_head()",
        "CREATE TRIGGER core_auditchainhead_guard BEFORE UPDATE OR DELETE ON core_auditchainhead "
        "FOR EACH ROW EXECUTE FUNCTION linkwork_audit_refuse()",
        "CREATE TRIGGER core_auditchainhead_no_truncate BEFORE TRUNCATE ON core_auditchainhead "
        "FOR EACH STATEMENT EXECUTE FUNCTION linkwork_audit_refuse()",
    ),
}

TRIGGERS_DOWN: dict[str, tuple[str, ...]] = {
    "sqlite": tuple(
        f"DROP TRIGGER IF EXISTS {name}"
        for name in (
            "core_auditentry_no_update",
            "core_auditentry_no_delete",
            "core_auditentry_append_at_head",
            "core_auditchainhead_forward_only",
            "core_auditchainhead_no_delete",
        )
    ),
    "postgresql": (
        "DROP TRIGGER IF EXISTS core_auditentry_append_only ON core_auditentry",
        "DROP TRIGGER IF EXISTS core_auditentry_no_truncate ON core_auditentry",
        "DROP TRIGGER IF EXISTS core_auditentry_append_at_head ON core_auditentry",
        "DROP TRIGGER IF EXISTS core_auditchainhead_guard ON core_auditchainhead",
        "DROP TRIGGER IF EXISTS core_auditchainhead_no_truncate ON core_auditchainhead",
        "DROP FUNCTION IF EXISTS linkwork_audit_refuse()",
        "DROP FUNCTION IF EXISTS linkwork_audit_append_at_head()",
    ),
}

#: Trigger names a migrated database must have (checked by tests).
EXPECTED_TRIGGERS: dict[str, frozenset[str]] = {
    "sqlite": frozenset(s.removeprefix("DROP TRIGGER IF EXISTS ") for s in TRIGGERS_DOWN["sqlite"]),
    "postgresql": frozenset(
        s.split()[4] for s in TRIGGERS_DOWN["postgresql"] if s.startswith("DROP TRIGGER")
    ),
}
