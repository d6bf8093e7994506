"""`linkwork load-instrument-text FILE`: load licensed instrument wording, all or nothing."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from linkwork.outcomes.instrument_text import InstrumentTextError, load_instrument_text


class Command(BaseCommand):
    help = (
        "Load the licensed wording of instruments (WEMWBS, SWEMWBS, HADS, EQ-5D-5L) your "
        "organisation holds a licence for, from a JSON file (format: docs/methods/outcomes.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="JSON file in the linkwork-instrument-text/1 format")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            stored = load_instrument_text(path=options["file"])
        except InstrumentTextError as exc:
            lines = "\n".join(f"  - {e}" for e in exc.errors)
            raise CommandError(f"nothing was loaded; the file has problems:\n{lines}") from None
        for text in stored:
            self.stdout.write(
                f"loaded {text.instrument} ({text.language}): {len(text.items)} items, "
                f"licence: {text.licence_reference}"
            )
