"""The lexical backends: SQLite FTS5 (bm25) and PostgreSQL weighted tsvector (ts_rank).

Both take the same parsed query and return (search document id, score, name), best first,
over every document or among some (a search's allowed set).
"""

from __future__ import annotations

import numpy as np
from django.db import connection

from linkwork.search.query import ParsedQuery

# Field weights: name > categories (names and synonyms) > summary > description.
SQLITE_WEIGHTS = (10.0, 5.0, 2.0, 1.0)
POSTGRES_WEIGHTS = "{0.1, 0.2, 0.5, 1.0}"  # D, C, B, A


def lexical_matches(parsed: ParsedQuery, *, limit: int = 500) -> list[tuple[int, float, str]]:
    """(search document id, score, service name) of the best matches, best first."""
    if parsed.is_empty:
        return []
    if connection.vendor == "postgresql":
        return _postgres(parsed.tsquery(), limit)
    return _sqlite(parsed.fts5(), limit)


def _sqlite(expression: str, limit: int) -> list:
    if not expression:
        return []
    # ORDER BY rank uses the weights configured on the table and lets FTS5 stop early.
    sql = (
        "SELECT f.rowid, f.rank, s.name FROM "
        "(SELECT rowid, rank FROM search_fts WHERE search_fts MATCH %s "
        "ORDER BY rank LIMIT %s) f "
        "JOIN search_searchdocument d ON d.id = f.rowid "
        "JOIN directory_service s ON s.id = d.service_id ORDER BY f.rank"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [expression, limit])
        return [(r[0], -float(r[1]), r[2]) for r in cursor.fetchall()]


def _postgres(tsquery: str, limit: int, within: list[int] | None = None) -> list:
    if not tsquery:
        return []
    where = "" if within is None else " AND d.id = ANY(%s)"
    sql = (
        "SELECT d.id, ts_rank(%s::float4[], d.search_vector, q, 1) AS r, s.name "  # noqa: S608 (constant)
        "FROM search_searchdocument d JOIN directory_service s ON s.id = d.service_id, "
        "to_tsquery('simple', %s) q "
        f"WHERE d.search_vector @@ q{where} ORDER BY r DESC LIMIT %s"
    )
    args: list[str | int | list[int]] = [POSTGRES_WEIGHTS, tsquery, limit]
    if within is not None:
        args.insert(2, within)
    with connection.cursor() as cursor:
        cursor.execute(sql, args)
        return [(r[0], float(r[1]), r[2]) for r in cursor.fetchall()]


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


def lexical_near(parsed: ParsedQuery, keys: list[str]) -> list[tuple[int, float]]:
    """(search document id, score) of every match among the documents holding one of the
    place keys (`search.place_keys`), unordered. The database intersects the two before
    scoring, so only documents near the place (or serving it) are ranked."""
    keys = [k for k in keys if k.isalnum()]
    if parsed.is_empty or not keys:
        return []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            tsquery = parsed.tsquery()
            if not tsquery:
                return []
            cursor.execute(
                "SELECT d.id, ts_rank(%s::float4[], d.search_vector, q, 1) "
                "FROM search_searchdocument d, to_tsquery('simple', %s) q "
                "WHERE d.search_vector @@ q AND d.place_vector @@ to_tsquery('simple', %s)",
                [POSTGRES_WEIGHTS, tsquery, " | ".join(keys)],
            )
            return [(r[0], float(r[1])) for r in cursor.fetchall()]
        expression = parsed.fts5()
        if not expression:
            return []
        place = " OR ".join(f'"{k}"' for k in keys)
        cursor.execute(
            "SELECT rowid, bm25(search_fts, %s, %s, %s, %s, 0.0) FROM search_fts "
            "WHERE search_fts MATCH %s",
            [*SQLITE_WEIGHTS, f"({place}) AND ({expression})"],
        )
        return [(r[0], -float(r[1])) for r in cursor.fetchall()]


def matching_documents(parsed: ParsedQuery) -> np.ndarray:
    """Ids of every search document the query matches, unranked (cheap: index only)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            tsquery = parsed.tsquery()
            if not tsquery:
                return np.zeros(0, dtype=np.int64)
            cursor.execute(
                "SELECT id FROM search_searchdocument "
                "WHERE search_vector @@ to_tsquery('simple', %s)",
                [tsquery],
            )
        else:
            expression = parsed.fts5()
            if not expression:
                return np.zeros(0, dtype=np.int64)
            cursor.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [expression])
        return np.fromiter((r[0] for r in cursor.fetchall()), dtype=np.int64)


def lexical_matches_within(
    parsed: ParsedQuery, doc_ids: np.ndarray, *, limit: int = 150
) -> list[tuple[int, float, str]]:
    """Like lexical_matches, among some search documents only (matches of a place, filters).

    FTS5's bm25() and PostgreSQL's ts_rank would score every match before a restriction
    applies, so the caller finds the matches unranked (`matching_documents`), keeps the
    allowed ones, and this ranks only those: in SQL on PostgreSQL (ts_rank over the few
    ids), in Python on SQLite (bm25 as FTS5 computes it)."""
    if parsed.is_empty or not len(doc_ids):
        return []
    if connection.vendor == "postgresql":
        return _postgres(parsed.tsquery(), limit, within=doc_ids.tolist())
    from linkwork.search.bm25 import rank_documents

    return rank_documents(parsed, doc_ids.tolist(), limit=limit)
