"""Place keys (search.place_keys) in the full-text indexes, so a search near a place is
restricted by the database before ranking.

SQLite: the FTS5 table is recreated with `place_keys` as a fifth column, weight 0 in bm25
(keys narrow a search but never rank it). PostgreSQL: a second generated tsvector of the
keys, with its own GIN index, so `search_vector @@ q AND place_vector @@ keys` is a bitmap
AND of two indexes. Existing documents get their keys here; new ones from indexing."""

from django.db import migrations, models

from linkwork.core.vendor_sql import run_by_vendor
from linkwork.search.place_keys import document_keys

OLD_FIELDS = "name_text, taxonomy_text, summary_text, description_text"
FIELDS = f"{OLD_FIELDS}, place_keys"
NEW = ", ".join(f"new.{f.strip()}" for f in FIELDS.split(","))
OLD = ", ".join(f"old.{f.strip()}" for f in FIELDS.split(","))
OLD_NEW = ", ".join(f"new.{f.strip()}" for f in OLD_FIELDS.split(","))
OLD_OLD = ", ".join(f"old.{f.strip()}" for f in OLD_FIELDS.split(","))


def _fts(fields: str, new: str, old: str, rank: str) -> list[str]:
    return [
        "DROP TABLE IF EXISTS search_fts_vocab",
        "DROP TRIGGER IF EXISTS search_fts_au",
        "DROP TRIGGER IF EXISTS search_fts_ad",
        "DROP TRIGGER IF EXISTS search_fts_ai",
        "DROP TABLE IF EXISTS search_fts",
        f"""CREATE VIRTUAL TABLE search_fts USING fts5({fields},
            content='search_searchdocument', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2', prefix='2 3')""",
        f"""CREATE TRIGGER search_fts_ai AFTER INSERT ON search_searchdocument BEGIN
            INSERT INTO search_fts(rowid, {fields}) VALUES (new.id, {new}); END""",
        f"""CREATE TRIGGER search_fts_ad AFTER DELETE ON search_searchdocument BEGIN
            INSERT INTO search_fts(search_fts, rowid, {fields}) VALUES ('delete', old.id, {old});
            END""",
        f"""CREATE TRIGGER search_fts_au AFTER UPDATE OF {fields} ON search_searchdocument BEGIN
            INSERT INTO search_fts(search_fts, rowid, {fields}) VALUES ('delete', old.id, {old});
            INSERT INTO search_fts(rowid, {fields}) VALUES (new.id, {new}); END""",
        f"INSERT INTO search_fts(search_fts, rank) VALUES ('rank', '{rank}')",
        "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
        "CREATE VIRTUAL TABLE search_fts_vocab USING fts5vocab('search_fts', 'row')",
    ]


SQLITE_FORWARD = _fts(FIELDS, NEW, OLD, "bm25(10.0, 5.0, 2.0, 1.0, 0.0)")
SQLITE_BACKWARD = _fts(OLD_FIELDS, OLD_NEW, OLD_OLD, "bm25(10.0, 5.0, 2.0, 1.0)")
POSTGRES_FORWARD = [
    """ALTER TABLE search_searchdocument ADD COLUMN place_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, coalesce(place_keys, ''))) STORED""",
    "CREATE INDEX search_doc_place_gin ON search_searchdocument USING gin (place_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_doc_place_gin",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS place_vector",
]


def fill_keys(apps, schema_editor):
    SearchDocument = apps.get_model("search", "SearchDocument")
    ServiceArea = apps.get_model("directory", "ServiceArea")
    areas: dict = {}
    for sid, code, kind in ServiceArea.objects.exclude(service=None).values_list(
        "service_id", "gss_code", "kind"
    ):
        areas.setdefault(sid, []).append("S92000003" if kind == "scotland" else code)
    batch = []
    docs = SearchDocument.objects.values_list(
        "id",
        "service_id",
        "service__latitude",
        "service__longitude",
        "service__delivery_phone",
        "service__delivery_online",
    )
    for doc_id, sid, lat, lon, phone, online in docs.iterator(chunk_size=5000):
        keys = document_keys(lat, lon, remote=phone or online, area_codes=areas.get(sid, ()))
        batch.append(SearchDocument(id=doc_id, place_keys=keys))
        if len(batch) >= 5000:
            SearchDocument.objects.bulk_update(batch, ["place_keys"])
            batch = []
    SearchDocument.objects.bulk_update(batch, ["place_keys"])


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0002_default_taxonomy"),
        ("search", "0004_source_modified_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="place_keys",
            field=models.TextField(blank=True, null=True),
        ),
        # Keys first: the FTS5 table is then built once, with them.
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
        migrations.RunPython(
            run_by_vendor({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run_by_vendor({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
