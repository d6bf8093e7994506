"""Which clustering of the same sentence vectors agrees best with the labels? Own sets only.

    PYTHONPATH=src python benchmarks/engagement/explore_clustering.py [--seeds 0 1 2 3 4 5]

Every method gets the vectors `extract_themes` gets (Scots words in standard spelling, the
app's model, unit length) and the true number of themes; the table shows the adjusted Rand
index, mean and lowest over the seeds. This is where the method in themes_clustering.py was
chosen: never run it on benchmarks/engagement/independent/.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

import numpy as np
from evaluate import OWN, load
from sklearn.cluster import AgglomerativeClustering, KMeans
from sklearn.metrics import adjusted_rand_score

from linkwork.engagement.themes import normalise
from linkwork.engagement.themes_clustering import (
    eigenvectors,
    neighbour_graph,
    partition_from_eigenvectors,
    unit,
)
from linkwork.search.embedding import get_embedder


def all_but_the_top(x: np.ndarray, drop: int) -> np.ndarray:
    """Mu and Viswanath (2018): remove the mean and the top principal components."""
    centred = x - x.mean(0)
    if drop:
        _, _, vt = np.linalg.svd(centred, full_matrices=False)
        centred = centred - (centred @ vt[:drop].T) @ vt[:drop]
    return unit(centred)


def whiten(x: np.ndarray, dims: int) -> np.ndarray:
    centred = x - x.mean(0)
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    return unit(centred @ vt[:dims].T / s[:dims])


def consensus(x: np.ndarray, k: int, seed: int, runs: int = 30) -> np.ndarray:
    """How often two answers share a k-means cluster over many seeds, cut by average linkage."""
    together = np.zeros((len(x), len(x)))
    for r in range(runs):
        labels = KMeans(n_clusters=k, n_init=1, random_state=seed * 100 + r).fit_predict(x)
        together += labels[:, None] == labels[None, :]
    linkage = AgglomerativeClustering(n_clusters=k, metric="precomputed", linkage="average")
    return np.asarray(linkage.fit_predict(1 - together / runs))


def methods(x: np.ndarray, k: int) -> dict[str, Callable[[int], np.ndarray]]:
    def kmeans(v: np.ndarray) -> Callable[[int], np.ndarray]:
        return lambda s: KMeans(n_clusters=k, n_init=10, random_state=s).fit_predict(v)

    def fixed(labels: np.ndarray) -> Callable[[int], np.ndarray]:
        return lambda s: labels

    graph = neighbour_graph(x, k)
    return {
        "k-means, 10 starts": kmeans(x),
        "k-means, mean removed": kmeans(all_but_the_top(x, 0)),
        "k-means, all-but-the-top 1": kmeans(all_but_the_top(x, 1)),
        "k-means, all-but-the-top 2": kmeans(all_but_the_top(x, 2)),
        "k-means, all-but-the-top 3": kmeans(all_but_the_top(x, 3)),
        "k-means, whitened to 32": kmeans(whiten(x, 32)),
        "Ward": fixed(AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(x)),
        "average linkage, cosine": fixed(
            AgglomerativeClustering(n_clusters=k, metric="cosine", linkage="average").fit_predict(x)
        ),
        "consensus of 30 k-means": lambda s: consensus(x, k, s),
        "spectral, neighbour graph (shipped)": lambda s: partition_from_eigenvectors(
            eigenvectors(graph, k, s)
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2, 3, 4, 5])
    args = parser.parse_args()
    model = get_embedder()
    print("| set | method | ARI mean | ARI lowest |")
    print("| --- | --- | --- | --- |")
    for path, column in OWN:
        texts, truth = load(path, column)
        k = len(set(truth))
        x = unit(model.encode([normalise(t) for t in texts]))
        for name, run in methods(x, k).items():
            scores = [adjusted_rand_score(truth, run(s)) for s in args.seeds]
            print(f"| {path.name} | {name} | {np.mean(scores):.2f} | {min(scores):.2f} |")


if __name__ == "__main__":
    main()
