from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from linkwork.network.digest import send_digests


class Command(BaseCommand):
    help = (
        "Email each network member who chose it a digest of new activity "
        "(schedule daily; weekly digests go to those whose last one is a week old)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--frequency",
            choices=["daily", "weekly", "all"],
            default="all",
            help="which members' digests to send (default: every one that is due)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        frequencies = (
            ["daily", "weekly"] if options["frequency"] == "all" else [options["frequency"]]
        )
        for frequency in frequencies:
            sent = send_digests(frequency)
            self.stdout.write(f"network: {sent} {frequency} digests sent")
