"""Independent check of `linkwork themes` on a held-out labelled set (answers.csv).

The method is used only as a black box, through its command line; the sentence embedder
is used only through `get_embedder().encode(texts)` for the embedding baseline.

For each consultation in answers.csv it runs

* `linkwork themes` with the true number of themes given (`--themes k`) and with the number
  chosen automatically, for seeds 0, 1 and 2;
* TF-IDF + k-means (scikit-learn, k given, n_init 10) for the same seeds;
* embedder + k-means (k given, n_init 10) for the same seeds;
* random assignment into k groups, as a floor,

and prints adjusted Rand index (ARI), normalised mutual information (NMI, arithmetic
normalisation) and purity against the hand labels. The metrics are implemented here (numpy)
and checked before every run against hand-worked cases and, if installed, sklearn.metrics.

Usage (from the repository root):

    python benchmarks/engagement/independent_2/evaluate.py [--src /work/main/src]
        [--json results.json]
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import TypedDict

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
SEEDS = (0, 1, 2)


# --------------------------------------------------------------------------- metrics


def _contingency(truth: Sequence[object], pred: Sequence[object]) -> np.ndarray:
    if len(truth) != len(pred):
        raise ValueError("truth and pred differ in length")
    t_index = {v: i for i, v in enumerate(sorted(set(truth), key=str))}
    p_index = {v: i for i, v in enumerate(sorted(set(pred), key=str))}
    table: np.ndarray = np.zeros((len(t_index), len(p_index)), dtype=np.int64)
    for t, p in zip(truth, pred, strict=True):
        table[t_index[t], p_index[p]] += 1
    return table


def _comb2(x: np.ndarray | int) -> np.ndarray | float:
    return np.asarray(x, dtype=np.float64) * (np.asarray(x, dtype=np.float64) - 1) / 2


def adjusted_rand_index(truth: Sequence[object], pred: Sequence[object]) -> float:
    """Hubert & Arabie's ARI from the contingency table."""
    table = _contingency(truth, pred)
    n = int(table.sum())
    sum_cells = float(np.sum(_comb2(table)))
    sum_rows = float(np.sum(_comb2(table.sum(axis=1))))
    sum_cols = float(np.sum(_comb2(table.sum(axis=0))))
    total = float(_comb2(n))
    expected = sum_rows * sum_cols / total if total else 0.0
    maximum = (sum_rows + sum_cols) / 2
    if maximum == expected:  # both partitions trivial (all one group or all singletons)
        return 1.0
    return (sum_cells - expected) / (maximum - expected)


def _entropy(counts: np.ndarray) -> float:
    p = counts[counts > 0] / counts.sum()
    return float(-np.sum(p * np.log(p)))


def normalized_mutual_info(truth: Sequence[object], pred: Sequence[object]) -> float:
    """NMI with the arithmetic mean of the two entropies (sklearn's default)."""
    table: np.ndarray = _contingency(truth, pred).astype(np.float64)
    n = table.sum()
    h_t = _entropy(table.sum(axis=1))
    h_p = _entropy(table.sum(axis=0))
    if h_t == 0 and h_p == 0:
        return 1.0
    if h_t == 0 or h_p == 0:
        return 0.0
    rows = table.sum(axis=1, keepdims=True)
    cols = table.sum(axis=0, keepdims=True)
    nz = table > 0
    mi = float(np.sum((table[nz] / n) * np.log((table[nz] * n) / (rows @ cols)[nz])))
    return max(0.0, mi / ((h_t + h_p) / 2))


def purity(truth: Sequence[object], pred: Sequence[object]) -> float:
    """Share of answers whose predicted group's most common true theme is their own."""
    table = _contingency(truth, pred)
    return float(table.max(axis=0).sum() / table.sum())


