"""`import-hsds`: validate every document, flatten to rows, then upsert all in one transaction.

Nothing is written unless everything is valid: problems are collected (file, record id,
field, message) and the run stops before the database is touched.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.db import transaction

from linkwork.directory.hsds.collector import (
    Collector,
    ImportFailed,
    ImportProblem,
    ImportResult,
)
from linkwork.directory.hsds.reader import MAX_FILE_BYTES, Document, ReadError, read_path
from linkwork.directory.hsds.tables import FK_TARGET
from linkwork.directory.hsds.writer import write_rows


def collect(path: Path, *, kind: str | None = None, max_bytes: int = MAX_FILE_BYTES) -> Collector:
    collector = Collector()
    try:
        for doc in read_path(path, kind=kind, max_bytes=max_bytes):
            collector.add_document(doc)
    except ReadError as exc:
        collector.problem(exc.file, exc.record, exc.field, exc.message)
    return collector


def import_hsds(
    path: Path,
    *,
    kind: str | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    actor: Any = None,
    flag_duplicates: bool = True,
) -> ImportResult:
    """Import everything at `path` or nothing. Raises ImportFailed listing every problem."""
    collector = collect(Path(path), kind=kind, max_bytes=max_bytes)
    return _write(collector, actor=actor, flag_duplicates=flag_duplicates)


def import_documents(
    documents: list[Document], *, actor: Any = None, flag_duplicates: bool = True
) -> ImportResult:
    """Import HSDS documents made by a converter (ALISS), all or nothing."""
    collector = Collector()
    for doc in documents:
        collector.add_document(doc)
    return _write(collector, actor=actor, flag_duplicates=flag_duplicates)


def _write(collector: Collector, *, actor: Any, flag_duplicates: bool) -> ImportResult:
    if collector.problems:
        raise ImportFailed(collector.problems)
    with transaction.atomic():
        return write_rows(collector, actor=actor, flag_duplicates=flag_duplicates)


__all__ = [
    "FK_TARGET",
    "ImportFailed",
    "ImportProblem",
    "ImportResult",
    "collect",
    "import_documents",
    "import_hsds",
]
