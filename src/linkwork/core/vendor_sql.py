"""Raw SQL that only one database vendor understands, for migrations (FTS5 on SQLite, tsvector
and GIN on PostgreSQL): each vendor's statements run only on that vendor."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any


def run_by_vendor(statements: Mapping[str, Sequence[str]]) -> Callable[[Any, Any], None]:
    """A `RunPython` function executing the statements listed for the connection's vendor."""

    def run(apps: Any, schema_editor: Any) -> None:
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run
