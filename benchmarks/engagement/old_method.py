"""The theme clustering shipped before 29 November 2026, kept to measure against
(`evaluate.py`, method "old themes.py"): Scots words read in standard spelling, the search
model's whole-answer vectors, k-means with 4 starts on the unit vectors, k chosen by the cosine
silhouette over 2..min(12, sqrt(n) + 1), stability = agreement with a run from seed + 1.
Only the grouping is reproduced (labels and quotes do not change ARI)."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score

from linkwork.engagement.themes import Embed, normalise
from linkwork.engagement.themes_clustering import unit


def old_groups(texts: Sequence[str], embed: Embed, n_themes: int | None, seed: int) -> list[int]:
    x = unit(np.asarray(embed([normalise(t) for t in texts]), dtype=np.float32))

    def fit(k: int) -> np.ndarray:
        return np.asarray(KMeans(n_clusters=k, n_init=4, random_state=seed).fit_predict(x))

    if n_themes is not None:
        return fit(n_themes).tolist()
    upper = max(2, min(12, len(x) - 1, int(math.sqrt(len(x))) + 1))
    scores: dict[int, float] = {}
    fits: dict[int, np.ndarray] = {}
    for k in range(2, upper + 1):
        fits[k] = fit(k)
        sample = min(len(x), 3000)
        scores[k] = float(
            silhouette_score(x, fits[k], metric="cosine", sample_size=sample, random_state=seed)
        )
    best = max(scores, key=lambda c: (round(scores[c], 3), c))
    return fits[best].tolist()
