"""Search latency, index build and update time, memory: SQLite and PostgreSQL, 10k/100k.

    python benchmarks/search/bench_search.py [--sizes 10000,100000] [--backends sqlite,postgres]

Each (backend, size) runs in a fresh child process on a fresh database (SQLite file in a temp
directory; PostgreSQL via scripts/with_postgres.py), generates the directory, builds the index,
then times the 48 relevance-set need statements (x2) per scenario: in process (engine + result
rows, what the API does) and over HTTP (gunicorn on 127.0.0.1, one sync worker). Prints
markdown tables; docs/performance.md records a run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def child(
    size: int, backend: str, repeat: int, http: bool, rebuild: bool, in_process_only: bool
) -> None:
    sys.path[:0] = [str(ROOT / "src"), str(ROOT), str(Path(__file__).resolve().parent)]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "linkwork.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from generate import ensure_postcodes, generate
    from tests.search.relevance.loader import relevance_set

    from linkwork.directory.models import Service
    from linkwork.directory.search_backend import SearchParams, search
    from linkwork.search import backends, vectors
    from linkwork.search.api import results
    from linkwork.search.engine import resolve_place
    from linkwork.search.indexing import rebuild_index
    from linkwork.search.models import SearchDocument
    from linkwork.search.place_keys import search_keys
    from linkwork.search.query import parse

    call_command("migrate", verbosity=0)
    t = time.perf_counter()
    reused = Service.objects.count() == size  # a kept database (--database-url)
    if not reused:
        generate(size)
    ensure_postcodes()
    gen_s = time.perf_counter() - t
    t = time.perf_counter()
    if not reused or rebuild or SearchDocument.objects.count() != size:
        rebuild_index()
    build_s = time.perf_counter() - t
    vectors.reset()
    t = time.perf_counter()
    state = vectors.index()
    load_s = time.perf_counter() - t
    matrix_mb = state.matrix.nbytes / 1e6
    facets = state.facets
    facet_arrays = [
        facets.active,
        facets.latitude,
        facets.longitude,
        facets.free,
        facets.min_age,
        facets.max_age,
        facets.organisation,
        *facets.delivery.values(),
        *facets.categories.values(),
        state.doc_row,
        state.row_doc,
    ]
    facets_mb = sum(a.nbytes for a in facet_arrays) / 1e6

    texts = [q.text for q in relevance_set().queries] * repeat
    pc = "PH1 5PH"
    scenarios = {
        "text only (lexical)": lambda q: SearchParams(q=q, mode="lexical"),
        "text + postcode within 10 km": lambda q: SearchParams(
            q=q, postcode=pc, distance_km=10, mode="lexical"
        ),
        "semantic only": lambda q: SearchParams(q=q, mode="semantic"),
        "hybrid + postcode 10 km + free + age": lambda q: SearchParams(
            q=q, postcode=pc, distance_km=10, free_only=True, age=40, mode="hybrid"
        ),
        "hybrid + free + age, no place": lambda q: SearchParams(
            q=q, free_only=True, age=40, mode="hybrid"
        ),
        "hybrid, no filters": lambda q: SearchParams(q=q, mode="hybrid"),
    }
    http_params = {
        "text only (lexical)": {"mode": "lexical"},
        "text + postcode within 10 km": {"mode": "lexical", "postcode": pc, "distance": 10},
        "semantic only": {"mode": "semantic"},
        "hybrid + postcode 10 km + free + age": {
            "postcode": pc,
            "distance": 10,
            "free": "true",
            "age": 40,
        },
        "hybrid + free + age, no place": {"free": "true", "age": 40},
        "hybrid, no filters": {},
    }
    rows = []
    for q in texts[:3]:
        search(SearchParams(q=q))  # warm caches (vocabulary, vector index, stemmer)
    bare, bare_near = [], []
    place = resolve_place(SearchParams(postcode=pc))
    keys = search_keys(place.latitude, place.longitude, 10, place.area_codes)
    for q in texts:
        parsed = parse(q)
        expr = parsed.tsquery() if backend == "postgres" else parsed.fts5()
        if not expr:
            continue
        t = time.perf_counter()
        backends.bare_fts(expr, 20)
        bare.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        backends.lexical_near(parsed, keys)  # the full-text query restricted to the place
        bare_near.append((time.perf_counter() - t) * 1000)
    server = None
    port = free_port()
    if http and not in_process_only:
        server = subprocess.Popen(
            [
                PY,
                "-m",
                "gunicorn",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--log-level",
                "warning",
                # The first search of a worker loads the in-memory index (and on PostgreSQL
                # the vocabulary): past gunicorn's default 30 s at 1M services.
                "--timeout",
                "900",
                "linkwork.wsgi:application",
            ],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        )
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/search?q=warm", timeout=900)
                break
            except OSError:
                time.sleep(0.2)
    client = Client()
    try:
        for name, make in scenarios.items():
            inproc = []
            for q in texts:
                t = time.perf_counter()
                page = search(make(q))
                results(page.hits)
                inproc.append((time.perf_counter() - t) * 1000)
            over_http = []
            for q in [] if in_process_only else texts:
                query = urllib.parse.urlencode({"q": q, **http_params[name]})
                t = time.perf_counter()
                if server is not None:
                    with urllib.request.urlopen(
                        f"http://127.0.0.1:{port}/api/v1/search?{query}", timeout=60
                    ) as r:
                        r.read()
                else:
                    client.get(f"/api/v1/search?{query}")
                over_http.append((time.perf_counter() - t) * 1000)
            rows.append((name, inproc, over_http))
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
    ids = list(Service.objects.values_list("id", flat=True)[:20])
    updates = []
    for sid in ids:
        s = Service.objects.get(id=sid)
        s.summary = s.summary + " Updated."
        t = time.perf_counter()
        s.save()  # signal -> background task (immediate backend) -> document + embedding
        updates.append((time.perf_counter() - t) * 1000)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "backend": backend,
                "size": size,
                "generate_s": gen_s,
                "build_s": build_s,
                "vector_load_s": load_s,
                "matrix_mb": matrix_mb,
                "facets_mb": facets_mb,
                "rss_mb": rss_mb,
                "update_p50_ms": statistics.median(updates),
                "bare_p50": pct(bare, 50),
                "bare_p95": pct(bare, 95),
                "bare_near_p50": pct(bare_near, 50),
                "bare_near_p95": pct(bare_near, 95),
                "http": "gunicorn" if http else "test client",
                "rows": [
                    [n, pct(a, 50), pct(a, 95), pct(b, 50) if b else 0.0, pct(b, 95) if b else 0.0]
                    for n, a, b in rows
                ],
            }
        ),
        flush=True,
    )


def run_child(
    size: int,
    backend: str,
    repeat: int,
    http: bool,
    database_url: str = "",
    rebuild: bool = False,
    in_process_only: bool = False,
) -> dict | None:
    args = (
        [
            PY,
            __file__,
            "--child",
            "--size",
            str(size),
            "--backend",
            backend,
            "--repeat",
            str(repeat),
        ]
        + (["--http"] if http else [])
        + (["--in-process-only"] if in_process_only else [])
        + (["--rebuild"] if rebuild else [])
    )
    with tempfile.TemporaryDirectory(prefix="lw-bench-") as tmp:
        env = {
            **os.environ,
            "LINKWORK_VAR_DIR": tmp,
            "TASKS_BACKEND": "immediate",
            "LOG_LEVEL": "WARNING",
        }
        if database_url:  # a kept database: generated once, reused by later runs
            env["DATABASE_URL"] = database_url
        elif backend == "sqlite":
            env["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        else:
            env.pop("DATABASE_URL", None)
            args = [PY, str(ROOT / "scripts/with_postgres.py"), "--", *args]
        out = subprocess.run(args, env=env, capture_output=True, text=True, cwd=ROOT)
    for line in out.stdout.splitlines():
        if line.startswith("{"):
            return json.loads(line)
    print(f"{backend} {size}: failed\n{out.stdout[-2000:]}\n{out.stderr[-4000:]}")
    return None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--no-http", action="store_true", help="Django test client, no server")
    parser.add_argument(
        "--in-process-only", action="store_true", help="no HTTP timings at all (quicker at 1M)"
    )
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--size", type=int)
    parser.add_argument("--backend")
    parser.add_argument("--http", action="store_true")
    parser.add_argument(
        "--database-url",
        default="",
        help="use this database (one backend, one size) and keep it: generated on the first "
        "run, reused by later ones",
    )
    parser.add_argument("--rebuild", action="store_true", help="rebuild a kept database's index")
    args = parser.parse_args()
    if args.child:
        child(args.size, args.backend, args.repeat, args.http, args.rebuild, args.in_process_only)
        return
    print(
        "| backend | services | scenario | in-process p50 ms | p95 ms | HTTP p50 ms | HTTP p95 ms |"
    )
    print("|---|---|---|---|---|---|---|")
    summaries = []
    for backend in args.backends.split(","):
        for size in [int(s) for s in args.sizes.split(",")]:
            r = run_child(
                size,
                backend,
                args.repeat,
                not args.no_http,
                args.database_url,
                args.rebuild,
                args.in_process_only,
            )
            if r is None:
                continue
            for name, p50, p95, h50, h95 in r["rows"]:
                print(
                    f"| {backend} | {size:,} | {name} | {p50:.1f} | {p95:.1f} | "
                    f"{h50:.1f} | {h95:.1f} |",
                    flush=True,
                )
            print(
                f"| {backend} | {size:,} | bare FTS query (floor of text only) | "
                f"{r['bare_p50']:.1f} | {r['bare_p95']:.1f} | | |",
                flush=True,
            )
            print(
                f"| {backend} | {size:,} | bare FTS query near the place (floor of text + "
                f"place) | {r['bare_near_p50']:.1f} | {r['bare_near_p95']:.1f} | | |",
                flush=True,
            )
            summaries.append((backend, size, r))
    print()
    print(
        "| backend | services | generate s | index build s | in-memory index load s "
        "| vectors MB | facets MB | peak RSS MB | update one service p50 ms "
        "| text / floor (p50) | text + place / floor (p50) | HTTP via |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for backend, size, r in summaries:
        p50 = {name: a for name, a, *_ in r["rows"]}
        text_ratio = p50["text only (lexical)"] / max(r["bare_p50"], 1e-6)
        near_ratio = p50["text + postcode within 10 km"] / max(r["bare_near_p50"], 1e-6)
        print(
            f"| {backend} | {size:,} | {r['generate_s']:.0f} | {r['build_s']:.0f} | "
            f"{r['vector_load_s']:.2f} | {r['matrix_mb']:.0f} | {r['facets_mb']:.0f} | "
            f"{r['rss_mb']:.0f} | {r['update_p50_ms']:.0f} | {text_ratio:.1f}x | "
            f"{near_ratio:.1f}x | {r['http']} |"
        )


if __name__ == "__main__":
    main()
