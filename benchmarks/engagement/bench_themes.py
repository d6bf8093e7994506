"""Theme extraction at scale: 10,000 responses (target: under 2 minutes on 2 cores).

    PYTHONPATH=src python benchmarks/engagement/bench_themes.py [--responses 10000] [--themes N]
        [--distinct]

The responses are the labelled set's answers repeated with deterministic variation (words
dropped, letters swapped, Scots spellings), so the text looks like a real consultation's.
Prints wall-clock and CPU seconds for the model and for the rest, and ARI against the labels
as a check (a weak one: 10,000 answers made from 305 have many near-copies). About 4,100 of
the 10,000 are distinct, and each distinct answer is embedded once; `--distinct` ends every
answer with its own number ("... 4711") so that all 10,000 are embedded: the worst case.
Run `uptime` beside it: on a shared machine the wall clock says more about the neighbours
than the code.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import adjusted_rand_score

from linkwork.engagement.themes import extract_themes
from linkwork.search.embedding import get_embedder

DATA = Path(__file__).resolve().parents[2] / "tests" / "engagement" / "data"


def vary(text: str, rng: random.Random) -> str:
    words = text.split()
    if len(words) > 4 and rng.random() < 0.5:
        words.pop(rng.randrange(len(words)))
    if rng.random() < 0.3:
        i = rng.randrange(len(words))
        w = words[i]
        if len(w) > 3:
            j = rng.randrange(len(w) - 1)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    swaps = {"nobody": "naebody", "could not": "couldnae", "cannot": "cannae", "to": "tae"}
    out = " ".join(words)
    for a, b in swaps.items():
        if rng.random() < 0.2:
            out = out.replace(a, b)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--responses", type=int, default=10_000)
    parser.add_argument("--themes", type=int, default=None)
    parser.add_argument("--distinct", action="store_true", help="make every answer distinct")
    args = parser.parse_args()
    with (DATA / "support_barriers_labelled.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    rng = random.Random(7)
    picked = [rows[rng.randrange(len(rows))] for _ in range(args.responses)]
    texts = [vary(r["response"], rng) for r in picked]
    truth = [r["theme"] for r in picked]
    if args.distinct:
        texts = [f"{t} {n}" for n, t in enumerate(texts, start=1)]
    print(f"distinct answers: {len(set(texts))}")
    print(f"cpus available: {len(os.sched_getaffinity(0))}")
    wall, cpu = time.perf_counter(), time.process_time()
    get_embedder().encode(["warm up"])
    print(f"model load: {time.perf_counter() - wall:.1f} s")
    model = get_embedder()
    embedding = [0.0, 0.0]  # wall, CPU seconds spent in the model

    def embed(batch: list[str]) -> np.ndarray:
        start, start_cpu = time.perf_counter(), time.process_time()
        out = model.encode(batch)
        embedding[0] += time.perf_counter() - start
        embedding[1] += time.process_time() - start_cpu
        return out

    wall, cpu = time.perf_counter(), time.process_time()
    result = extract_themes(texts, n_themes=args.themes, seed=0, embed=embed)
    took, cpu_took = time.perf_counter() - wall, time.process_time() - cpu
    print(
        f"embedding: {embedding[0]:.1f} s wall ({embedding[1]:.1f} s CPU); clustering, "
        f"stability and labels: {took - embedding[0]:.1f} s wall "
        f"({cpu_took - embedding[1]:.1f} s CPU)"
    )
    predicted = [result.assignments.get(i, 0) for i in range(len(texts))]
    print(
        f"{len(texts)} responses -> {len(result.themes)} themes in {took:.1f} s wall "
        f"({cpu_took:.1f} s CPU); ARI {adjusted_rand_score(truth, predicted):.2f}; "
        f"confidence {result.confidence}"
    )


if __name__ == "__main__":
    main()
