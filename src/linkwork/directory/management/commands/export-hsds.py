"""`linkwork export-hsds OUTDIR`: the directory as HSDS 3.0 JSON that validates."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from linkwork.directory.hsds.export import export_hsds


class Command(BaseCommand):
    help = "Export the whole directory as HSDS 3.0 JSON files (read back by import-hsds)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("outdir", type=Path)

    def handle(self, *args: Any, outdir: Path, **options: Any) -> None:
        started = time.monotonic()
        counts = export_hsds(outdir)
        summary = ", ".join(f"{v} {k}" for k, v in counts.items())
        self.stdout.write(f"Exported {summary} to {outdir} in {time.monotonic() - started:.1f} s.")
