"""Find a person by name searches every person a manager may see (200,000 at the national demo
scale) with `icontains` on three name columns, which PostgreSQL runs as
`UPPER(column) LIKE UPPER('%word%')`: a sequential scan without these trigram indexes (about
0.75 s per query at national scale on a loaded 2-core machine; 0.22 s with them). SQLite has
no trigram index; its find-a-person lists stay small. pg_trgm is a trusted extension (the
search app's migration creates it too)."""

from django.db import migrations

from linkwork.core.vendor_sql import run_by_vendor

COLUMNS = ("given_name", "family_name", "preferred_name")
POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    *(
        f"CREATE INDEX casework_person_{c}_trgm ON casework_person "
        f"USING gin (UPPER({c}) gin_trgm_ops)"
        for c in COLUMNS
    ),
]
POSTGRES_BACKWARD = [f"DROP INDEX IF EXISTS casework_person_{c}_trgm" for c in COLUMNS]


class Migration(migrations.Migration):
    dependencies = [("casework", "0006_person_structured_communication_needs")]

    operations = [
        migrations.RunPython(
            run_by_vendor({"postgresql": POSTGRES_FORWARD}),
            run_by_vendor({"postgresql": POSTGRES_BACKWARD}),
        )
    ]
