from __future__ import annotations

import importlib
import random
import time
from typing import Any

from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

#: Apps that contribute demo data, in dependency order. Each may have a `demo` module with
#: `generate(*, scale: str, rng: random.Random, stdout) -> dict[str, int]` (counts made).
DEMO_APPS = [
    "core",
    "engagement",
    "network",
    "directory",
    "casework",
    "outcomes",
    "governance",
    "insight",
]
#: Commands that bring derived data (indexes) up to date once the demo data is in.
AFTER_DEMO_COMMANDS = ["rebuild-search-index"]


class Command(BaseCommand):
    help = "Generate realistic, deterministic synthetic data on real geography."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", choices=["small", "national"], default="small")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--apps",
            help="Comma-separated apps to generate (default: every app in DEMO_APPS), "
            "e.g. core,directory,casework,outcomes for the insight benchmark",
        )
        parser.add_argument(
            "--no-index",
            action="store_true",
            help="Do not bring derived data (the search index) up to date afterwards",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from linkwork.places.models import Postcode

        if not Postcode.objects.exists():
            raise CommandError("No places loaded: run `linkwork load-places` first.")
        scale, seed = options["scale"], options["seed"]
        apps = DEMO_APPS
        if options["apps"]:
            wanted = {a.strip() for a in options["apps"].split(",") if a.strip()}
            if unknown := wanted - set(DEMO_APPS):
                raise CommandError(f"--apps: not a demo app: {', '.join(sorted(unknown))}")
            apps = [a for a in DEMO_APPS if a in wanted]
        started = time.monotonic()
        for app in apps:
            try:
                module = importlib.import_module(f"linkwork.{app}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"linkwork.{app}.demo":
                    raise
                continue
            rng = random.Random(f"{seed}-{app}")
            t0, cpu0 = time.monotonic(), time.process_time()
            with transaction.atomic():
                counts = module.generate(scale=scale, rng=rng, stdout=self.stdout)
            made = ", ".join(f"{v} {k}" for k, v in counts.items())
            # CPU is this process's (the database server's work shows in wall time only).
            self.stdout.write(
                f"{app}: {made} ({time.monotonic() - t0:.1f}s, "
                f"cpu {time.process_time() - cpu0:.1f}s)"
            )
        available = get_commands()
        for command in [] if options["no_index"] else AFTER_DEMO_COMMANDS:
            if command in available:
                call_command(command, stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(f"demo data ready in {time.monotonic() - started:.1f}s")
        )
