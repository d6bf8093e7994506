from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from linkwork.places.loading.sources import LoadError
from linkwork.places.services import load_places


class Command(BaseCommand):
    help = (
        "Load places data: with no paths the shipped places pack; otherwise the given files "
        "or folders (NSPL or NRS Scottish Postcode Directory CSV, the SIMD CSVs, boundary "
        "GeoJSON, the pack's own files), in one transaction. Loading again updates in place."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="*", type=Path, help="files or folders to load")
        parser.add_argument(
            "--no-progress", action="store_true", help="do not show the progress bar"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = load_places(
                paths=options["paths"] or None, progress=not options["no_progress"]
            )
        except LoadError as exc:
            raise CommandError(f"{exc}\nNothing was loaded.") from exc
        for path, kind, rows in summary.files:
            self.stdout.write(f"  {path.name}: {kind}, {rows:,} rows")
        written = ", ".join(f"{n:,} {table}" for table, n in sorted(summary.rows.items()))
        rate = summary.rows_read / summary.seconds if summary.seconds else 0
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {written} in {summary.seconds:.1f} s "
                f"({summary.rows_read:,} rows read, {rate:,.0f} rows/s)."
            )
        )
        if summary.skipped:
            self.stdout.write(f"Skipped {summary.skipped:,} rows outside Scotland.")
