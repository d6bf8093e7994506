"""Case lists (paging with true counts), find a person and managers' oversight: server times
and query counts at a given data scale, on SQLite or PostgreSQL.

    python benchmarks/casework/bench_lists.py --scale national --database postgresql

Builds a fresh database in a temporary var dir (load-places, generate-demo at the scale), then
runs `linkwork casework-lists-bench`, which renders each page through Django's test client as the
demo link worker and the demo manager and prints median and 95th percentile server times and
the number of queries (constant however large the data: the tests assert it).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from with_postgres import throwaway_cluster  # noqa: E402


def run(env: dict[str, str], *args: str) -> None:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "linkwork", *args], env=env, check=True)
    print(f"  ({' '.join(args[:2])}: {time.perf_counter() - started:.0f} s)", flush=True)


def bench(env: dict[str, str], scale: str, runs: int) -> None:
    run(env, "migrate", "--verbosity", "0")
    run(env, "load-places", "--no-progress")
    run(env, "generate-demo", "--scale", scale, "--seed", "1")
    run(env, "casework-lists-bench", "--runs", str(runs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", choices=["small", "national"], default="small")
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--runs", type=int, default=20)
    args, _ = parser.parse_known_args()
    with tempfile.TemporaryDirectory(prefix="linkwork-bench-") as var:
        env = {**os.environ, "LINKWORK_VAR_DIR": var}
        env.pop("DATABASE_URL", None)
        print(f"case lists, scale={args.scale}, database={args.database}", flush=True)
        if args.database == "postgresql":
            with throwaway_cluster() as url:
                bench({**env, "DATABASE_URL": url}, args.scale, args.runs)
        else:
            bench(env, args.scale, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
