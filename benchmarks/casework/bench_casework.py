"""Caseload, case and triage page server times at a given data scale, on SQLite or PostgreSQL.

    python benchmarks/casework/bench_casework.py --scale national --database postgresql

Builds a fresh database in a temporary var dir (load-places, generate-demo at the scale with the
apps the case pages read and without the directory's search index), then runs
`linkwork casework-bench`, which renders each page through Django's test client as the demo
link worker and prints median and 95th percentile server times. See docs/performance-casework.md
for how long the national scale (200k people, 1M encounters) takes to generate.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from demo_scale import main

if __name__ == "__main__":
    sys.exit(
        main(
            command="casework-bench",
            label="casework pages",
            description=__doc__,
            default_runs=20,
            generate_args=("--apps", "core,directory,casework,outcomes", "--no-index"),
        )
    )
