from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from linkwork.core import audit
from linkwork.governance import backups


class Command(BaseCommand):
    help = (
        "Replace the SQLite database with a Linkwork backup FILE. Refuses other files, and a "
        "database that holds records unless --force. Stop the app first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--force", action="store_true", help="Overwrite a database that holds records"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            backups.restore(options["file"], force=options["force"])
        except backups.BackupError as exc:
            raise CommandError(str(exc)) from exc
        audit.record(audit.Action.UPDATE, "core.database", detail={"via": "restore"})
        self.stdout.write(
            f"Restored from {options['file']}. Run `linkwork migrate` if the backup is older "
            "than this version, then `linkwork audit-verify`."
        )
