"""Relevance judgements and ranking-quality measures (nDCG@k, recall@k).

The relevance set lives in tests/search/relevance/: `services.jsonl` (a directory of realistic
Scottish community services) and `queries.jsonl` (need statements in people's own words, each
graded 0-3 against every service by category, with per-service overrides).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Judged:
    id: str
    text: str
    grades: dict[str, int]  # service key -> grade 1..3 (missing = 0)


@dataclass
class RelevanceSet:
    services: list[dict]
    queries: list[Judged] = field(default_factory=list)


def load_relevance_set(directory: Path) -> RelevanceSet:
    services = [json.loads(line) for line in _lines(directory / "services.jsonl")]
    queries = []
    for line in _lines(directory / "queries.jsonl"):
        raw = json.loads(line)
        by_category: dict[str, int] = raw.get("grades", {})
        overrides: dict[str, int] = raw.get("overrides", {})
        grades = {}
        for service in services:
            grade = max((by_category.get(c, 0) for c in service["cats"]), default=0)
            grade = overrides.get(service["id"], grade)
            if grade > 0:
                grades[service["id"]] = grade
        queries.append(Judged(id=raw["id"], text=raw["text"], grades=grades))
    return RelevanceSet(services=services, queries=queries)


def _lines(path: Path) -> Iterable[str]:
    return (line for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


def ndcg_at(ranked: Sequence[str], grades: dict[str, int], k: int = 10) -> float:
    """Normalised discounted cumulative gain with gains 2^grade - 1."""
    dcg = sum((2 ** grades.get(key, 0) - 1) / math.log2(i + 2) for i, key in enumerate(ranked[:k]))
    ideal = sorted(grades.values(), reverse=True)[:k]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def recall_at(
    ranked: Sequence[str], grades: dict[str, int], k: int = 20, min_grade: int = 2
) -> float:
    """Share of the clearly relevant services (grade >= min_grade) found in the top k."""
    relevant = {key for key, g in grades.items() if g >= min_grade}
    if not relevant:
        return 0.0
    return len(relevant.intersection(ranked[:k])) / len(relevant)


@dataclass(frozen=True)
class Scores:
    ndcg10: float
    recall20: float
    per_query: dict[str, float]


def evaluate(rank: Callable[[str], Sequence[str]], queries: Sequence[Judged]) -> Scores:
    """Mean nDCG@10 and recall@20 of a ranking function over the judged queries."""
    ndcgs, recalls, per_query = [], [], {}
    for query in queries:
        ranked = list(rank(query.text))
        ndcgs.append(ndcg_at(ranked, query.grades))
        recalls.append(recall_at(ranked, query.grades))
        per_query[query.id] = ndcgs[-1]
    n = max(len(queries), 1)
    return Scores(ndcg10=sum(ndcgs) / n, recall20=sum(recalls) / n, per_query=per_query)