def self_test() -> str:
    """Check the metrics against hand-worked values and, if present, sklearn.metrics."""
    same = ["a", "a", "b", "b", "c", "c"]
    relabelled = [2, 2, 0, 0, 1, 1]
    assert math.isclose(adjusted_rand_index(same, relabelled), 1.0)
    assert math.isclose(normalized_mutual_info(same, relabelled), 1.0)
    assert math.isclose(purity(same, relabelled), 1.0)
    # Worked by hand: truth {0,0,1,1}, pred {0,1,0,1}: no pair agrees -> ARI = -0.5, MI = 0.
    assert math.isclose(adjusted_rand_index([0, 0, 1, 1], [0, 1, 0, 1]), -0.5)
    assert math.isclose(normalized_mutual_info([0, 0, 1, 1], [0, 1, 0, 1]), 0.0, abs_tol=1e-12)
    assert math.isclose(purity([0, 0, 1, 1], [0, 1, 0, 1]), 0.5)
    # Everything in one group: purity = share of the biggest theme, ARI = 0.
    assert math.isclose(purity([0, 0, 0, 1], [5, 5, 5, 5]), 0.75)
    assert math.isclose(adjusted_rand_index([0, 0, 0, 1], [5, 5, 5, 5]), 0.0)
    # Singletons: purity is trivially 1 (why purity alone flatters many small themes).
    assert math.isclose(purity([0, 0, 1, 1], [0, 1, 2, 3]), 1.0)
    try:
        from sklearn import metrics
    except ImportError:
        return "hand-worked cases only (scikit-learn not installed)"
    rng = np.random.default_rng(7)
    for _ in range(200):
        n = int(rng.integers(2, 300))
        t = rng.integers(0, int(rng.integers(1, 10)), size=n).tolist()
        p = rng.integers(0, int(rng.integers(1, 12)), size=n).tolist()
        assert math.isclose(
            adjusted_rand_index(t, p), metrics.adjusted_rand_score(t, p), abs_tol=1e-9
        ), (t, p)
        assert math.isclose(
            normalized_mutual_info(t, p), metrics.normalized_mutual_info_score(t, p), abs_tol=1e-9
        ), (t, p)
        table = metrics.cluster.contingency_matrix(t, p)
        assert math.isclose(purity(t, p), table.max(axis=0).sum() / table.sum(), abs_tol=1e-12)
    return "hand-worked cases and 200 random cases against sklearn.metrics agree"


# --------------------------------------------------------------------------- runs


class Answer(TypedDict):
    id: str
    consultation: str
    question: str
    text: str
    theme: str


class Run(TypedDict):
    consultation: str
    method: str
    seed: int
    k: int
    ari: float
    nmi: float
    purity: float
    seconds: float
    note: str


def load_answers(path: Path) -> dict[str, list[Answer]]:
    by_consultation: dict[str, list[Answer]] = defaultdict(list)
    with path.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            by_consultation[row["consultation"]].append(
                Answer(
                    id=row["id"],
                    consultation=row["consultation"],
                    question=row["question"],
                    text=row["text"],
                    theme=row["theme"],
                )
            )
    return dict(by_consultation)


def score(
    consultation: str,
    method: str,
    seed: int,
    truth: list[str],
    pred: list[object],
    seconds: float,
    note: str = "",
) -> Run:
    return Run(
        consultation=consultation,
        method=method,
        seed=seed,
        k=len(set(pred)),
        ari=adjusted_rand_index(truth, pred),
        nmi=normalized_mutual_info(truth, pred),
        purity=purity(truth, pred),
        seconds=seconds,
        note=note,
    )


