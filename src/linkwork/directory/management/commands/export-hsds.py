"""`linkwork export-hsds OUTDIR`: the directory as HSDS 3.0 JSON that validates."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from linkwork.directory.hsds.export import export_hsds
from linkwork.directory.hsds.tabular import export_tabular


class Command(BaseCommand):
    help = (
        "Export the whole directory as HSDS 3.0: JSON files (default) or the tabular data "
        "package (CSV files and datapackage.json); import-hsds reads either back."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("outdir", type=Path)
        parser.add_argument(
            "--format",
            choices=("json", "tabular"),
            default="json",
            help="json (default) or tabular (CSV files + datapackage.json)",
        )

    def handle(self, *args: Any, outdir: Path, format: str, **options: Any) -> None:
        started = time.monotonic()
        counts = export_tabular(outdir) if format == "tabular" else export_hsds(outdir)
        summary = ", ".join(f"{v} {k}" for k, v in counts.items())
        self.stdout.write(f"Exported {summary} to {outdir} in {time.monotonic() - started:.1f} s.")
