from __future__ import annotations

import contextlib
from collections.abc import Iterator

from django.db import connection

from linkwork.core.audit_sql import TRIGGERS_DOWN, TRIGGERS_UP


@contextlib.contextmanager
def triggers_dropped() -> Iterator[None]:
    """What a database owner could do: drop the triggers, to show the chain still catches it."""
    with connection.cursor() as cursor:
        for statement in TRIGGERS_DOWN[connection.vendor]:
            cursor.execute(statement)
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for statement in TRIGGERS_UP[connection.vendor]:
                cursor.execute(statement)


def trigger_names() -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        else:
            cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
        return {row[0] for row in cursor.fetchall()}
