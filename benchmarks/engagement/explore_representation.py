"""Which representation of an answer, and which neighbour graph, agree best with the labels?
Own sets only (tests/engagement/data/*_labelled.csv): never run this on the independent sets.

    PYTHONPATH=src python benchmarks/engagement/explore_representation.py [--only NAME ...]
    PYTHONPATH=src python benchmarks/engagement/explore_representation.py --resample 5 --round 1
    PYTHONPATH=src python benchmarks/engagement/explore_representation.py --resample 8 --round 2

Without --resample: whole sets. With it: each variant on R random 80% samples of each set,
mean ARI (given / automatic, mean themes found). Round 1 was the first list of variants,
round 2 the follow-up on the best of them (docs/performance-engagement.md). Each variant
is scored by adjusted Rand index at the true number of themes ("given") and with the number
chosen automatically ("auto", themes found in brackets), seed 0 (the spectral method does
not depend on the seed). Variants:

- embedding: the whole answer in file order (shipped before), each distinct text alone
  (batch of one: no per-batch quantisation), or the distinct texts sorted in batches of 32;
  the mean of the answer's clauses' vectors.
- words: the answer vector joined with an L2-normalised TF-IDF vector of its content words
  (Scots in standard spelling, stop words out, stemmed), weighted so that the cosine of two
  joined vectors is (1 - w) x sentence cosine + w x word cosine.
- concepts: the same with the search app's synonym concepts (`synonym_entries()`) instead.
- graph: 0/1 kNN (shipped), mutual kNN, cosine weights, self-tuning local scaling
  (Zelnik-Manor and Perona 2004); the number of neighbours.
- k: cosine silhouette (shipped) or the largest eigengap.
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import sys
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.manifold import spectral_embedding
from sklearn.metrics import adjusted_rand_score, silhouette_score
from sklearn.neighbors import NearestNeighbors

from linkwork.engagement import themes_clustering as tc
from linkwork.engagement.themes import STOP_WORDS, normalise
from linkwork.search.embedding import get_embedder
from linkwork.search.query import stem, synonym_entries, words

DATA = Path(__file__).resolve().parents[2] / "tests" / "engagement" / "data"
SETS = sorted(DATA.glob("*_labelled.csv"))
STOP = frozenset(STOP_WORDS)
CLAUSE = re.compile(r"[.;!?\n]+|,\s+(?:but|and|because|so)\s+|\s+but\s+|\s*,\s*")


def load(path: Path) -> tuple[list[str], list[str]]:
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [r["response"] for r in rows], [r["theme"] for r in rows]


MODEL = get_embedder()


def embed_order(texts: list[str]) -> np.ndarray:
    return tc.unit(MODEL.encode(texts))


def embed_alone(texts: list[str]) -> np.ndarray:
    distinct = sorted(set(texts))
    vectors = {t: MODEL.encode([t])[0] for t in distinct}
    return tc.unit(np.stack([vectors[t] for t in texts]))


def embed_sorted(texts: list[str]) -> np.ndarray:
    distinct = sorted(set(texts), key=lambda t: (len(t), t))
    out = MODEL.encode(distinct)
    where = {t: i for i, t in enumerate(distinct)}
    return tc.unit(out[[where[t] for t in texts]])


def embed_clauses(texts: list[str]) -> np.ndarray:
    pieces: list[list[str]] = []
    for t in texts:
        parts = [p.strip() for p in CLAUSE.split(t) if p and len(p.split()) >= 3]
        pieces.append(parts or [t])
    flat = sorted({p for ps in pieces for p in ps})
    vectors = {p: MODEL.encode([p])[0] for p in flat}
    rows = []
    for ps in pieces:
        weights = np.array([len(p.split()) for p in ps], dtype=np.float32)
        rows.append((np.stack([vectors[p] for p in ps]) * weights[:, None]).sum(0))
    return tc.unit(np.stack(rows))


def content_tokens(text: str) -> list[str]:
    return [stem(w) for w in text.split() if w.isalpha() and w not in STOP and len(w) > 2]


def word_vectors(normalised: list[str], min_df: int = 2) -> csr_matrix:
    vectorizer = TfidfVectorizer(
        analyzer=content_tokens, min_df=min_df, sublinear_tf=True, norm="l2"
    )
    return csr_matrix(vectorizer.fit_transform(normalised))


def concept_vectors(raw: list[str]) -> csr_matrix:
    entries = synonym_entries()
    rows, cols = [], []
    for r, text in enumerate(raw):
        seq = words(normalise(text))
        joined = " " + " ".join(seq) + " "
        for c, entry in enumerate(entries):
            if any(" " + " ".join(s) + " " in joined for s in entry.say):
                rows.append(r)
                cols.append(c)
    m = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(raw), len(entries)))
    norms = np.sqrt(np.asarray(m.multiply(m).sum(1))).ravel()
    norms[norms == 0] = 1
    return csr_matrix(m.multiply(1 / norms[:, None]))


def join(x: np.ndarray, extra: csr_matrix, w: float) -> csr_matrix:
    return csr_matrix(hstack([csr_matrix(x * math.sqrt(1 - w)), extra * math.sqrt(w)]))


def graph(x: np.ndarray | csr_matrix, kind: str, neighbours: int) -> csr_matrix:
    n = x.shape[0]
    index = NearestNeighbors(metric="cosine", algorithm="brute").fit(x)
    dist, ind = index.kneighbors(x, n_neighbors=min(n - 1, neighbours + 1))
    dist, ind = dist[:, 1:], ind[:, 1:]  # each point is its own nearest
    rows = np.repeat(np.arange(n), ind.shape[1])
    if kind == "local":
        sigma = dist[:, min(6, ind.shape[1] - 1)] + 1e-9
        vals = np.exp(-(dist**2) / (sigma[:, None] * sigma[ind]))
    elif kind == "cosine":
        vals = np.clip(1 - dist, 0, None)
    else:
        vals = np.ones_like(dist)
    g = csr_matrix((vals.ravel(), (rows, ind.ravel())), shape=(n, n))
    if kind == "mutual":
        return csr_matrix(g.minimum(g.T))
    return csr_matrix(g.maximum(g.T))


def spectral(g: csr_matrix, k: int) -> np.ndarray:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return np.asarray(spectral_embedding(g, n_components=k, random_state=0, drop_first=False))


def eigengap_k(g: csr_matrix, candidates: range) -> int:
    from scipy.sparse.csgraph import laplacian

    lap = laplacian(g, normed=True)
    values = np.linalg.eigvalsh(lap.toarray())[: max(candidates) + 2]
    gaps = {c: values[c] - values[c - 1] for c in candidates}
    return max(gaps, key=lambda c: gaps[c])


def run(
    x: np.ndarray | csr_matrix,
    truth: list[str],
    *,
    kind: str = "binary",
    neighbours: int = 10,
    choose: str = "silhouette",
) -> str:
    k_true = len(set(truth))
    g = tc.neighbour_graph(x, 12) if kind == "shipped" else graph(x, kind, neighbours)
    parts = connected_components(g, directed=False)[0]
    vectors = spectral(g, 12)
    given = tc.partition_from_eigenvectors(vectors[:, :k_true])
    candidates = range(4, 13)
    if choose == "eigengap":
        k = eigengap_k(g, candidates)
    else:
        scores = {}
        for c in candidates:
            labels = tc.partition_from_eigenvectors(vectors[:, :c])
            if len(set(labels.tolist())) < 2:
                scores[c] = 0.0
                continue
            scores[c] = float(silhouette_score(x, labels, metric="cosine"))
        k = max(scores, key=lambda c: (round(scores[c], 3), -c))
    auto = tc.partition_from_eigenvectors(vectors[:, :k])
    a_given = adjusted_rand_score(truth, given)
    a_auto = adjusted_rand_score(truth, auto)
    pieces = f" {parts} pieces" if parts > 1 else ""
    return f"{a_given:.2f} | {a_auto:.2f} ({len(set(auto.tolist()))}){pieces}"


def variants(raw: list[str], norm: list[str]) -> dict[str, Callable[[], str]]:
    cache: dict[str, np.ndarray] = {}

    def vec(name: str) -> np.ndarray:
        if name not in cache:
            fn = {
                "order": embed_order,
                "alone": embed_alone,
                "sorted": embed_sorted,
                "clauses": embed_clauses,
            }[name]
            cache[name] = fn(norm)
        return cache[name]

    out: dict[str, Callable[[], str]] = {}
    for name in ("order", "alone", "sorted", "clauses"):
        out[f"embedding {name}"] = lambda name=name: run(vec(name), TRUTH)
    for w in (0.1, 0.2, 0.3, 0.4, 0.5):
        out[f"alone + words w={w}"] = lambda w=w: run(
            join(vec("alone"), word_vectors(norm), w), TRUTH
        )
    for w in (0.1, 0.2, 0.3):
        out[f"alone + concepts w={w}"] = lambda w=w: run(
            join(vec("alone"), concept_vectors(raw), w), TRUTH
        )
    for kind in ("mutual", "cosine", "local"):
        out[f"alone, graph {kind}"] = lambda kind=kind: run(vec("alone"), TRUTH, kind=kind)
    for nb in (6, 8, 12, 15):
        out[f"alone, {nb} neighbours"] = lambda nb=nb: run(vec("alone"), TRUTH, neighbours=nb)
    out["alone, k by eigengap"] = lambda: run(vec("alone"), TRUTH, choose="eigengap")
    return out


TRUTH: list[str] = []


def resampled(args: argparse.Namespace) -> None:
    """Each variant on R random 80% samples of each set (vectors embedded alone, so a sample's
    vectors are rows of the whole set's): mean ARI given and automatic, mean themes found."""
    global TRUTH
    print("| variant | " + " | ".join(p.stem.split("_")[0] for p in SETS) + " | mean |")
    print("| --- | " + " | ".join("---" for _ in SETS) + " | --- |")
    data = []
    for path in SETS:
        raw, truth = load(path)
        norm = [normalise(t) for t in raw]
        data.append((raw, truth, norm, embed_alone(norm), embed_clauses(norm)))
    rng = np.random.default_rng(0)
    samples = [
        [np.sort(rng.choice(len(d[0]), int(0.8 * len(d[0])), replace=False)) for d in data]
        for _ in range(args.resample)
    ]
    from linkwork.search.embedding.runtime import STATIC_MODEL_DIR, StaticEmbedder

    static = StaticEmbedder(STATIC_MODEL_DIR)
    for i, d in enumerate(data):
        data[i] = (*d, tc.unit(static.encode(d[2])))
    round1: dict[str, Callable[..., str]] = {
        "alone, shipped graph": lambda r, n, x, c, t: run(x, t, kind="shipped"),
        "alone, 10 nn binary": lambda r, n, x, c, t: run(x, t),
        "alone, 10 nn cosine": lambda r, n, x, c, t: run(x, t, kind="cosine"),
        "alone, 10 nn local": lambda r, n, x, c, t: run(x, t, kind="local"),
        "alone, 15 nn cosine": lambda r, n, x, c, t: run(x, t, kind="cosine", neighbours=15),
        "alone, 7 nn binary": lambda r, n, x, c, t: run(x, t, neighbours=7),
        "alone, 13 nn binary": lambda r, n, x, c, t: run(x, t, neighbours=13),
        "alone, eigengap": lambda r, n, x, c, t: run(x, t, choose="eigengap"),
        "clauses, 10 nn binary": lambda r, n, x, c, t: run(c, t),
        "alone+words 0.1": lambda r, n, x, c, t: run(join(x, word_vectors(n), 0.1), t),
        "alone+words 0.2": lambda r, n, x, c, t: run(join(x, word_vectors(n), 0.2), t),
        "alone+words 0.3": lambda r, n, x, c, t: run(join(x, word_vectors(n), 0.3), t),
        "alone+words 0.2 cosine": lambda r, n, x, c, t: run(
            join(x, word_vectors(n), 0.2), t, kind="cosine"
        ),
        "alone+concepts 0.1": lambda r, n, x, c, t: run(join(x, concept_vectors(r), 0.1), t),
    }
    round2: dict[str, Callable[..., str]] = {
        "alone, shipped graph": round1["alone, shipped graph"],
        "alone, 10 nn cosine": round1["alone, 10 nn cosine"],
        "alone+concepts 0.05": lambda r, n, x, c, t: run(join(x, concept_vectors(r), 0.05), t),
        "alone+concepts 0.1": round1["alone+concepts 0.1"],
        "alone+concepts 0.15": lambda r, n, x, c, t: run(join(x, concept_vectors(r), 0.15), t),
        "alone+concepts 0.1 cosine": lambda r, n, x, c, t: run(
            join(x, concept_vectors(r), 0.1), t, kind="cosine"
        ),
        "alone+concepts 0.1+words 0.1": lambda r, n, x, c, t: run(
            join(
                x,
                csr_matrix(
                    hstack([concept_vectors(r) * math.sqrt(0.5), word_vectors(n) * math.sqrt(0.5)])
                ),
                0.2,
            ),
            t,
        ),
        "alone+concepts 0.1+words 0.1 cosine": lambda r, n, x, c, t: run(
            join(
                x,
                csr_matrix(
                    hstack([concept_vectors(r) * math.sqrt(0.5), word_vectors(n) * math.sqrt(0.5)])
                ),
                0.2,
            ),
            t,
            kind="cosine",
        ),
        "alone+words 0.1 cosine": lambda r, n, x, c, t: run(
            join(x, word_vectors(n), 0.1), t, kind="cosine"
        ),
        "alone+static 0.3": lambda r, n, x, c, t, st: run(join(x, csr_matrix(st), 0.3), t),
    }
    makers = round1 if args.round == 1 else round2
    for name, make in makers.items():
        if args.only and not any(o in name for o in args.only):
            continue
        cells, means = [], []
        for s, (raw, truth, norm, x, c, st) in enumerate(data):
            given, auto, found = [], [], []
            for sample in samples:
                rows = sample[s]
                args_ = (
                    [raw[i] for i in rows],
                    [norm[i] for i in rows],
                    x[rows],
                    c[rows],
                    [truth[i] for i in rows],
                )
                out = make(*args_, st[rows]) if "static" in name else make(*args_)
                a, b = out.split(" | ")
                given.append(float(a))
                auto.append(float(b.split()[0]))
                found.append(int(b.split("(")[1].split(")")[0]))
            cells.append(f"{np.mean(given):.3f} / {np.mean(auto):.3f} ({np.mean(found):.1f})")
            means.append((np.mean(given), np.mean(auto)))
        m = np.mean(means, axis=0)
        print(f"| {name} | " + " | ".join(cells) + f" | {m[0]:.3f} / {m[1]:.3f} |", flush=True)


def main() -> None:
    global TRUTH
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", nargs="*", default=None, help="variant names containing")
    parser.add_argument("--resample", type=int, default=0, help="R random 80%% samples")
    parser.add_argument("--round", type=int, default=2, choices=[1, 2], help="variant list")
    args = parser.parse_args()
    if args.resample:
        resampled(args)
        return
    print("| set | variant | ARI given | ARI auto (themes) |")
    print("| --- | --- | --- | --- |")
    for path in SETS:
        raw, TRUTH = load(path)
        norm = [normalise(t) for t in raw]
        for name, fn in variants(raw, norm).items():
            if args.only and not any(o in name for o in args.only):
                continue
            print(f"| {path.stem} | {name} | {fn()} |", flush=True)
            sys.stdout.flush()


if __name__ == "__main__":
    main()
