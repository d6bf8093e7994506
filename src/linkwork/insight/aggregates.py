"""Aggregates the ORM lacks, so that insight's figures are computed by the database rather than
by reading rows into Python.

`Percentile` is PostgreSQL's `percentile_cont` (the linear interpolation numpy's
`percentile` and `statistics.median` use); on SQLite, which has no percentile function, the same
interpolation runs inside SQLite as an aggregate registered on every new connection
(`register_sqlite_functions`).

`reason_counts` counts the codes of a JSON list (a referral's reasons) by a grouping column, and
can count each group's distinct rows per mapped category: a set-returning JSON function in a
FROM clause, which the ORM cannot write (PostgreSQL `jsonb_array_elements_text`, SQLite
`json_each`). The rows it reads come from an ORM queryset, compiled by Django.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Aggregate, F, Field, Model, QuerySet
from django.db.models.expressions import Expression
from django.db.models.sql.compiler import SQLCompiler

SQLITE_PERCENTILE = "linkwork_percentile"


class Percentile(Aggregate):
    """The ``fraction`` quantile of the non-null values, interpolated linearly between the two
    nearest ranks (PostgreSQL's ``percentile_cont``, numpy's default)."""

    name = "Percentile"
    function = "percentile_cont"

    def __init__(self, expression: Any, fraction: float, **extra: Any) -> None:
        fraction = float(fraction)
        if not 0 <= fraction <= 1:
            raise ValueError("a percentile's fraction is between 0 and 1")
        self.fraction = fraction
        super().__init__(expression, **extra)

    # No function/template arguments: the SQL is fixed.
    def as_sql(  # type: ignore[override]
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra_context: Any
    ) -> tuple[str, tuple[Any, ...]]:
        sql, params = compiler.compile(self.get_source_expressions()[0])
        if connection.vendor == "postgresql":
            return f"percentile_cont({self.fraction!r}) WITHIN GROUP (ORDER BY {sql})", (*params,)
        return f"{SQLITE_PERCENTILE}({sql}, {self.fraction!r})", (*params,)


class _SqlitePercentile:
    """SQLite aggregate behind `Percentile` on SQLite (the values of one group are few: SQLite
    is the small-scale database)."""

    def __init__(self) -> None:
        self.values: list[float] = []
        self.fraction = 0.5

    def step(self, value: float | None, fraction: float) -> None:
        self.fraction = fraction
        if value is not None:
            self.values.append(value)

    def finalize(self) -> float | None:
        if not self.values:
            return None
        ordered = sorted(self.values)
        position = self.fraction * (len(ordered) - 1)
        low = math.floor(position)
        high = min(low + 1, len(ordered) - 1)
        return float(ordered[low] + (ordered[high] - ordered[low]) * (position - low))


def register_sqlite_functions(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """`connection_created` receiver: the SQLite side of `Percentile`."""
    if connection.vendor == "sqlite":
        connection.connection.create_aggregate(SQLITE_PERCENTILE, 2, _SqlitePercentile)


def json_elements(db: BaseDatabaseWrapper, column: str, *, outer: bool) -> tuple[str, str]:
    """(join, code): the SQL that joins each row to the elements of its JSON list ``column``
    (a row whose value is not a list, or an empty one, joins once to NULL when ``outer``, else
    not at all), and the SQL of an element as text."""
    join = "LEFT JOIN" if outer else "JOIN"
    if db.vendor == "postgresql":
        elements = (
            f"{join} LATERAL jsonb_array_elements(CASE jsonb_typeof({column}) "
            f"WHEN 'array' THEN {column} ELSE '[]'::jsonb END) AS j(element) ON TRUE"
        )
        return elements, "j.element #>> '{}'"
    elements = (
        f"{join} json_each(CASE json_type({column}) WHEN 'array' "
        f"THEN {column} ELSE '[]' END) AS j ON 1"
    )
    return elements, "j.value"


def reason_counts(
    rows: QuerySet[Any],
    *,
    group: str | Expression | None,
    codes: str,
    categories: Mapping[str, tuple[str, ...]] | None = None,
    group_through: tuple[type[Model], str, str] | None = None,
) -> list[tuple[Any, str | None, int]]:
    """(group, code, count) for the rows of a queryset whose ``codes`` field is a JSON list:
    each row counts once under each code it lists, and rows listing none once under the code
    None. With ``categories`` (code -> categories): (group, category, count), each row counting
    once under each category any of its codes maps to (a row listing two codes of one category
    counts once), rows without a mapped code not at all. ``group`` is a field or expression of
    the rows (None: all rows in one group); ``group_through`` (model, key field, value field)
    replaces each group by the value of the model's row whose key equals it (a join: e.g. a
    data zone code by its council area)."""
    db = connections[rows.db]
    annotations: dict[str, Any] = {"insight_row": F("pk"), "insight_codes": F(codes)}
    if group is not None:
        annotations["insight_group"] = F(group) if isinstance(group, str) else group
    inner = rows.annotate(**annotations).order_by().values(*annotations)
    sql, params = inner.query.sql_with_params()
    group_sql = "t.insight_group" if group is not None else "NULL"
    through = ""
    if group_through is not None:
        model, key, value = group_through
        table = db.ops.quote_name(model._meta.db_table)
        key_field, value_field = model._meta.get_field(key), model._meta.get_field(value)
        if not isinstance(key_field, Field) or not isinstance(value_field, Field):
            raise TypeError("group_through names two of the model's own columns")
        key_column = db.ops.quote_name(str(key_field.column))
        group_sql = f"a.{db.ops.quote_name(str(value_field.column))}"
        through = f"JOIN {table} AS a ON a.{key_column} = t.insight_group"
    elements, code = json_elements(db, "t.insight_codes", outer=not categories)
    extra: list[Any] = []
    if categories is None:
        # Only constant SQL and Django's compiled query are formatted in: values are parameters.
        query = (
            f"SELECT {group_sql}, {code}, COUNT(*) FROM ({sql}) AS t "  # noqa: S608
            f"{through} {elements} GROUP BY 1, 2"
        )
    else:
        pairs = [(c, category) for c, cats in categories.items() for category in cats]
        if not pairs:
            return []
        extra = [v for pair in pairs for v in pair]
        # Distinct (row, group, category) first, then counted: a hashed DISTINCT, cheaper
        # than COUNT(DISTINCT ...), which sorts.
        query = (
            "SELECT g, category, COUNT(*) FROM (SELECT DISTINCT t.insight_row, "  # noqa: S608
            f"{group_sql} AS g, m.category AS category FROM ({sql}) AS t {through} "
            f"{elements} JOIN (SELECT column1 AS code, column2 AS category FROM "
            f"(VALUES {', '.join(['(%s, %s)'] * len(pairs))}) AS v) AS m ON m.code = {code}"
            ") AS d GROUP BY 1, 2"
        )
    with db.cursor() as cursor:
        cursor.execute(query, [*params, *extra])
        return [(g, None if c is None else str(c), int(n)) for g, c, n in cursor.fetchall()]
