"""`linkwork import-aliss-categories PATH`: load ALISS's category tree mapped to ours."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from linkwork.directory.taxonomy import import_aliss_categories


class Command(BaseCommand):
    help = "Import the ALISS category tree (Django fixture JSON) and map it to our categories."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)

    def handle(self, *args: Any, path: Path, **options: Any) -> None:
        counts = import_aliss_categories(path)
        self.stdout.write(
            f"ALISS categories: {counts['terms']} imported, {counts['mapped']} mapped to ours, "
            f"{counts['unmapped']} with no equivalent."
        )
