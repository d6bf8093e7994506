"""Theme quality on the labelled sets: adjusted Rand index and purity, against baselines.

    PYTHONPATH=src python benchmarks/engagement/evaluate.py [--seeds 0 1 2] [--independent]

Methods, each with the app's embedder (`linkwork.search.embedding.get_embedder()`, the
all-MiniLM-L6-v2 int8 ONNX transformer) where it embeds:

- TF-IDF + k-means: TF-IDF of the answers (English stop words), k-means, k given, 10 starts.
- MiniLM + k-means: whole-answer vectors of the raw text, k-means, k given, 10 starts (the
  issue's reference method).
- old themes.py: the method shipped before 29 November 2026 (`old_method.py`).
- themes.py: `linkwork.engagement.themes.extract_themes` as shipped now.

The own sets (`tests/engagement/data/`) are the ones to choose settings on. `--independent`
adds `benchmarks/engagement/independent/answers.csv`, which is for checking a choice already
made, never for making one: record every look in docs/performance-engagement.md.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from pathlib import Path

import numpy as np
from old_method import old_groups
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score

from linkwork.engagement.themes import Embed, extract_themes
from linkwork.search.embedding import get_embedder

ROOT = Path(__file__).resolve().parents[2]
OWN = [
    (ROOT / "tests/engagement/data/support_barriers_labelled.csv", "response"),
    (ROOT / "tests/engagement/data/community_groups_labelled.csv", "response"),
    (ROOT / "tests/engagement/data/mental_health_support_labelled.csv", "response"),
]
INDEPENDENT = (ROOT / "benchmarks/engagement/independent/answers.csv", "answer")


def purity(truth: list[str], predicted: list[int]) -> float:
    by_cluster: dict[int, Counter[str]] = {}
    for t, p in zip(truth, predicted, strict=True):
        by_cluster.setdefault(p, Counter())[t] += 1
    return sum(c.most_common(1)[0][1] for c in by_cluster.values()) / len(truth)


def load(path: Path, column: str) -> tuple[list[str], list[str]]:
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [r[column] for r in rows], [r["theme"] for r in rows]


def cached_embedder() -> Embed:
    """The app's embedder, each list embedded once per run. Whole lists are cached, not single
    texts: the int8 model's vectors depend slightly on which texts share a batch (activations
    are quantised per batch), so a text-by-text cache would not reproduce what the app gets."""
    model = get_embedder()
    cache: dict[tuple[str, ...], np.ndarray] = {}

    def embed(texts: list[str]) -> np.ndarray:
        key = tuple(texts)
        if key not in cache:
            cache[key] = model.encode(list(texts))
        return cache[key]

    return embed


def evaluate_set(path: Path, column: str, seeds: list[int], embed: Embed) -> None:
    texts, truth = load(path, column)
    k_true = len(set(truth))

    def row(method: str, how: str, seed: int, predicted: list[int]) -> None:
        print(
            f"| {path.name} | {len(texts)} | {k_true} | {method} | {how} | {seed} "
            f"| {len(set(predicted))} | {adjusted_rand_score(truth, predicted):.2f} "
            f"| {purity(truth, predicted):.2f} |"
        )

    for seed in seeds:
        tfidf = TfidfVectorizer(stop_words="english").fit_transform(texts)
        kmeans = KMeans(n_clusters=k_true, n_init=10, random_state=seed)
        row("TF-IDF + k-means", "given", seed, kmeans.fit_predict(tfidf).tolist())
        vectors = embed(texts)
        row("MiniLM + k-means", "given", seed, kmeans.fit_predict(vectors).tolist())
        for given in (k_true, None):
            how = "given" if given else "automatic"
            row("old themes.py", how, seed, old_groups(texts, embed, given, seed))
            result = extract_themes(texts, n_themes=given, seed=seed, embed=embed)
            predicted = [result.assignments[i] for i in range(len(texts))]
            row(f"themes.py (confidence {result.confidence})", how, seed, predicted)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--independent", action="store_true", help="also the independent set")
    args = parser.parse_args()
    embed = cached_embedder()
    print("| set | answers | true themes | method | k | seed | themes found | ARI | purity |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for path, column in OWN + ([INDEPENDENT] if args.independent else []):
        evaluate_set(path, column, args.seeds, embed)


if __name__ == "__main__":
    main()
