"""Theme quality on the independent set (answers.csv, codebook in CODEBOOK.md): adjusted Rand
index, normalised mutual information and purity of the shipped method (themes.extract_themes
with the app's default embedder), with k chosen automatically and with k given, over seeds.

    PYTHONPATH=src python benchmarks/engagement/independent/evaluate_independent.py

This set is for measuring only: nothing may be tuned on it (see CODEBOOK.md). TF-IDF + k-means
at the true k is printed as a reference baseline.
"""

from __future__ import annotations

import argparse
import csv
import os
from collections import Counter
from pathlib import Path

import django
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

HERE = Path(__file__).resolve().parent


def purity(truth: list[str], predicted: list[int]) -> float:
    by_cluster: dict[int, Counter[str]] = {}
    for t, p in zip(truth, predicted, strict=True):
        by_cluster.setdefault(p, Counter())[t] += 1
    return sum(c.most_common(1)[0][1] for c in by_cluster.values()) / len(truth)


def load() -> tuple[list[str], list[str]]:
    with (HERE / "answers.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [r["answer"] for r in rows], [r["theme"] for r in rows]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "linkwork.settings")
    django.setup()  # the default embedder is the search app's
    from linkwork.engagement.themes import extract_themes

    texts, truth = load()
    k_true = len(set(truth))
    print(f"{len(texts)} answers, {k_true} themes (independent set, not used in tuning)\n")
    print("| method | seed | themes found | ARI | NMI | purity | confidence |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for seed in args.seeds:
        tfidf = TfidfVectorizer(stop_words="english").fit_transform(texts)
        base = list(KMeans(n_clusters=k_true, n_init=4, random_state=seed).fit_predict(tfidf))
        print(
            f"| TF-IDF + k-means (k given) | {seed} | {k_true} "
            f"| {adjusted_rand_score(truth, base):.2f} "
            f"| {normalized_mutual_info_score(truth, base):.2f} | {purity(truth, base):.2f} | |"
        )
        for given in (None, k_true):
            result = extract_themes(texts, n_themes=given, seed=seed)
            predicted = [result.assignments[i] for i in range(len(texts))]
            how = "k given" if given else "k automatic"
            print(
                f"| shipped themes.py ({how}) | {seed} | {len(result.themes)} "
                f"| {adjusted_rand_score(truth, predicted):.2f} "
                f"| {normalized_mutual_info_score(truth, predicted):.2f} "
                f"| {purity(truth, predicted):.2f} | {result.confidence} |"
            )


if __name__ == "__main__":
    main()
