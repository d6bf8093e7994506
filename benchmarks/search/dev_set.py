"""The search engineer's development set: the project's relevance set (48 English need
statements, 310 services) plus 60 of its own translations (10 of those statements in Polish,
Arabic, Simplified Chinese, Ukrainian, Gaelic and Scots, `tests/search/relevance/
queries_multilingual.jsonl`, written from the project set, never from the independent set).
A translated statement keeps its original's grades.

    PYTHONPATH=src python benchmarks/search/dev_set.py [--modes hybrid,semantic]
    (LINKWORK_EMBEDDING_MODEL=multilingual-e5-small-q4 for the E5 model, LINKWORK_SEARCH_LEXICON=0
    without the need lexicon)

Prints nDCG@10 per mode for English and for each language, as JSON. Tune on this; validate
on tests/search/relevance_independent/ only.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MULTILINGUAL = ROOT / "tests" / "search" / "relevance" / "queries_multilingual.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--modes", default="lexical,semantic,hybrid")
    parser.add_argument("--per-query", action="store_true", help="also each statement's nDCG")
    parser.add_argument(
        "--baseline", action="store_true", help="also plain MiniLM cosine (no place, no words)"
    )
    parser.add_argument(
        "--variants",
        default="",
        help="engine settings to compare, e.g. 'LEXICAL_SHARE=0.3;DIALECT=off' (one run each)",
    )
    parser.add_argument("--only", default="", help="slices to score, comma-separated prefixes")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lw-dev-") as tmp:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/dev.sqlite3"
        os.environ.setdefault("TASKS_BACKEND", "immediate")
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "linkwork.settings")
        sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        with contextlib.redirect_stdout(sys.stderr):  # place names and areas, as deployed
            call_command("load-places", verbosity=0)
        modes = args.modes.split(",")
        only = [p for p in args.only.split(",") if p]
        if not args.variants:
            print(json.dumps(run(modes, args.per_query, args.baseline, only), indent=1))
            return
        from linkwork.search import engine

        loaded = False
        for variant in args.variants.split(";"):
            saved = {}
            for setting in filter(None, variant.split(",")):
                name, value = setting.split("=", 1)
                saved[name] = getattr(engine, name)
                setattr(engine, name, _cast(saved[name], value))
            out = run(modes, args.per_query, False, only, load=not loaded)
            loaded = True
            print(json.dumps({"variant": variant or "default", **out}), flush=True)
            for name, value in saved.items():
                setattr(engine, name, value)


def _cast(old: object, value: str) -> object:
    """A setting's new value, of the type of its old one."""
    if isinstance(old, bool):
        return value.lower() in {"1", "true", "yes"}
    return type(old)(value) if old is not None else value


def run(
    modes: list[str],
    per_query: bool = False,
    baseline: bool = False,
    only: list[str] | None = None,
    load: bool = True,
) -> dict[str, object]:
    from tests.search.relevance.loader import (
        dev_queries,
        load_directory,
        relevance_set,
        service_uuid,
    )

    from linkwork.directory.search_backend import SearchParams, search
    from linkwork.search.embedding import get_embedder
    from linkwork.search.evaluation import Judged, evaluate
    from linkwork.search.indexing import rebuild_index

    rel = relevance_set()
    if load:
        load_directory(rel)
        rebuild_index()
    key_of = {service_uuid(s["id"]): s["id"] for s in rel.services}
    by_id = {q.id: q for q in rel.queries}
    slices: dict[str, list[Judged]] = {"en": list(rel.queries)}
    for line in MULTILINGUAL.read_text(encoding="utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            judged = Judged(raw["id"], raw["text"], by_id[raw["of"]].grades)
            slices.setdefault(raw["lang"], []).append(judged)
    slices["en-subset"] = [by_id[q.id.split("-")[1]] for q in slices["pl"]]
    for name, judged in dev_queries(rel).items():
        slices[f"dev-{name}"] = judged
    if only:
        slices = {k: v for k, v in slices.items() if any(k.startswith(p) for p in only)}
    out: dict[str, object] = {"model": get_embedder().name}
    if baseline:
        modes = [*modes, "plain-minilm"]
        embedder = get_embedder()
        keys = [s["id"] for s in rel.services]
        matrix = embedder.encode([f"{s['name']}. {s['description']}" for s in rel.services])
    for mode in modes:

        def rank(text: str, mode: str = mode) -> list[str]:
            if mode == "plain-minilm":  # what the issue compares with (no postcode: no radius)
                sims = matrix @ embedder.encode_query(text)
                return [keys[i] for i in sims.argsort()[::-1][:50]]
            page = search(SearchParams(q=text, mode=mode, per_page=50))
            return [key_of[h.service_id] for h in page.hits]

        scores = {name: evaluate(rank, queries) for name, queries in slices.items()}
        out[mode] = {name: round(s.ndcg10, 3) for name, s in scores.items()}
        if per_query:
            out[f"{mode}-per-query"] = {
                name: {k: round(v, 2) for k, v in s.per_query.items()}
                for name, s in scores.items()
                if name.startswith("dev-")
            }
    return out


if __name__ == "__main__":
    main()