def run_cli(
    texts: list[str], k: int | None, seed: int, src: Path, python: str, var_dir: Path
) -> tuple[list[object], float, str, list[dict[str, object]]]:
    """Run `linkwork themes` on the texts; return one theme per answer, seconds, stderr, themes."""
    with tempfile.TemporaryDirectory(prefix="evalthemes-") as tmp:
        csv_path = Path(tmp) / "answers.csv"
        with csv_path.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["answer"])
            w.writerows([t] for t in texts)
        cmd = [
            python,
            "-m",
            "linkwork",
            "themes",
            "--input",
            str(csv_path),
            "--text-column",
            "answer",
            "--seed",
            str(seed),
        ]
        if k is not None:
            cmd += ["--themes", str(k)]
        env = dict(os.environ, PYTHONPATH=str(src), LINKWORK_VAR_DIR=str(var_dir))
        started = time.perf_counter()
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=REPO)
        seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr[-2000:]}")
    out = json.loads(done.stdout)
    assignments = {int(row): theme for row, theme in out["assignments"].items()}
    # Any answer the method leaves unassigned counts as one extra group of its own.
    pred: list[object] = [assignments.get(i, "__unassigned__") for i in range(1, len(texts) + 1)]
    missing = sum(1 for p in pred if p == "__unassigned__")
    note = done.stderr.strip().replace("\n", " ")
    if missing:
        note = f"{missing} answers unassigned; " + note
    return pred, seconds, note, list(out["themes"])


def confidence(note: str) -> str:
    """The method's own 'Confidence: ...' word from its stderr message, if it gives one."""
    found = re.search(r"Confidence:\s*(\w+)", note)
    return found.group(1) if found else "-"


def theme_breakdown(
    truth: list[str], pred: list[object], themes: list[dict[str, object]]
) -> list[str]:
    """One line per found theme: its label, size and the hand themes inside it."""
    labels = {t["id"]: str(t["label"]) for t in themes}
    lines = []
    members: dict[object, list[str]] = defaultdict(list)
    for t, p in zip(truth, pred, strict=True):
        members[p].append(t)
    for p, ts in sorted(members.items(), key=lambda item: -len(item[1])):
        top = ", ".join(f"{name} {n}" for name, n in Counter(ts).most_common(3))
        lines.append(f"{labels.get(p, p)!s} ({len(ts)}): {top}")
    return lines


