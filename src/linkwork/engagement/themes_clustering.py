"""Clustering sentence vectors into themes: spectral clustering of a nearest-neighbour graph.

Why a graph and not k-means on the vectors themselves: sentence vectors of one consultation
all sit in a narrow cone (every answer is "about support"), and the themes are regions of
that cone that are neither round nor equally large. k-means looks for round clusters of
similar size around centres; a graph that joins each answer to its nearest neighbours
(cosine) keeps only the local structure, "these answers say the same kind of thing", and
spectral clustering cuts it where few edges cross. Measured on our labelled sets with the
same vectors (docs/performance-engagement.md): k-means 0.66 / 0.56 adjusted Rand index,
spectral 0.69 / 0.64 at the true number of themes. Removing the top principal components
("all-but-the-top") or whitening made both worse (0.04-0.58): inside one consultation the top
components are the themes, not a shared bias.

The partition is read from the graph's eigenvectors by the QR method of Damle, Minden and
Ying (2019, doi:10.1093/imaiai/iay008), which has no random start: given the seed (used only
for the eigen-solver's starting vector) the result is fixed, and in practice it does not
depend on the seed at all.

Small inputs (fewer than ``SPECTRAL_MIN`` answers, e.g. splitting a small theme in two) use
spherical k-means with many starts instead: a neighbour graph of a dozen points says little.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from typing import TypeAlias

import numpy as np
from scipy.linalg import qr, svd
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components
from sklearn.cluster import KMeans
from sklearn.manifold import spectral_embedding
from sklearn.metrics import adjusted_rand_score, silhouette_score
from sklearn.neighbors import NearestNeighbors

#: Below this many answers, spherical k-means (a neighbour graph needs enough neighbours).
SPECTRAL_MIN = 50
#: Each answer is joined to this many nearest answers, or √n / 2 for large inputs, so that
#: the neighbourhood stays well inside a theme of a few hundred answers and the graph stays
#: connected when a consultation has many near-identical answers.
NEIGHBOURS = 10
KMEANS_STARTS = 10
SILHOUETTE_SAMPLE = 3000
#: Share of the answers re-clustered to measure stability.
STABILITY_SAMPLE = 0.8


def unit(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (matrix / norms).astype(np.float32)


#: An edge's weight is the cosine similarity of its two answers, never below this (a weight
#: of 0 would drop the edge).
LEAST_WEIGHT = 1e-6

#: Rows the graph and the silhouette read: unit vectors, or sparse joined rows.
Features: TypeAlias = np.ndarray | csr_matrix


def neighbour_graph(x: Features, most_themes: int) -> csr_matrix:
    """Symmetric graph joining each answer to its nearest neighbours by cosine (itself not
    counted), each edge weighted by the two answers' cosine similarity: a near neighbour
    counts more than a far one (measured on our three sets: 0.594 against 0.580 mean ARI at
    the true number of themes, docs/performance-engagement.md). A graph in a few pieces is
    fine (each piece is then a theme or part of one), but one in more pieces than themes
    (clumps of near-identical answers) is widened until it is not."""
    n = x.shape[0]
    neighbours = min(n - 1, max(NEIGHBOURS, round(math.sqrt(n) / 2)))
    index = NearestNeighbors(metric="cosine", algorithm="brute").fit(x)
    while True:
        distances, columns = index.kneighbors(n_neighbors=neighbours)
        weights = np.maximum(1.0 - distances, LEAST_WEIGHT).ravel()
        rows = np.repeat(np.arange(n), columns.shape[1])
        graph = csr_matrix((weights, (rows, columns.ravel())), shape=(n, n))
        graph = csr_matrix(graph.maximum(graph.T))
        parts, _ = connected_components(graph, directed=False)
        if parts <= most_themes or neighbours >= n - 1:
            return graph
        neighbours = min(n - 1, neighbours * 2)


def eigenvectors(graph: csr_matrix, count: int, seed: int) -> np.ndarray:
    """The first ``count`` eigenvectors of the graph's normalised Laplacian."""
    with warnings.catch_warnings():
        # A graph in as many pieces as themes is expected (neighbour_graph sees to no more).
        warnings.filterwarnings("ignore", message="Graph is not fully connected")
        vectors = spectral_embedding(graph, n_components=count, random_state=seed, drop_first=False)
    return np.asarray(vectors, dtype=np.float64)


