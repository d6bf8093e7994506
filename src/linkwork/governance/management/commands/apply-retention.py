from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from linkwork.governance import erasure


class Command(BaseCommand):
    help = (
        "Apply the retention rules (GOVERNANCE_RETENTION): anonymise people whose cases all "
        "closed long enough ago, delete used or expired self-completion links. --dry-run "
        "prints what would change. Each run is audited."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Only print what would change")

    def handle(self, *args: Any, **options: Any) -> None:
        plan = erasure.apply_retention(dry_run=options["dry_run"])
        prefix = "would " if options["dry_run"] else ""
        for line in plan.lines():
            self.stdout.write(prefix + line)
