"""Run every benchmark: each `benchmarks/<area>/bench_*.py` script in turn (make bench).

Each script prints its own table. Pass names to run some: `python benchmarks/run.py search`.
Extra arguments after `--` go to every script (e.g. `-- --sizes 10000`).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    extra: list[str] = []
    if "--" in argv:
        extra = argv[argv.index("--") + 1 :]
        argv = argv[: argv.index("--")]
    wanted = set(argv)
    scripts = sorted(HERE.glob("*/bench_*.py"))
    if wanted:
        scripts = [s for s in scripts if s.parent.name in wanted or s.stem in wanted]
    failures = 0
    for script in scripts:
        print(f"\n## {script.relative_to(HERE.parent)}\n", flush=True)
        start = time.perf_counter()
        code = subprocess.call([sys.executable, str(script), *extra])
        print(f"\n({script.name}: exit {code}, {time.perf_counter() - start:.0f} s)", flush=True)
        failures += code != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
