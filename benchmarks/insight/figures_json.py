"""Every insight figure of the first programme for the default period (or START END) as JSON,
with each dashboard's wall and CPU time on stderr: run it before and after a change and compare
the two files to show a speed-up changed nothing the dashboards show.

    LINKWORK_VAR_DIR=... DATABASE_URL=... PYTHONPATH=src \\
        python benchmarks/insight/figures_json.py OUT.json [START END]
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import sys
import time
from collections.abc import Callable


def plain(value: object) -> object:
    """Dataclasses, numpy scalars and floats (to 9 decimals) as JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, float):
        return round(value, 9)
    item = getattr(value, "item", None)
    if callable(item):
        return plain(item())
    return value if isinstance(value, int | str | bool | type(None)) else str(value)


def main(argv: list[str]) -> int:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "linkwork.settings")
    django.setup()
    from linkwork.insight import gaps, selectors
    from linkwork.insight.activity import activity
    from linkwork.insight.effects import effects
    from linkwork.insight.models import Programme
    from linkwork.insight.reach import reach

    programme = Programme.objects.order_by("pk").first()
    if programme is None:
        print("no programme: generate the demo first", file=sys.stderr)
        return 2
    filters = (
        selectors.Filters(start=dt.date.fromisoformat(argv[2]), end=dt.date.fromisoformat(argv[3]))
        if len(argv) > 3
        else selectors.Filters.default()
    )
    cases = selectors.cases(programme, filters)
    figures: dict[str, Callable[[], object]] = {
        "activity": lambda: activity(cases),
        "reach": lambda: reach(cases),
        "effects": lambda: effects(cases),
    }
    for level in gaps.LEVELS:
        figures[f"gaps_{level}"] = lambda level=level: gaps.gaps(cases, level)
    out = {}
    for name, compute in figures.items():
        wall, cpu = time.perf_counter(), time.process_time()
        out[name] = plain(compute())
        print(
            f"{name} wall {time.perf_counter() - wall:.2f} cpu {time.process_time() - cpu:.2f}",
            file=sys.stderr,
        )
    with open(argv[1], "w") as fh:
        json.dump(out, fh, indent=1, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
