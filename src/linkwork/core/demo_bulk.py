"""Fast inserts for the demo generators: rows as plain tuples, keys chosen before inserting,
written with PostgreSQL's COPY (psycopg's `cursor.copy`) or, on any other database, with
`bulk_create` in large batches.

The national demo is millions of rows (200,000 people, a million encounters); building a model
instance per row and letting `bulk_create` prepare every value costs most of the time. Here a
generator names the columns it varies once (`Table(model, ["id", "case_id", ...])`) and hands
over tuples; every other column gets the model field's default, and `auto_now` /
`auto_now_add` columns the time the table was opened, exactly what `save()` would have written.
No `save()`, no signals, no audit entries: demo data is nobody's access to a record.

Keys are reserved before the rows exist (`Table.reserve`), so rows of the next table can refer
to them without reading anything back. On PostgreSQL the table's identity sequence is moved past
the reserved block, so later inserts by the application never collide.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection, models
from django.db.models.fields.json import JSONField


def uses_copy() -> bool:
    """COPY is PostgreSQL's; other databases take the bulk_create path."""
    return connection.vendor == "postgresql"


class Table:
    """One model's rows, given as tuples in the order of `columns` (attribute names, so
    `case_id` for a foreign key; include the primary key to choose it yourself)."""

    def __init__(
        self, model: type[models.Model], columns: Sequence[str], *, now: dt.datetime
    ) -> None:
        self.model = model
        self.columns = list(columns)
        by_attname = {f.attname: f for f in model._meta.concrete_fields}
        if unknown := [c for c in self.columns if c not in by_attname]:
            raise ValueError(f"{model._meta.label} has no column {', '.join(unknown)}")
        pk = model._meta.pk
        assert pk is not None
        fixed: list[tuple[str, Any]] = []
        for f in model._meta.concrete_fields:
            if f.attname in self.columns or f is pk:
                continue
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                value: Any = now if isinstance(f, models.DateTimeField) else now.date()
            else:
                value = f.get_default()
            fixed.append((f.attname, value))
        self.fixed_columns = [name for name, _ in fixed]
        self.fixed_values = tuple(value for _, value in fixed)
        self._fields = [by_attname[c] for c in self.columns + self.fixed_columns]
        self._json = [i for i, f in enumerate(self._fields) if isinstance(f, JSONField)]
        self.written = 0

    def reserve(self, n: int) -> int:
        """The first of `n` consecutive primary keys no other row has or will be given."""
        if n <= 0:
            return 0
        table = self.model._meta.db_table
        pk_column = self.model._meta.pk.column  # type: ignore[union-attr]
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s))", [table, pk_column])
                start = int(cursor.fetchone()[0])
                cursor.execute(
                    "SELECT setval(pg_get_serial_sequence(%s, %s), %s)",
                    [table, pk_column, start + n - 1],
                )
                return start
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT MAX({connection.ops.quote_name(pk_column)}) FROM {quoted}")  # noqa: S608
            return int(cursor.fetchone()[0] or 0) + 1

    def write(self, rows: Iterable[tuple[Any, ...]]) -> int:
        """Insert the rows now; returns how many."""
        rows = list(rows)
        if not rows:
            return 0
        if uses_copy():
            self._copy(rows)
        else:
            self._bulk_create(rows)
        self.written += len(rows)
        return len(rows)

    def _copy(self, rows: list[tuple[Any, ...]]) -> None:
        qn = connection.ops.quote_name
        names = ", ".join(qn(f.column) for f in self._fields)
        sql = f"COPY {qn(self.model._meta.db_table)} ({names}) FROM STDIN"
        fixed = self._dump_json(self.fixed_values, offset=len(self.columns))
        with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
            for row in rows:
                if self._json:
                    row = self._dump_json(row, offset=0)
                copy.write_row(row + fixed)

    def _dump_json(self, values: tuple[Any, ...], *, offset: int) -> tuple[Any, ...]:
        """JSON columns as JSON text (COPY would send a list as a PostgreSQL array)."""
        out = list(values)
        for i in self._json:
            j = i - offset
            if 0 <= j < len(out) and out[j] is not None:
                field = self._fields[i]
                out[j] = json.dumps(out[j], cls=field.encoder)  # type: ignore[attr-defined]
        return tuple(out)

    def _bulk_create(self, rows: list[tuple[Any, ...]]) -> None:
        names = self.columns + self.fixed_columns
        objs = [
            self.model(**dict(zip(names, row + self.fixed_values, strict=True))) for row in rows
        ]
        self.model._default_manager.bulk_create(objs, batch_size=2000)
