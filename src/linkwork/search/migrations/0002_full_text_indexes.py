"""Full-text indexes: an FTS5 table kept in step by triggers on SQLite; a generated weighted
tsvector with GIN, and pg_trgm, on PostgreSQL. Each vendor's SQL runs only on that vendor."""

from django.db import migrations

from linkwork.core.vendor_sql import run_by_vendor

FIELDS = "name_text, taxonomy_text, summary_text, description_text"
NEW = "new.name_text, new.taxonomy_text, new.summary_text, new.description_text"
OLD = "old.name_text, old.taxonomy_text, old.summary_text, old.description_text"

SQLITE_FORWARD = [
    f"""CREATE VIRTUAL TABLE search_fts USING fts5({FIELDS},
        content='search_searchdocument', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3')""",
    f"""CREATE TRIGGER search_fts_ai AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, {FIELDS}) VALUES (new.id, {NEW}); END""",
    f"""CREATE TRIGGER search_fts_ad AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, {FIELDS}) VALUES ('delete', old.id, {OLD});
        END""",
    f"""CREATE TRIGGER search_fts_au AFTER UPDATE OF {FIELDS} ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, {FIELDS}) VALUES ('delete', old.id, {OLD});
        INSERT INTO search_fts(rowid, {FIELDS}) VALUES (new.id, {NEW}); END""",
    # Field weights name > categories > summary > description, used by ORDER BY rank.
    "INSERT INTO search_fts(search_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0, 2.0, 1.0)')",
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_fts_au",
    "DROP TRIGGER IF EXISTS search_fts_ad",
    "DROP TRIGGER IF EXISTS search_fts_ai",
    "DROP TABLE IF EXISTS search_fts",
]

POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, coalesce(name_text, '')), 'A') ||
        setweight(to_tsvector('simple'::regconfig, coalesce(taxonomy_text, '')), 'B') ||
        setweight(to_tsvector('simple'::regconfig, coalesce(summary_text, '')), 'C') ||
        setweight(to_tsvector('simple'::regconfig, coalesce(description_text, '')), 'D')
    ) STORED""",
    "CREATE INDEX search_doc_vector_gin ON search_searchdocument USING gin (search_vector)",
    "CREATE INDEX search_term_trgm ON search_searchterm USING gin (term gin_trgm_ops)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_term_trgm",
    "DROP INDEX IF EXISTS search_doc_vector_gin",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS search_vector",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_documents")]

    operations = [
        migrations.RunPython(
            run_by_vendor({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run_by_vendor({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
