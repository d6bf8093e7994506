"""Insight dashboard, report and export server times at a data scale, SQLite or PostgreSQL.

    python benchmarks/insight/bench_insight.py --scale national --database postgresql

Builds a fresh database in a temporary var dir (load-places, generate-demo at the scale), then
runs `linkwork insight-bench`, which renders each page through Django's test client as the demo
programme manager and prints median and 95th percentile server times. National scale (200k people,
1M encounters) takes about 25 minutes to generate on this 2-core machine.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from demo_scale import main

if __name__ == "__main__":
    sys.exit(
        main(command="insight-bench", label="insight pages", description=__doc__, default_runs=5)
    )
