"""Casework's and outcomes' national demo at N people instead of 200,000: the national mix
(900 practices from `generate-demo --scale national --apps core`, 8 encounters per engaged case)
at a fraction of the size, for measuring insight when the full national run does not fit the
time available. Prints each step's counts, wall time and this process's CPU time.

    LINKWORK_VAR_DIR=... DATABASE_URL=... PYTHONPATH=src \\
        python benchmarks/insight/generate_fraction.py 20000
"""

from __future__ import annotations

import os
import random
import sys
import time


def main(people: int) -> int:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "linkwork.settings")
    django.setup()
    from django.db import transaction

    from linkwork.casework import demo as casework_demo
    from linkwork.outcomes import demo as outcomes_demo

    casework_demo.SCALES["national"] = (people, casework_demo.SCALES["national"][1])
    for name, module in (("casework", casework_demo), ("outcomes", outcomes_demo)):
        wall, cpu = time.perf_counter(), time.process_time()
        with transaction.atomic():
            counts = module.generate(
                scale="national", rng=random.Random(f"1-{name}"), stdout=sys.stdout
            )
        print(
            f"{name}: {counts} wall {time.perf_counter() - wall:.0f}s "
            f"cpu {time.process_time() - cpu:.0f}s load {os.getloadavg()[0]:.1f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000))
