"""Find a person by name at national scale: PostgreSQL has trigram indexes on the three name
columns the search reads (casework migration 0007), so `icontains` does not scan every person a
manager may see. SQLite has none (nothing to create there)."""

from __future__ import annotations

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db

NAME_INDEXES = {
    "casework_person_given_name_trgm",
    "casework_person_family_name_trgm",
    "casework_person_preferred_name_trgm",
}


def _person_indexes() -> dict[str, str]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'casework_person'"
            )
        else:
            cursor.execute(
                "SELECT name, sql FROM sqlite_master "
                "WHERE type = 'index' AND tbl_name = 'casework_person'"
            )
        return {name: sql or "" for name, sql in cursor.fetchall()}


def test_name_search_has_trigram_indexes_on_postgresql_only() -> None:
    indexes = _person_indexes()
    if connection.vendor == "postgresql":
        assert set(indexes) >= NAME_INDEXES
        for name in NAME_INDEXES:
            # The expression `icontains` compiles to, so the planner can use the index.
            assert "gin" in indexes[name] and "upper(" in indexes[name].lower()
            assert "gin_trgm_ops" in indexes[name]
    else:
        assert not NAME_INDEXES & set(indexes)