def partition_from_eigenvectors(vectors: np.ndarray) -> np.ndarray:
    """Damle, Minden and Ying's QR assignment: column-pivoted QR picks k answers that are as
    far apart as possible in eigenvector space; every answer goes with the one it aligns with."""
    k = vectors.shape[1]
    _, _, pivots = qr(vectors.T, pivoting=True)
    u, _, vt = svd(vectors[pivots[:k], :].T)
    return np.asarray(np.abs(vectors @ (u @ vt)).argmax(axis=1), dtype=np.int64)


def spherical_kmeans(x: np.ndarray, k: int, seed: int) -> np.ndarray:
    model = KMeans(n_clusters=k, n_init=KMEANS_STARTS, random_state=seed)
    return np.asarray(model.fit_predict(unit(x)), dtype=np.int64)


def compact(labels: np.ndarray) -> np.ndarray:
    """Labels renumbered 0..m-1 (an eigenvector may win no answer)."""
    _, out = np.unique(labels, return_inverse=True)
    return np.asarray(out, dtype=np.int64)


def silhouette(x: Features, labels: np.ndarray, seed: int) -> float:
    if len(set(labels.tolist())) < 2:
        return 0.0
    sample = min(x.shape[0], SILHOUETTE_SAMPLE)
    return float(
        silhouette_score(x, labels, metric="cosine", sample_size=sample, random_state=seed)
    )


@dataclass(frozen=True)
class Clustering:
    labels: np.ndarray
    k: int
    silhouette: float
    scores: dict[int, float]  # silhouette for each k tried (empty when k was given)


def cluster(
    x: np.ndarray,
    k: int | None,
    candidates: range,
    seed: int,
    *,
    spectral: bool | None = None,
    features: Features | None = None,
) -> Clustering:
    """Cluster unit vectors ``x`` into ``k`` groups, or choose k among ``candidates`` by the
    cosine silhouette (how much nearer each answer is to its own group than to the next).
    ``spectral`` defaults to the neighbour graph for ``SPECTRAL_MIN`` answers or more; the
    graph and the silhouette read ``features`` (one row per answer, dense or sparse) when
    given, else ``x``. Small inputs (k-means) always read ``x``."""
    if spectral is None:
        spectral = len(x) >= SPECTRAL_MIN
    if features is None or not spectral:
        features = x
    wanted = [k] if k is not None else list(candidates)
    if spectral:
        vectors = eigenvectors(neighbour_graph(features, max(wanted)), max(wanted), seed)
    fits: dict[int, np.ndarray] = {}
    scores: dict[int, float] = {}
    for c in wanted:
        labels = (
            partition_from_eigenvectors(vectors[:, :c])
            if spectral
            else spherical_kmeans(x, c, seed)
        )
        fits[c] = compact(labels)
        if k is None:
            scores[c] = silhouette(features, fits[c], seed)
    chosen = k if k is not None else max(scores, key=lambda c: (round(scores[c], 3), -c))
    best = scores[chosen] if k is None else silhouette(features, fits[chosen], seed)
    return Clustering(fits[chosen], int(fits[chosen].max()) + 1, best, scores)


def stability(
    x: np.ndarray, labels: np.ndarray, seed: int, *, features: Features | None = None
) -> float:
    """Agreement (adjusted Rand index) between the grouping and a re-clustering of a random
    80 % of the answers into the same number of groups: 1 when the themes come back whatever
    subset is read, near 0 when they are an accident of this sample."""
    k = int(labels.max()) + 1
    n = len(x)
    if k < 2:
        return 1.0
    take = max(k + 1, int(n * STABILITY_SAMPLE))
    if take >= n:
        return 1.0
    rng = np.random.default_rng(seed + 1)
    rows = np.sort(rng.choice(n, size=take, replace=False))
    same_method = len(x) >= SPECTRAL_MIN
    sample_features = None if features is None else features[rows]
    again = cluster(
        x[rows], k, range(k, k + 1), seed + 1, spectral=same_method, features=sample_features
    ).labels
    return float(adjusted_rand_score(labels[rows], again))
