"""Loading outside a transaction (as the `linkwork` command does): on SQLite the loader turns
row-by-row foreign key checks off, checks once at the end, and turns them back on.

A separate module, all transactional, so xdist's per-file scheduling runs it after the tests
that rely on migration-loaded reference data (a transactional test flushes the database).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import CommandError
from django.db import connection

from linkwork.places.models import Postcode
from tests.places.test_loader import NSPL, load, national, snapshot

pytestmark = pytest.mark.django_db(transaction=True)

__all__ = ["national"]  # the fixture


def test_outside_a_transaction_sqlite_checks_references_once_and_switches_checks_back_on(
    national: list[Path],
) -> None:
    load(*national)
    assert Postcode.objects.count() == 3
    broken = national[0].with_name("broken.csv")
    broken.write_text(NSPL.replace('"S01011907"', '"S01099999"'), encoding="utf-8")
    before = snapshot()
    with pytest.raises(CommandError, match="unknown data zone"):
        load(*national[2:], broken)
    assert snapshot() == before
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            assert cursor.execute("PRAGMA foreign_keys").fetchone()[0] == 1
