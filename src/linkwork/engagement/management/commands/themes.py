"""`linkwork themes --input FILE.csv --text-column COLUMN [--themes N] [--seed S]`: draw themes
out of any CSV's free-text column and print them as JSON."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from linkwork.engagement.themes import extract_themes


class Command(BaseCommand):
    help = "Draw themes out of a CSV column of free-text answers and print them as JSON."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--input", required=True, help="CSV file with a header row")
        parser.add_argument("--text-column", required=True, help="the column holding the text")
        parser.add_argument("--themes", type=int, default=None, help="number of themes")
        parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["input"])
        column = options["text_column"]
        if options["themes"] is not None and options["themes"] < 1:
            raise CommandError("--themes must be at least 1", returncode=2)
        try:
            with path.open(encoding="utf-8-sig", newline="") as f:
                reader = csv.DictReader(f)
                if column not in (reader.fieldnames or []):
                    raise CommandError(
                        f"column {column!r} is not in {path} (columns: "
                        f"{', '.join(reader.fieldnames or [])})",
                        returncode=2,
                    )
                texts = [row.get(column) or "" for row in reader]
        except FileNotFoundError:
            raise CommandError(f"input file not found: {path}", returncode=2) from None
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            raise CommandError(f"cannot read {path}: {exc}", returncode=2) from None
        result = extract_themes(texts, n_themes=options["themes"], seed=options["seed"])
        out = {
            "themes": [
                {"id": t.id, "label": t.label, "keywords": t.keywords, "size": t.size}
                for t in result.themes
            ],
            "assignments": {str(i + 1): theme for i, theme in sorted(result.assignments.items())},
            "empty": [i + 1 for i in result.empty],
        }
        self.stdout.write(json.dumps(out, ensure_ascii=False))
        sys.stderr.write(result.confidence_note + "\n")
