"""`linkwork import-hsds PATH`: import HSDS 3.0 JSON or a tabular package, all or nothing."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from linkwork.directory.hsds.importer import ImportFailed, import_hsds
from linkwork.directory.hsds.reader import MAX_FILE_BYTES


class Command(BaseCommand):
    help = (
        "Import HSDS 3.0: a JSON file (a service, a list, or a paged envelope), a folder of "
        "them, or the tabular data package (CSV). Nothing is written if anything is invalid."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--kind",
            choices=[
                "service",
                "organization",
                "service_at_location",
                "location",
                "taxonomy",
                "taxonomy_term",
            ],
            help="What the JSON objects are (otherwise worked out from file names and content).",
        )
        parser.add_argument("--max-file-mb", type=int, default=MAX_FILE_BYTES // (1024 * 1024))
        parser.add_argument(
            "--no-duplicates", action="store_true", help="Skip the duplicate check."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        try:
            result = import_hsds(
                options["path"],
                kind=options["kind"],
                max_bytes=options["max_file_mb"] * 1024 * 1024,
                flag_duplicates=not options["no_duplicates"],
            )
        except ImportFailed as exc:
            for problem in exc.problems[:200]:
                self.stderr.write(str(problem))
            if len(exc.problems) > 200:
                self.stderr.write(f"... and {len(exc.problems) - 200} more problems.")
            raise CommandError(
                f"Nothing was imported: {len(exc.problems)} problem(s) found.", returncode=1
            ) from None
        seconds = time.monotonic() - started
        self.stdout.write(result.summary())
        n = len(result.service_ids)
        rate = n / seconds * 60 if seconds else 0
        self.stdout.write(f"Imported {n} services in {seconds:.1f} s ({rate:,.0f} a minute).")
