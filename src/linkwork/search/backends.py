"""The lexical backends: SQLite FTS5 (bm25) and PostgreSQL weighted tsvector (ts_rank).

Both take the same parsed query and return (service id, score) pairs, best first, optionally
restricted to a Service queryset (the structured filters, composed from the directory's own
filter functions). The restriction is compiled by Django into a parameterised subquery.
"""

from __future__ import annotations

import uuid

from django.db import connection
from django.db.models import QuerySet

from linkwork.search.query import ParsedQuery

# Field weights: name > categories (names and synonyms) > summary > description.
SQLITE_WEIGHTS = (10.0, 5.0, 2.0, 1.0)
POSTGRES_WEIGHTS = "{0.1, 0.2, 0.5, 1.0}"  # D, C, B, A


def _restriction(restrict: QuerySet | None) -> tuple[str, list]:
    if restrict is None:
        return "", []
    sql, params = restrict.values("id").query.sql_with_params()
    return f" AND d.service_id IN ({sql})", list(params)


def _uuid(value: object) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def lexical_matches(
    parsed: ParsedQuery, *, restrict: QuerySet | None = None, limit: int = 500
) -> list[tuple]:
    """(service id, score, name, latitude, longitude) of the best matches, best first."""
    if parsed.is_empty:
        return []
    if connection.vendor == "postgresql":
        return _postgres(parsed, restrict, limit)
    return _sqlite(parsed, restrict, limit)


def _sqlite(parsed: ParsedQuery, restrict: QuerySet | None, limit: int) -> list:
    expression = parsed.fts5()
    if not expression:
        return []
    where, params = _restriction(restrict)
    if where:
        sql = (
            "SELECT d.service_id, bm25(search_fts, %s, %s, %s, %s) AS r, "  # noqa: S608 (restriction compiled by Django)
            "s.name, s.latitude, s.longitude FROM search_fts "
            "JOIN search_searchdocument d ON d.id = search_fts.rowid "
            "JOIN directory_service s ON s.id = d.service_id "
            f"WHERE search_fts MATCH %s{where} ORDER BY r LIMIT %s"
        )
        args = [*SQLITE_WEIGHTS, expression, *params, limit]
    else:
        # ORDER BY rank uses the weights configured on the table and lets FTS5 stop early.
        sql = (
            "SELECT d.service_id, f.rank, s.name, s.latitude, s.longitude FROM "
            "(SELECT rowid, rank FROM search_fts WHERE search_fts MATCH %s "
            "ORDER BY rank LIMIT %s) f "
            "JOIN search_searchdocument d ON d.id = f.rowid "
            "JOIN directory_service s ON s.id = d.service_id ORDER BY f.rank"
        )
        args = [expression, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, args)
        return [(_uuid(r[0]), -float(r[1]), *r[2:]) for r in cursor.fetchall()]


def _postgres(parsed: ParsedQuery, restrict: QuerySet | None, limit: int) -> list:
    tsquery = parsed.tsquery()
    if not tsquery:
        return []
    where, params = _restriction(restrict)
    sql = (
        "SELECT d.service_id, ts_rank(%s::float4[], d.search_vector, q, 1) AS r, "  # noqa: S608 (restriction compiled by Django)
        "s.name, s.latitude, s.longitude "
        "FROM search_searchdocument d JOIN directory_service s ON s.id = d.service_id, "
        "to_tsquery('simple', %s) q "
        f"WHERE d.search_vector @@ q{where} ORDER BY r DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [POSTGRES_WEIGHTS, tsquery, *params, limit])
        return [(_uuid(r[0]), float(r[1]), *r[2:]) for r in cursor.fetchall()]


def bare_fts(expression: str, limit: int = 20) -> list:
    """The bare underlying full-text query (the floor the benchmarks compare against)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT service_id FROM search_searchdocument, to_tsquery('simple', %s) q "
                "WHERE search_vector @@ q ORDER BY ts_rank(search_vector, q) DESC LIMIT %s",
                [expression, limit],
            )
        else:
            cursor.execute(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH %s ORDER BY rank LIMIT %s",
                [expression, limit],
            )
        return cursor.fetchall()


def lexical_matches_within(
    parsed: ParsedQuery, doc_ids: list[int], *, limit: int = 150
) -> list[tuple]:
    """Like lexical_matches, among some search documents only (a place, filters)."""
    if parsed.is_empty or not doc_ids:
        return []
    if connection.vendor == "postgresql":
        tsquery = parsed.tsquery()
        if not tsquery:
            return []
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT d.service_id, ts_rank(%s::float4[], d.search_vector, q, 1) AS r, "
                "s.name, s.latitude, s.longitude "
                "FROM search_searchdocument d JOIN directory_service s ON s.id = d.service_id, "
                "to_tsquery('simple', %s) q "
                "WHERE d.id = ANY(%s) AND d.search_vector @@ q ORDER BY r DESC LIMIT %s",
                [POSTGRES_WEIGHTS, tsquery, doc_ids, limit],
            )
            return [(_uuid(r[0]), float(r[1]), *r[2:]) for r in cursor.fetchall()]
    from linkwork.search.bm25 import rank_documents

    expression = parsed.fts5()
    if not expression:
        return []
    allowed = set(doc_ids)
    with connection.cursor() as cursor:
        # Unranked matching is cheap; FTS5 would compute bm25 for every match before the
        # restriction could apply, so rank the few allowed matches here instead.
        cursor.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [expression])
        matched = [row[0] for row in cursor.fetchall() if row[0] in allowed]
    return rank_documents(parsed, matched, limit=limit)
