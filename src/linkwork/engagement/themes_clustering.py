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
from dataclasses import dataclass, field
from typing import TypeAlias

import numpy as np
from scipy.linalg import qr, svd
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components
from sklearn.cluster import KMeans
from sklearn.manifold import spectral_embedding
from sklearn.metrics import adjusted_rand_score, silhouette_score

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

#: Rows compared this many at a time (a block of similarities is rows x all answers).
BLOCK = 1024


@dataclass(frozen=True)
class Joined:
    """Answers as dense unit vectors joined with sparse columns (words, needs), each part
    already weighted: the cosine of two answers is that of their joined rows. Kept in two
    parts because a sparse matrix holding the dense part makes all-pairs products slow."""

    dense: np.ndarray
    sparse: csr_matrix
    norms: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        squared = np.einsum("ij,ij->i", self.dense, self.dense)
        squared += np.asarray(self.sparse.multiply(self.sparse).sum(axis=1)).ravel()
        object.__setattr__(self, "norms", np.sqrt(np.maximum(squared, 1e-24)))

    @property
    def count(self) -> int:
        return int(self.dense.shape[0])

    def take(self, rows: np.ndarray) -> Joined:
        return Joined(self.dense[rows], csr_matrix(self.sparse[rows]))

    def cosine(self, rows: np.ndarray, columns: np.ndarray | None = None) -> np.ndarray:
        """Cosine similarities of ``rows`` with ``columns`` (all answers by default)."""
        cols = np.arange(self.count) if columns is None else columns
        dense = self.dense[rows] @ self.dense[cols].T
        dense += (self.sparse[rows] @ self.sparse[cols].T).toarray()
        norms = self.norms
        return np.asarray(dense / norms[rows, None] / norms[None, cols], dtype=np.float64)


#: Rows the graph and the silhouette read: unit vectors, or joined rows.
Features: TypeAlias = np.ndarray | Joined


def as_joined(x: Features) -> Joined:
    if isinstance(x, Joined):
        return x
    return Joined(np.asarray(x, dtype=np.float32), csr_matrix((x.shape[0], 1), dtype=np.float32))


def nearest(x: Joined, neighbours: int) -> tuple[np.ndarray, np.ndarray]:
    """For each answer, its ``neighbours`` most similar other answers and their cosines."""
    n = x.count
    columns = np.zeros((n, neighbours), dtype=np.int64)
    similarities = np.zeros((n, neighbours), dtype=np.float64)
    for start in range(0, n, BLOCK):
        rows = np.arange(start, min(n, start + BLOCK))
        block = x.cosine(rows)
        block[np.arange(len(rows)), rows] = -np.inf  # an answer is not its own neighbour
        top = np.argpartition(-block, neighbours - 1, axis=1)[:, :neighbours]
        top = np.sort(top, axis=1)
        columns[rows] = top
        similarities[rows] = np.take_along_axis(block, top, axis=1)
    return columns, similarities


def neighbour_graph(x: Features, most_themes: int) -> csr_matrix:
    """Symmetric graph joining each answer to its nearest neighbours by cosine (itself not
    counted), each edge weighted by the two answers' cosine similarity: a near neighbour
    counts more than a far one (measured on our three sets: 0.594 against 0.580 mean ARI at
    the true number of themes, docs/performance-engagement.md). A graph in a few pieces is
    fine (each piece is then a theme or part of one), but one in more pieces than themes
    (clumps of near-identical answers) is widened until it is not."""
    joined = as_joined(x)
    n = joined.count
    neighbours = min(n - 1, max(NEIGHBOURS, round(math.sqrt(n) / 2)))
    while True:
        columns, similarities = nearest(joined, neighbours)
        weights = np.maximum(similarities, LEAST_WEIGHT).ravel()
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
    """Cosine silhouette, on a random sample of ``SILHOUETTE_SAMPLE`` answers when more."""
    if len(set(labels.tolist())) < 2:
        return 0.0
    joined = as_joined(x)
    rows = np.random.RandomState(seed).permutation(joined.count)[:SILHOUETTE_SAMPLE]
    if len(set(labels[rows].tolist())) < 2:
        return 0.0
    distances = np.clip(1.0 - joined.cosine(rows, rows), 0.0, 2.0)
    np.fill_diagonal(distances, 0.0)
    return float(silhouette_score(distances, labels[rows], metric="precomputed"))


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
    sample_features = None if features is None else as_joined(features).take(rows)
    again = cluster(
        x[rows], k, range(k, k + 1), seed + 1, spectral=same_method, features=sample_features
    ).labels
    return float(adjusted_rand_score(labels[rows], again))
