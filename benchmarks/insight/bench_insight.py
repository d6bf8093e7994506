"""Insight dashboard, report and export server times at a data scale, SQLite or PostgreSQL.

    python benchmarks/insight/bench_insight.py --scale national --database postgresql

Builds a fresh database in a temporary var dir (load-places, then generate-demo at the scale for
only the apps insight reads, without the search index), then runs `linkwork insight-bench`, which
renders each page through Django's test client as the demo programme manager and prints median
and 95th percentile server times and CPU. See docs/performance-insight.md for the figures and
how long the national generation takes.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from demo_scale import main

#: What insight reads: practices and accounts, services (gaps, links), casework, outcomes, and
#: insight's own small-scale practices. Engagement, network and the search index are not read.
INSIGHT_DEMO = ("--apps", "core,directory,casework,outcomes,insight", "--no-index")

if __name__ == "__main__":
    sys.exit(
        main(
            command="insight-bench",
            label="insight pages",
            description=__doc__,
            default_runs=5,
            generate_args=INSIGHT_DEMO,
        )
    )
