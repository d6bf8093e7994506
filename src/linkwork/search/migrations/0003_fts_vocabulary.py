"""The FTS5 vocabulary view (term -> number of documents), for typo correction and for
leaving very common words out of queries. SQLite only; PostgreSQL uses ts_stat."""

from django.db import migrations


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE search_fts_vocab USING fts5vocab('search_fts', 'row')"
        )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_fts_vocab")


class Migration(migrations.Migration):
    dependencies = [("search", "0002_full_text_indexes")]

    operations = [migrations.RunPython(forward, backward)]
