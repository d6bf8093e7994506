"""Ranking quality at scale: does what makes search fast at 100k services cost relevance?

    python benchmarks/search/bench_quality_at_scale.py [--size 100000] [--database-url URL]

Without URL it generates a throwaway SQLite directory of --size services with the search
benchmark's generator (as `bench_search.py --database-url URL` does for a kept one): every
service there is a copy of one of the relevance set's 310 hand-written services, so the
relevance set's grades carry over (a copy gets its original's grade). For the 48 need
statements this prints nDCG@10 and precision@10 (share of the top 10 graded 2 or 3) for
lexical, semantic and hybrid ranking, with the engine's pruning of common words, with other
cut-offs (--shares) and without pruning, so the price of pruning is measured, not assumed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default="")
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument(
        "--shares",
        default="",
        help="also measure with words held by more than these shares of services left out, "
        "e.g. 0.04,0.1,0.2 (the engine's own setting is always measured, and none left out)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lw-quality-") as tmp:
        os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{tmp}/quality.sqlite3"
        os.environ.setdefault("TASKS_BACKEND", "immediate")
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "linkwork.settings")
        sys.path[:0] = [str(ROOT / "src"), str(ROOT), str(Path(__file__).resolve().parent)]
        import django

        django.setup()
        if not args.database_url:
            from django.core.management import call_command
            from generate import ensure_postcodes, generate

            from linkwork.search.indexing import rebuild_index

            call_command("migrate", verbosity=0)
            generate(args.size)
            ensure_postcodes()
            rebuild_index()
        report(args.shares)


def report(shares: str) -> None:
    from tests.search.relevance.loader import relevance_set

    from linkwork.directory.models import Service
    from linkwork.directory.search_backend import SearchParams, search
    from linkwork.search import query
    from linkwork.search.evaluation import ndcg_at

    rel = relevance_set()
    source = {(s["summary"], s["description"]): s["id"] for s in rel.services}
    copies: dict[str, str] = {}  # generated service id -> relevance-set service id
    for sid, summary, description in Service.objects.values_list("id", "summary", "description"):
        key = source.get((summary, description))
        if key is not None:
            copies[str(sid)] = key
    print(f"{len(copies):,} services, each a copy of one of {len(source)} judged services\n")

    def measure(mode: str) -> tuple[float, float]:
        ndcgs, precisions = [], []
        for q in rel.queries:
            page = search(SearchParams(q=q.text, mode=mode, per_page=10))
            ranked = [str(h.service_id) for h in page.hits]
            grades = {sid: q.grades.get(src, 0) for sid, src in copies.items()}
            grades = {k: g for k, g in grades.items() if g}
            ndcgs.append(ndcg_at(ranked, grades))
            precisions.append(sum(grades.get(r, 0) >= 2 for r in ranked) / 10)
        n = len(rel.queries)
        return sum(ndcgs) / n, sum(precisions) / n

    engine_pruning = query.ParsedQuery.pruned

    def prune_at(share: float):  # type: ignore[no-untyped-def]
        def pruned(self, df, documents, **_ignored):  # type: ignore[no-untyped-def]
            return engine_pruning(self, df, documents, max_share=share, min_documents=0)

        return pruned

    settings = [("the engine's own", engine_pruning)]
    settings += [
        (f"in > {float(x):.0%} left out", prune_at(float(x))) for x in shares.split(",") if x
    ]
    settings.append(("all kept", lambda self, *a, **k: self))
    print("| ranking | common words | nDCG@10 | precision@10 |")
    print("|---|---|---|---|")
    for label, pruned in settings:
        query.ParsedQuery.pruned = pruned  # type: ignore[method-assign]
        for mode in ("lexical", "hybrid"):
            ndcg, precision = measure(mode)
            print(f"| {mode} | {label} | {ndcg:.3f} | {precision:.3f} |", flush=True)
    query.ParsedQuery.pruned = engine_pruning  # type: ignore[method-assign]
    ndcg, precision = measure("semantic")
    print(f"| semantic | (no words) | {ndcg:.3f} | {precision:.3f} |")


if __name__ == "__main__":
    main()
