"""Full-text search over the resource library, done by the database.

SQLite: an FTS5 table over `network_resource` kept in step by triggers (porter stemming,
diacritics folded), ranked by BM25 with the title weighted above the rest. PostgreSQL: a
generated, weighted `tsvector` column with a GIN index, ranked by `ts_rank`. Both come from
migration 0002. Every word must match (as a prefix, after stemming), as people expect from a
search box; punctuation in the query is ignored, so nothing a person types reaches the
database's query syntax.
"""

from __future__ import annotations

import re

from django.db import connection

#: The most ids one search returns: the library holds hundreds of items, not millions.
LIMIT = 200
_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    """The query's words, lower-cased; at most ten, as the search box promises."""
    return [w.lower() for w in _WORD.findall(text)][:10]


def ranked_resource_ids(text: str) -> list[int]:
    """Ids of resources whose title, summary, tags or file text contain every word, best first."""
    terms = words(text)
    if not terms:
        return []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            query = " & ".join(f"{term}:*" for term in terms)
            cursor.execute(
                "SELECT id FROM network_resource, to_tsquery('english', %s) AS q "
                "WHERE search_vector @@ q ORDER BY ts_rank(search_vector, q) DESC, id LIMIT %s",
                [query, LIMIT],
            )
        else:
            query = " ".join(f'"{term}"*' for term in terms)
            cursor.execute(
                "SELECT rowid FROM network_resource_fts WHERE network_resource_fts MATCH %s "
                "ORDER BY rank, rowid LIMIT %s",
                [query, LIMIT],
            )
        return [row[0] for row in cursor.fetchall()]
