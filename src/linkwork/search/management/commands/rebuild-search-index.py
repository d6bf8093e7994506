from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from linkwork.search import indexing


class Command(BaseCommand):
    help = "Rebuild the search index (full text and embeddings) of every directory service."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--stale-only", action="store_true", help="Only services changed since indexed"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        start = time.perf_counter()
        if options["stale_only"]:
            count = indexing.sync_stale()
        else:
            count = indexing.rebuild_index(stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(f"Indexed {count} services in {time.perf_counter() - start:.1f} s")
        )
