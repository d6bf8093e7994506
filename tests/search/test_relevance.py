"""Ranking quality on the relevance set: 48 need statements in people's own words, graded
0-3 against 310 realistic Scottish community services (tests/search/relevance/).

Floors sit just under the figures measured when the engine was tuned (docs/performance.md);
a change that makes ranking worse fails here.
"""

from __future__ import annotations

import io

import pytest
from django.db import connection

from linkwork.directory.search_backend import SearchParams, search
from linkwork.search.evaluation import Judged, Scores, evaluate
from linkwork.search.indexing import rebuild_index
from tests.search.relevance.loader import (
    dev_queries,
    load_directory,
    relevance_set,
    service_uuid,
)

#: vendor -> mode -> (nDCG@10 floor, recall@20 floor)
FLOORS = {  # measured (decision 0006, MiniLM int8): sqlite 0.817/0.729, 0.827/0.722, 0.863/0.769
    "sqlite": {"lexical": (0.80, 0.71), "semantic": (0.81, 0.70), "hybrid": (0.85, 0.75)},
    # ts_rank has no IDF, so PostgreSQL's lexical ranking is a little weaker than bm25.
    # measured: 0.770/0.699, 0.827/0.722, 0.843/0.757
    "postgresql": {"lexical": (0.75, 0.68), "semantic": (0.81, 0.70), "hybrid": (0.82, 0.74)},
}


#: The search engineer's own statements (queries_dev.jsonl), hybrid, with the places pack
#: loaded: a town or area named in the words without a postcode, and misspelt needs; and the
#: tuned half of the second batch (queries_own.jsonl; the held half has no floor).
#: measured 0.766 / 0.934 / 0.737 (sqlite), 0.751 / 0.884 / 0.732 (postgresql: ts_rank
#: has no IDF)
DEV_FLOORS = {
    "sqlite": {"place": 0.74, "typo": 0.90, "own-tune": 0.71},
    "postgresql": {"place": 0.73, "typo": 0.86, "own-tune": 0.71},
}

#: The same statements in Polish, Arabic, Chinese, Ukrainian, Gaelic and Scots (decision 0010),
#: hybrid: measured 0.786 (sqlite), the weakest language 0.626 (Gaelic).
MULTILINGUAL_FLOOR, ANY_LANGUAGE_FLOOR = 0.74, 0.55


def multilingual(queries: list[Judged]) -> dict[str, list[Judged]]:
    import json
    from pathlib import Path

    by_id = {q.id: q for q in queries}
    path = Path(__file__).resolve().parent / "relevance" / "queries_multilingual.jsonl"
    out: dict[str, list[Judged]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            out.setdefault(raw["lang"], []).append(
                Judged(raw["id"], raw["text"], by_id[raw["of"]].grades)
            )
    return out


@pytest.mark.django_db
def test_hybrid_beats_lexical_and_every_mode_stays_above_its_floor() -> None:
    rel = relevance_set()
    assert len(rel.services) >= 300 and len(rel.queries) >= 40
    load_directory(rel)
    rebuild_index()
    key_of = {service_uuid(s["id"]): s["id"] for s in rel.services}
    scores: dict[str, Scores] = {}
    for mode in ("lexical", "semantic", "hybrid"):

        def rank(text: str, mode: str = mode) -> list[str]:
            page = search(SearchParams(q=text, mode=mode, per_page=50))
            return [key_of[h.service_id] for h in page.hits]

        scores[mode] = evaluate(rank, rel.queries)
    report = {m: (round(s.ndcg10, 3), round(s.recall20, 3)) for m, s in scores.items()}
    print(f"\nrelevance on {connection.vendor}: {report}")
    assert scores["hybrid"].ndcg10 > scores["lexical"].ndcg10, report
    for mode, (ndcg_floor, recall_floor) in FLOORS[connection.vendor].items():
        assert scores[mode].ndcg10 >= ndcg_floor, (mode, report)
        assert scores[mode].recall20 >= recall_floor, (mode, report)

    def hybrid(text: str) -> list[str]:
        page = search(SearchParams(q=text, per_page=50))
        return [key_of[h.service_id] for h in page.hits]

    languages = {
        lang: evaluate(hybrid, judged).ndcg10 for lang, judged in multilingual(rel.queries).items()
    }
    print(f"other languages on {connection.vendor}: {languages}")
    assert sum(languages.values()) / len(languages) >= MULTILINGUAL_FLOOR, languages
    assert min(languages.values()) >= ANY_LANGUAGE_FLOOR, languages


@pytest.mark.django_db
def test_named_places_and_typos_stay_above_their_floors() -> None:
    from django.core.management import call_command

    call_command("load-places", verbosity=0, stdout=io.StringIO())
    rel = relevance_set()
    load_directory(rel)
    rebuild_index()
    key_of = {service_uuid(s["id"]): s["id"] for s in rel.services}

    def hybrid(text: str) -> list[str]:
        page = search(SearchParams(q=text, per_page=50))
        return [key_of[h.service_id] for h in page.hits]

    slices = dev_queries(rel)
    floors = DEV_FLOORS[connection.vendor]
    found = {name: round(evaluate(hybrid, slices[name]).ndcg10, 3) for name in floors}
    print(f"\nnamed places and typos on {connection.vendor}: {found}")
    for name, floor in floors.items():
        assert found[name] >= floor, found
