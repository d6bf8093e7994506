"""Case lists (paging with true counts), find a person and managers' oversight: server times
and query counts at a given data scale, on SQLite or PostgreSQL.

    python benchmarks/casework/bench_lists.py --scale national --database postgresql

Builds a fresh database in a temporary var dir (load-places, generate-demo at the scale with
only the apps the lists read, core, directory and casework, and without the search index over
the directory, which the lists never read and which takes hours to embed at 100,000 services), then
runs `linkwork casework-lists-bench`, which renders each page through Django's test client as the
demo link worker and the demo manager and prints median and 95th percentile server times and
the number of queries (constant however large the data: the tests assert it).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from demo_scale import main

if __name__ == "__main__":
    sys.exit(
        main(
            command="casework-lists-bench",
            label="case lists",
            description=__doc__,
            default_runs=20,
            generate_args=("--apps", "core,directory,casework", "--no-index"),
        )
    )
