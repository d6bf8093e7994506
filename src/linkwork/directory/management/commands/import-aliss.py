"""`linkwork import-aliss PATH`: import ALISS API v4 service JSON (a file or a folder)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from linkwork.directory.hsds.aliss import read_aliss
from linkwork.directory.hsds.importer import ImportFailed, ImportProblem, import_documents
from linkwork.directory.hsds.reader import ReadError


class Command(BaseCommand):
    help = "Import ALISS API v4 services (JSON pages from /api/v4/services/), all or nothing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)

    def handle(self, *args: Any, path: Path, **options: Any) -> None:
        try:
            result = import_documents(read_aliss(path))
        except ReadError as exc:
            raise CommandError(f"{exc.file}: {exc.message}", returncode=1) from None
        except ImportFailed as exc:
            for problem in exc.problems[:200]:
                self.stderr.write(str(problem))
            raise CommandError(
                f"Nothing was imported: {len(exc.problems)} problem(s) found.", returncode=1
            ) from None
        self.stdout.write(result.summary())
        self.stdout.write(f"Imported {len(result.service_ids)} ALISS services.")


__all__ = ["Command", "ImportProblem"]
