"""Django's `flush`, aware of the append-only audit log.

The audit triggers refuse DELETE/TRUNCATE of audit rows. Django's test framework empties the
test database with `flush` after every transactional test; only there (the Django test
environment is set up) does this command open the triggers' maintenance gate. Anywhere else
`linkwork flush` fails rather than destroy the audit log. See docs/decisions/0005.
"""

from __future__ import annotations

from typing import Any

from django.core.management.commands.flush import Command as DjangoFlush
from django.db import DEFAULT_DB_ALIAS

from linkwork.core import audit
from linkwork.governance import flush_guard


class Command(DjangoFlush):
    help = DjangoFlush.help + " The audit log is only emptied in the test environment."

    def handle(self, **options: Any) -> None:
        if not flush_guard.in_test_environment():
            return super().handle(**options)
        with audit.maintenance(options.get("database") or DEFAULT_DB_ALIAS):
            return super().handle(**options)
