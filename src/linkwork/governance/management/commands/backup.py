from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from linkwork.core import audit
from linkwork.governance import backups


class Command(BaseCommand):
    help = (
        "Copy the SQLite database to FILE while Linkwork runs (SQLite online backup API). "
        "For PostgreSQL use pg_dump (docs/backups.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            audit.record(audit.Action.EXPORT, "core.database", detail={"via": "backup"})
            backups.backup(options["file"])
        except backups.BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Backed up to {options['file']}.")
