"""Two diagnostics of `linkwork themes` on this set (black box, through the CLI).

1. Second themes: of the answers that land outside their found theme's majority hand theme
   (k given, seed 0), how many have that majority theme as their `second_theme`, and the ARI
   if those answers were labelled by their second theme instead (a lenient reading).
2. Note shorthand: `link-worker-gathering` again with the notes' abbreviations written out
   (LW -> link worker, grp -> group, prac -> practice, ...) and facilitator prefixes
   ("Table 3:", "Grp felt") removed; labels unchanged.

Usage (from the repository root):

    python benchmarks/engagement/independent_3/diagnostics.py
"""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
sys.path.insert(0, str(HERE.parent / "independent_2"))
from evaluate import adjusted_rand_index  # noqa: E402

ABBREVIATIONS = {
    r"\bLWs\b": "link workers",
    r"\bLW\b": "link worker",
    r"\bgrp\b": "group",
    r"\bGrp\b": "Group",
    r"\bprac\b": "practice",
    r"\bpts\b": "patients",
    r"\bppl\b": "people",
    r"\bw/": "with ",
    r"\bb/c\b": "because",
    r"\bPM\b": "practice manager",
    r"\bFTCs?\b": "fixed-term contracts",
    r"\b[Mm]gr\b": "manager",
}
PREFIX = re.compile(
    r"^(Table \d+|Breakout [A-D]|Notes from table \d+|Group|Grp)"
    r"( notes| main points| -|:)*[:\- ]*(felt|agreed|noted|discussed)?:?\s*",
    re.IGNORECASE,
)


def themes(texts: list[str], k: int | None) -> list[object]:
    """One found theme per text from `linkwork themes` (seed 0)."""
    with tempfile.TemporaryDirectory(prefix="evalthemes3-") as tmp:
        path = Path(tmp) / "answers.csv"
        with path.open("w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(["answer"])
            writer.writerows([t] for t in texts)
        cmd = [sys.executable, "-m", "linkwork", "themes", "--input", str(path)]
        cmd += ["--text-column", "answer", "--seed", "0"]
        if k is not None:
            cmd += ["--themes", str(k)]
        env = dict(os.environ, PYTHONPATH=str(REPO / "src"), LINKWORK_VAR_DIR=tmp)
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    found = {int(i): t for i, t in json.loads(done.stdout)["assignments"].items()}
    return [found.get(i, "__unassigned__") for i in range(1, len(texts) + 1)]


def expand(text: str) -> str:
    for pattern, words in ABBREVIATIONS.items():
        text = re.sub(pattern, words, text)
    return PREFIX.sub("", text) or text


def main() -> None:
    with (HERE / "answers.csv").open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for consultation in ("growing-older", "link-worker-gathering"):
        rs = [r for r in rows if r["consultation"] == consultation]
        truth = [r["theme"] for r in rs]
        pred = themes([r["text"] for r in rs], len(set(truth)))
        majority = {
            p: Counter(t for t, q in zip(truth, pred, strict=True) if q == p).most_common(1)[0][0]
            for p in set(pred)
        }
        outside = [i for i, t in enumerate(truth) if t != majority[pred[i]]]
        by_second = {i for i in outside if rs[i]["second_theme"] == majority[pred[i]]}
        lenient = [rs[i]["second_theme"] if i in by_second else t for i, t in enumerate(truth)]
        short = [i for i, r in enumerate(rs) if len(r["text"].split()) <= 3]
        print(
            f"{consultation} (k given, seed 0): ARI {adjusted_rand_index(truth, pred):.3f}; "
            f"outside their found theme's majority {len(outside)}/{len(rs)}, of which "
            f"{len(by_second)} have it as second theme (answers with a second theme: "
            f"{sum(1 for r in rs if r['second_theme'])}); ARI if those took their second "
            f"theme {adjusted_rand_index(lenient, pred):.3f}; answers of 3 words or fewer "
            f"outside the majority {len(set(short) & set(outside))}/{len(short)}"
        )
        if consultation == "link-worker-gathering":
            texts = [expand(r["text"]) for r in rs]
            changed = sum(1 for r, t in zip(rs, texts, strict=True) if r["text"] != t)
            for k in (len(set(truth)), None):
                pred = themes(texts, k)
                print(
                    f"{consultation} shorthand written out ({changed} notes changed), "
                    f"k {'given' if k else 'automatic'}, seed 0: {len(set(pred))} themes, "
                    f"ARI {adjusted_rand_index(truth, pred):.3f}"
                )


if __name__ == "__main__":
    main()
