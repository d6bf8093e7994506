"""Okapi BM25 with column weights, computed in Python for a few hundred documents.

Used when SQLite must rank matches within a restricted set (a place, filters): FTS5 finds the
matches cheaply without ranking, and this ranks the allowed ones the way FTS5's bm25() would
(same weights, k1 = 1.2, b = 0.75, idf from the index's document frequencies).
"""

from __future__ import annotations

import math

from django.db import connection

from linkwork.search import vocabulary
from linkwork.search.backends import SQLITE_WEIGHTS
from linkwork.search.query import ParsedQuery

K1 = 1.2
B = 0.75


def _idf(df: int, documents: int) -> float:
    ratio = (documents - df + 0.5) / (df + 0.5)
    return max(math.log(ratio), 1e-6) if ratio > 0 else 1e-6


def rank_documents(parsed: ParsedQuery, doc_ids: list[int], *, limit: int) -> list[tuple]:
    if not doc_ids:
        return []
    rows: list[tuple] = []
    with connection.cursor() as cursor:
        for start in range(0, len(doc_ids), 900):
            part = doc_ids[start : start + 900]
            marks = ",".join(["%s"] * len(part))
            cursor.execute(
                "SELECT d.id, d.name_text, d.taxonomy_text, d.summary_text, "  # noqa: S608
                "d.description_text, s.name, d.place_keys "
                "FROM search_searchdocument d JOIN directory_service s ON s.id = d.service_id "
                f"WHERE d.id IN ({marks})",
                part,
            )
            rows.extend(cursor.fetchall())
    if not rows:
        return []
    df, documents = vocabulary.document_frequency()
    documents = max(documents, len(rows))
    # Texts are space-separated stems, so " stem " counts a word and " stem" a prefix.
    items: list[tuple[float, str]] = []
    for term in parsed.terms:
        if term.prefix:
            items.append((_idf(max(df.get(term.stem, 1), 1), documents), f" {term.stem}"))
        else:
            items.append((_idf(df.get(term.stem, 0), documents), f" {term.stem} "))
    for phrase in parsed.expansions:
        n = min(df.get(w, 0) for w in phrase)
        items.append((_idf(n, documents), f" {' '.join(phrase)} "))
    # Length as FTS5 counts it: every column, the place keys too.
    lengths = [sum(len((r[i] or "").split()) for i in (1, 2, 3, 4, 6)) for r in rows]
    average = (sum(lengths) / len(lengths)) if lengths else 1.0
    scored = []
    for row, length in zip(rows, lengths, strict=True):
        padded = [f" {row[i]} " for i in range(1, 5)]
        norm = K1 * (1 - B + B * length / max(average, 1.0))
        score = 0.0
        for idf, needle in items:
            tf = 0.0
            for weight, text in zip(SQLITE_WEIGHTS, padded, strict=True):
                tf += weight * text.count(needle)
            if tf:
                score += idf * tf * (K1 + 1) / (tf + norm)
        if score > 0:
            scored.append((row[0], score, row[5]))
    scored.sort(key=lambda r: -r[1])
    return scored[:limit]