def separability(x: object, truth: list[str], seed: int) -> tuple[float, float]:
    """Accuracy and ARI of 5-fold cross-validated logistic regression on the hand labels.

    Not a clustering method: it shows how well the representation separates the hand themes
    when it is told them, i.e. how much of a clustering shortfall is the labels' fault.
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)
    pred = cross_val_predict(LogisticRegression(max_iter=2000, C=10.0), x, truth, cv=folds)
    accuracy = float(np.mean(np.asarray(pred) == np.asarray(truth)))
    return accuracy, adjusted_rand_index(truth, list(pred))


def kmeans(x: np.ndarray, k: int, seed: int) -> list[object]:
    from sklearn.cluster import KMeans

    return KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(x).tolist()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=Path, default=HERE / "answers.csv")
    parser.add_argument(
        "--src",
        type=Path,
        default=REPO / "src",
        help="source tree whose `linkwork` is evaluated (default: this one)",
    )
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument(
        "--var-dir", type=Path, default=Path(tempfile.gettempdir()) / "evalthemes-var"
    )
    parser.add_argument("--json", type=Path, help="also write every run to this file")
    args = parser.parse_args()

    print("metrics self-test:", self_test())
    args.var_dir.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(args.src))
    try:
        import sklearn  # noqa: F401

        have_sklearn = True
    except ImportError:
        have_sklearn = False
        print(
            "scikit-learn is NOT installed: the TF-IDF and embedding k-means baselines are skipped"
        )

    runs: list[Run] = []
    for consultation, answers in load_answers(args.answers).items():
        texts = [a["text"] for a in answers]
        truth = [a["theme"] for a in answers]
        k = len(set(truth))
        print(
            f"\n{consultation}: {len(texts)} answers, {k} themes "
            f"({', '.join(f'{t} {n}' for t, n in sorted(Counter(truth).items()))})"
        )
        preds: dict[str, list[list[object]]] = defaultdict(list)
        for seed in SEEDS:
            for label, given in (
                ("linkwork themes, k given", k),
                ("linkwork themes, automatic", None),
            ):
                pred, secs, note, themes = run_cli(
                    texts, given, seed, args.src, args.python, args.var_dir
                )
                preds[label].append(pred)
                runs.append(score(consultation, label, seed, truth, pred, secs, note))
                print(
                    f"  {label:<28} seed {seed}: ARI {runs[-1]['ari']:.3f} "
                    f"k={runs[-1]['k']} confidence {confidence(note)} {secs:.1f}s"
                )
                if seed == 0:
                    for line in theme_breakdown(truth, pred, themes):
                        print(f"      {line}")
        again, _, _, _ = run_cli(texts, k, 0, args.src, args.python, args.var_dir)
        print(
            "  same seed twice (k given, seed 0) gives identical assignments:",
            "yes" if again == preds["linkwork themes, k given"][0] else "NO",
        )
        for label, ps in preds.items():
            pairs = [
                adjusted_rand_index(ps[i], ps[j])
                for i in range(len(ps))
                for j in range(i + 1, len(ps))
            ]
            print(
                f"  {label}: agreement between seeds (ARI of each pair) "
                + " / ".join(f"{a:.3f}" for a in pairs)
            )
        if have_sklearn:
            from sklearn.feature_extraction.text import TfidfVectorizer

            started = time.perf_counter()
            tfidf = TfidfVectorizer(sublinear_tf=True).fit_transform(texts)
            tfidf_secs = time.perf_counter() - started
            from linkwork.search.embedding import get_embedder

            started = time.perf_counter()
            embedder = get_embedder()
            vectors = np.asarray(embedder.encode(texts), dtype=np.float64)
            embed_secs = time.perf_counter() - started
            for seed in SEEDS:
                started = time.perf_counter()
                pred = kmeans(tfidf, k, seed)
                runs.append(
                    score(
                        consultation,
                        "TF-IDF + k-means, k given",
                        seed,
                        truth,
                        pred,
                        tfidf_secs + time.perf_counter() - started,
                    )
                )
                started = time.perf_counter()
                pred = kmeans(vectors, k, seed)
                runs.append(
                    score(
                        consultation,
                        "embedder + k-means, k given",
                        seed,
                        truth,
                        pred,
                        embed_secs + time.perf_counter() - started,
                        note=f"embedder {embedder.name}",
                    )
                )
        if have_sklearn:
            for name, x in (("TF-IDF", tfidf), ("embedder", vectors)):
                accuracy, ari = separability(x, truth, 0)
                print(
                    f"  diagnostic, supervised (5-fold logistic regression on {name} vectors, "
                    f"told the hand labels): accuracy {accuracy:.3f}, ARI {ari:.3f}"
                )
        for seed in SEEDS:
            rng = np.random.default_rng(seed)
            pred = rng.integers(0, k, size=len(texts)).tolist()
            runs.append(score(consultation, "random groups, k given", seed, truth, pred, 0.0))

    print_table(runs)
    if args.json:
        args.json.write_text(json.dumps(runs, indent=2) + "\n", encoding="utf-8")
    return 0


def print_table(runs: list[Run]) -> None:
    print(
        "\n| consultation | method | ARI mean (min-max) | NMI mean | purity mean | themes found "
        "| ARI per seed 0/1/2 | method's confidence | seconds per run |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    groups: dict[tuple[str, str], list[Run]] = defaultdict(list)
    for r in runs:
        groups[(r["consultation"], r["method"])].append(r)
    for (consultation, method), rs in groups.items():
        aris = [r["ari"] for r in rs]
        print(
            f"| {consultation} | {method} | {statistics.mean(aris):.3f} "
            f"({min(aris):.3f}-{max(aris):.3f}) | {statistics.mean(r['nmi'] for r in rs):.3f} "
            f"| {statistics.mean(r['purity'] for r in rs):.3f} "
            f"| {'/'.join(str(r['k']) for r in rs)} | {' / '.join(f'{a:.3f}' for a in aris)} "
            f"| {'/'.join(confidence(r['note']) for r in rs)} "
            f"| {statistics.mean(r['seconds'] for r in rs):.1f} |"
        )


if __name__ == "__main__":
    raise SystemExit(main())
