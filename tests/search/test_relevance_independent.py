"""Ranking quality on the independent relevance set (tests/search/relevance_independent/,
written by another author who saw neither the synonyms nor the first set): used only to
validate, never to tune. Runs its own scorer (import-hsds and /api/v1/search on a throwaway
database) in a child process and checks the floor, and that the engine beats plain
all-MiniLM-L6-v2 cosine similarity with a 40 km radius on the same data.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FOLDER = Path(__file__).resolve().parent / "relevance_independent"
#: measured 0.706 with typos read as the words meant and named places used as the place
#: (SQLite, 2026-11-29; 0.681 with the need lexicon alone, decision 0010; 0.589 before it);
#: the MiniLM + 40 km baseline scores 0.552
HYBRID_FLOOR = 0.69


def _scorer() -> Path:
    scorer = FOLDER / "evaluate.py"
    if not scorer.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"The independent relevance set must be at {FOLDER} in CI.")
        pytest.skip(f"The independent relevance set is not at {FOLDER} on this branch")
    return scorer


def _reports(stdout: str) -> list[dict]:
    """The scorer's JSON report, wherever it starts in its output (log lines may come first)."""
    decoder = json.JSONDecoder()
    for line_start in [0, *(i + 1 for i, c in enumerate(stdout) if c == "\n")]:
        if stdout.startswith(("[", "{"), line_start):
            try:
                found, _end = decoder.raw_decode(stdout, line_start)
            except json.JSONDecodeError:
                continue
            if isinstance(found, dict) and "run" in found:
                return [found]  # one run is printed as one object
            if isinstance(found, list) and all(isinstance(r, dict) for r in found):
                return found
    raise AssertionError(f"no report in the scorer's output: {stdout[-2000:]}")


def test_hybrid_stays_above_its_floor_and_beats_plain_minilm_with_a_radius() -> None:
    scorer = _scorer()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    done = subprocess.run(
        [sys.executable, str(scorer), "--mode", "hybrid"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=1800,
        check=True,
    )
    (hybrid,) = [r for r in _reports(done.stdout) if r.get("run") == "app:hybrid"]
    sys.path.insert(0, str(ROOT / "benchmarks" / "search"))
    from minilm_radius_baseline import baseline

    plain = baseline(FOLDER)
    summary = {"hybrid": hybrid["ndcg@10"], "minilm_40km": plain["ndcg@10"]}
    print(f"\nindependent relevance set: {summary}")
    assert not hybrid["errors"], hybrid["errors"]
    assert hybrid["ndcg@10"] >= HYBRID_FLOOR, summary
    assert hybrid["ndcg@10"] > plain["ndcg@10"], summary
