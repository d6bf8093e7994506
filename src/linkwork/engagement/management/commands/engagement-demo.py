"""`linkwork engagement-demo`: load the engagement demo data alone (also a generate-demo hook)."""

from __future__ import annotations

import random
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from linkwork.engagement import demo


class Command(BaseCommand):
    help = "Create the demo consultations, responses, themes and stories (once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", choices=["small", "national"], default="small")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            counts = demo.generate(
                scale=options["scale"], rng=random.Random(f"{options['seed']}-engagement"),
                stdout=self.stdout,
            )  # fmt: skip
        made = ", ".join(f"{v} {k}" for k, v in counts.items()) or "nothing (already there)"
        self.stdout.write(f"engagement: {made}")
