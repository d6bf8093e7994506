from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from linkwork.core.two_factor import current_code


class Command(BaseCommand):
    help = (
        "Print the current two-factor code of the local demo accounts (they share one "
        "published secret). Refused in production, where no demo account exists."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.IS_PRODUCTION:
            raise CommandError("There are no demo accounts in production, so no demo code.")
        self.stdout.write(current_code())
