"""Full-text search over resources: FTS5 with triggers on SQLite; a generated weighted tsvector
with a GIN index on PostgreSQL (see linkwork/network/fulltext.py). Each vendor's SQL runs only
on that vendor."""

from django.db import migrations

from linkwork.core.vendor_sql import run_by_vendor

COLUMNS = "title, search_text"
SQLITE_FORWARD = [
    f"""CREATE VIRTUAL TABLE network_resource_fts USING fts5({COLUMNS},
        content='network_resource', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    f"""CREATE TRIGGER network_resource_fts_ai AFTER INSERT ON network_resource BEGIN
        INSERT INTO network_resource_fts(rowid, {COLUMNS}) VALUES (new.id, new.title,
        new.search_text); END""",
    f"""CREATE TRIGGER network_resource_fts_ad AFTER DELETE ON network_resource BEGIN
        INSERT INTO network_resource_fts(network_resource_fts, rowid, {COLUMNS})
        VALUES ('delete', old.id, old.title, old.search_text); END""",
    f"""CREATE TRIGGER network_resource_fts_au AFTER UPDATE OF {COLUMNS} ON network_resource
        BEGIN
        INSERT INTO network_resource_fts(network_resource_fts, rowid, {COLUMNS})
        VALUES ('delete', old.id, old.title, old.search_text);
        INSERT INTO network_resource_fts(rowid, {COLUMNS}) VALUES (new.id, new.title,
        new.search_text); END""",
    # A word in the title counts five times one in the summary, tags or file text.
    "INSERT INTO network_resource_fts(network_resource_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0)')",
    "INSERT INTO network_resource_fts(network_resource_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS network_resource_fts_au",
    "DROP TRIGGER IF EXISTS network_resource_fts_ad",
    "DROP TRIGGER IF EXISTS network_resource_fts_ai",
    "DROP TABLE IF EXISTS network_resource_fts",
]
POSTGRES_FORWARD = [
    """ALTER TABLE network_resource ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english'::regconfig, coalesce(search_text, '')), 'B')
    ) STORED""",
    "CREATE INDEX network_resource_vector_gin ON network_resource USING gin (search_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS network_resource_vector_gin",
    "ALTER TABLE network_resource DROP COLUMN IF EXISTS search_vector",
]


class Migration(migrations.Migration):
    dependencies = [("network", "0001_members_resources_events_discussions")]

    operations = [
        migrations.RunPython(
            run_by_vendor({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run_by_vendor({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
