from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from linkwork.core.audit import verify_chain
from linkwork.governance import integrity


class Command(BaseCommand):
    help = (
        "Check the whole audit hash chain. Prints the first broken link (entry id and time) "
        "and exits 1 if the log was altered; --alert also emails the DPOs on a break."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--alert", action="store_true", help="Email the DPOs on a break")
        parser.add_argument("--database", default="default", help="Database alias")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["alert"]:
            result = integrity.verify_and_alert()
        else:
            result = verify_chain(options["database"])
        if result.ok:
            self.stdout.write(integrity.describe(result))
            return
        self.stderr.write(integrity.describe(result))
        raise SystemExit(1)
