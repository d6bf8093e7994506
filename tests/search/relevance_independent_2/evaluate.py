"""Score Linkwork's /api/v1/search against the second independent set (see README.md).

    PYTHONPATH=src /work/main/.venv/bin/python tests/search/relevance_independent_2/evaluate.py \
        [--mode hybrid|lexical|semantic|all] [--baseline keyword|minilm|all] [--per-query]
        [--set-dir DIR]

`--set-dir` scores another set of the same format (a folder with directory.json and
queries.json, e.g. tests/search/relevance_independent_3); the default is this folder.

The scorer of the first independent set (tests/search/relevance_independent/evaluate.py),
copied so that this set does not change when that one does, with three changes: a query with
no postcode is sent without one (not as "None"), `--baseline minilm` scores plain
all-MiniLM-L6-v2 cosine similarity with a 40 km radius (benchmarks/search/
minilm_radius_baseline.py), and the per-query figures are printed only with --per-query.

Builds a throwaway SQLite database in a temporary LINKWORK_VAR_DIR through the real CLI
(migrate, load-places, import-hsds directory.json, rebuild-search-index), then asks the real
endpoint through Django's test client, one request per query (its text and postcode), and
prints nDCG@10 overall and per category as JSON. A query the app answers with an error counts
as 0 and is listed under "errors". `--baseline keyword` needs no app: plain keyword overlap
between the query and each service's text, within 40 km of the query's postcode (services with
no location always qualify), computed here from directory.json.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
POSTCODES = ROOT / "src" / "linkwork" / "places" / "pack" / "postcodes.csv.gz"
K = 10


def ndcg(ranked: list[str], grades: dict[str, int], k: int = K) -> float:
    def dcg(gs: list[int]) -> float:
        return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gs[:k]))

    ideal = dcg(sorted(grades.values(), reverse=True))
    if ideal == 0:
        return 0.0
    return dcg([grades.get(sid, 0) for sid in ranked]) / ideal


def summarise(
    label: str, queries: list[dict], rankings: dict[str, list[str]], errors: list[dict]
) -> dict:
    per_query: dict[str, float] = {}
    by_cat: dict[str, list[float]] = {}
    for q in queries:
        grades = {j["service_id"]: j["grade"] for j in q["judgements"]}
        score = ndcg(rankings.get(q["id"], []), grades)
        per_query[q["id"]] = round(score, 4)
        by_cat.setdefault(q["category"], []).append(score)
    allscores = list(per_query.values())
    return {
        "run": label,
        "queries": len(queries),
        "ndcg@10": round(sum(allscores) / len(allscores), 4),
        "by_category": {c: round(sum(v) / len(v), 4) for c, v in sorted(by_cat.items())},
        "errors": errors,
        "no_results": [q["id"] for q in queries if q["id"] in rankings and not rankings[q["id"]]],
        "per_query": per_query,
    }


# --- keyword baseline --------------------------------------------------------------------

STOP = set(
    """a an and are as at be but by can do for from get go had has have i i'm im in is it its
    just me my of on or our so that the them there they this to up us was we what with you your
    near need needs help support someone want wants would could""".split()  # noqa: SIM905
)


def words(text: str) -> set[str]:
    text = unicodedata.normalize("NFKC", text).lower()
    return {w for w in re.findall(r"\w+", text) if w not in STOP and len(w) > 1}


def km(a: float, b: float, c: float, d: float) -> float:
    p1, p2 = math.radians(a), math.radians(c)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(d - b) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def keyword_rankings(queries: list[dict], directory: dict) -> dict[str, list[str]]:
    with gzip.open(POSTCODES, "rt") as f:
        where = {
            r["postcode"]: (float(r["latitude"]), float(r["longitude"]))
            for r in csv.DictReader(f)
            if r["latitude"]
        }
    docs = []
    for s in directory["contents"]:
        text = " ".join(
            [
                s["name"],
                s.get("description", ""),
                s["organization"]["name"],
                s.get("eligibility_description", ""),
            ]
            + [a["name"] for a in s.get("service_areas", [])]
        )
        locs = [sal["location"] for sal in s.get("service_at_locations", [])]
        # a location may have no coordinates (e.g. a postal address): no point, like no location
        point = (
            (locs[0]["latitude"], locs[0]["longitude"])
            if locs and locs[0].get("latitude") is not None
            else None
        )
        docs.append((s["id"], s["name"], words(text), point))
    out: dict[str, list[str]] = {}
    for q in queries:
        qw = words(q["text"])
        origin = where.get(q["postcode"]) if q["postcode"] else None
        scored = []
        for sid, name, dw, point in docs:
            overlap = len(qw & dw)
            if not overlap:
                continue
            dist = km(*origin, *point) if origin and point else 0.0
            if origin and point and dist > 40:
                continue
            scored.append((-overlap, dist, name, sid))
        out[q["id"]] = [sid for *_, sid in sorted(scored)[:K]]
    return out


# --- the real app ------------------------------------------------------------------------


def cli(env: dict[str, str], *args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "linkwork", *args], env=env, cwd=ROOT, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(
            f"linkwork {' '.join(args)} failed ({done.returncode}):\n"
            f"{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
        )
    return None


def app_rankings(
    queries: list[dict], modes: list[str], set_dir: Path = HERE
) -> dict[str, tuple[dict[str, list[str]], list[dict]]]:
    var = tempfile.mkdtemp(prefix="linkwork-relevance-independent-")
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    env["LINKWORK_VAR_DIR"] = var
    src = str(ROOT / "src")
    env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    for step in (
        ("migrate", "--no-input"),
        ("load-places",),
        ("import-hsds", str(set_dir / "directory.json")),
        ("rebuild-search-index",),
    ):
        print("linkwork", *step, file=sys.stderr)
        cli(env, *step)
    os.environ.pop("DATABASE_URL", None)
    os.environ["LINKWORK_VAR_DIR"] = var
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "linkwork.settings")
    if src not in sys.path:
        sys.path.insert(0, src)
    import django

    django.setup()
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    client = Client()
    headers: dict[str, str] = {}
    results: dict[str, tuple[dict[str, list[str]], list[dict]]] = {}
    for mode in modes:
        rankings: dict[str, list[str]] = {}
        errors: list[dict] = []
        for q in queries:
            params = {"q": q["text"], "mode": mode, "per_page": K}
            if q["postcode"]:
                params["postcode"] = q["postcode"]
            try:
                resp = client.get("/api/v1/search", params, headers=headers)
                if resp.status_code in (401, 403) and not headers:
                    headers = {"Authorization": "Bearer " + _token(env)}
                    resp = client.get("/api/v1/search", params, headers=headers)
                if resp.status_code != 200:
                    errors.append(
                        {
                            "query": q["id"],
                            "status": resp.status_code,
                            "detail": resp.content.decode("utf-8", "replace")[:300],
                        }
                    )
                    continue
                rankings[q["id"]] = [str(r["id"]) for r in resp.json()["results"]][:K]
            except Exception as exc:
                errors.append({"query": q["id"], "status": "exception", "detail": repr(exc)[:300]})
        results[mode] = (rankings, errors)
    return results


def _token(env: dict[str, str]) -> str:
    """A personal API token for a throwaway staff user (only if the endpoint asks for one)."""
    from django.contrib.auth import get_user_model

    get_user_model().objects.get_or_create(username="relevance-eval", defaults={"is_staff": True})
    done = subprocess.run(
        [sys.executable, "-m", "linkwork", "create-token", "relevance-eval"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--mode", choices=["hybrid", "lexical", "semantic", "all"], default="hybrid"
    )
    parser.add_argument(
        "--baseline",
        choices=["keyword", "minilm", "all"],
        help="score a baseline instead of the app (keyword: word overlap, minilm: plain "
        "all-MiniLM-L6-v2 cosine; both keep services within 40 km of the postcode)",
    )
    parser.add_argument("--per-query", action="store_true", help="print every query's score")
    parser.add_argument(
        "--rankings", action="store_true", help="print the app's top 10 (grade and name) per query"
    )
    parser.add_argument(
        "--set-dir",
        type=Path,
        default=HERE,
        help="folder of the set to score (directory.json and queries.json); default: this one",
    )
    args = parser.parse_args(argv)
    report = run(
        args.mode,
        args.baseline,
        args.per_query or args.rankings,
        args.rankings,
        set_dir=args.set_dir.resolve(),
    )
    print(json.dumps(report, indent=1, ensure_ascii=False))


def minilm_report(set_dir: Path = HERE) -> dict:
    """The MiniLM + 40 km radius baseline of benchmarks/search/minilm_radius_baseline.py."""
    import importlib.util

    path = ROOT / "benchmarks" / "search" / "minilm_radius_baseline.py"
    spec = importlib.util.spec_from_file_location("minilm_radius_baseline", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.baseline(set_dir)


def run(
    mode: str = "hybrid",
    baseline: str | None = None,
    per_query: bool = False,
    rankings: bool = False,
    set_dir: Path = HERE,
) -> list[dict]:
    """The summaries (one per run) as dicts; what main() prints."""
    queries: list[dict] = json.loads((set_dir / "queries.json").read_text())["queries"]
    directory: dict[str, Any] = json.loads((set_dir / "directory.json").read_text())
    report: list[dict] = []
    if baseline in ("keyword", "all"):
        report.append(
            summarise("baseline:keyword(40km)", queries, keyword_rankings(queries, directory), [])
        )
    if baseline in ("minilm", "all"):
        report.append(minilm_report(set_dir))
    if not baseline:
        modes = ["hybrid", "lexical", "semantic"] if mode == "all" else [mode]
        ranked = app_rankings_cached(queries, modes, set_dir)
        report = [summarise(f"app:{m}", queries, *ranked[m]) for m in modes]
        if rankings:
            names = {s["id"]: s["name"] for s in directory["contents"]}
            for m, r in zip(modes, report, strict=True):
                r["rankings"] = {
                    q["id"]: [
                        f"{grades.get(sid, 0)} {names.get(sid, sid)}"
                        for sid in ranked[m][0].get(q["id"], [])
                    ]
                    for q in queries
                    for grades in [{j["service_id"]: j["grade"] for j in q["judgements"]}]
                }
    for r in report:
        if r["errors"]:
            print(
                f"NOTE: {len(r['errors'])} queries returned an error in {r['run']}; "
                "each counts as 0.",
                file=sys.stderr,
            )
    if not per_query:
        for r in report:
            r.pop("per_query", None)
    return report


_CACHE: dict[str, tuple[dict[str, list[str]], list[dict]]] = {}


def app_rankings_cached(
    queries: list[dict], modes: list[str], set_dir: Path = HERE
) -> dict[str, tuple[dict[str, list[str]], list[dict]]]:
    if not _CACHE:
        _CACHE.update(app_rankings(queries, modes, set_dir))
    return _CACHE


if __name__ == "__main__":
    main()
