"""The harness the page benchmarks share: a fresh database in a temporary var dir (SQLite, or a
throwaway PostgreSQL cluster), the places pack and the demo at a scale, then one `linkwork`
benchmark command that renders pages and prints their server times and query counts."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from with_postgres import throwaway_cluster  # noqa: E402


def run(env: dict[str, str], *args: str) -> None:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "linkwork", *args], env=env, check=True)
    print(f"  ({' '.join(args[:2])}: {time.perf_counter() - started:.0f} s)", flush=True)


def _bench(
    env: dict[str, str],
    command: str,
    scale: str,
    runs: int,
    generate_args: tuple[str, ...],
    extra: list[str] | None = None,
) -> None:
    run(env, "migrate", "--verbosity", "0")
    run(env, "load-places", "--no-progress")
    run(env, "generate-demo", "--scale", scale, "--seed", "1", *generate_args)
    run(env, command, "--runs", str(runs), *(extra or []))


def main(
    *,
    command: str,
    label: str,
    description: str,
    default_runs: int,
    generate_args: tuple[str, ...] = (),
) -> int:
    """`generate_args` go to `generate-demo`, e.g. ("--apps", "core,casework", "--no-index")
    to generate only what the benchmark reads."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--scale", choices=["small", "national"], default="small")
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--runs", type=int, default=default_runs)
    # Options the harness does not know go to the benchmark command (e.g. --add-people N).
    args, extra = parser.parse_known_args()
    with tempfile.TemporaryDirectory(prefix="linkwork-bench-") as var:
        env = {**os.environ, "LINKWORK_VAR_DIR": var}
        env.pop("DATABASE_URL", None)
        print(f"{label}, scale={args.scale}, database={args.database}", flush=True)
        if args.database == "postgresql":
            with throwaway_cluster() as url:
                _bench(
                    {**env, "DATABASE_URL": url},
                    command,
                    args.scale,
                    args.runs,
                    generate_args,
                    extra,
                )
        else:
            _bench(env, command, args.scale, args.runs, generate_args, extra)
    return 0
