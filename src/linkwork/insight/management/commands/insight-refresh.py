"""`linkwork insight-refresh`: bring insight's kept facts up to date (decision 0014): the
cases named by waiting changes, or with --full every case. Run after bulk loads that bypass
the model signals; the demo generator runs it."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from linkwork.insight import kept
from linkwork.insight.warm import warm_all


class Command(BaseCommand):
    help = "Bring insight's kept per-case facts up to date."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--full", action="store_true", help="Rebuild every case's facts")
        parser.add_argument(
            "--no-warm",
            action="store_true",
            help="Do not draw the default dashboards' charts and fit their models afterwards",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        done = kept.refresh(full=options["full"])
        self.stdout.write(
            f"insight facts {'rebuilt' if done.full else 'updated'}: {done.cases} cases, "
            f"{done.outcomes} outcome rows in {done.seconds:.1f}s"
        )
        if not options["no_warm"]:
            started = time.perf_counter()
            drawn = warm_all()
            self.stdout.write(
                f"default dashboards warmed: {drawn} charts in {time.perf_counter() - started:.1f}s"
            )
