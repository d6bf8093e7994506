"""Reading places files: plain or gzip, CSV or GeoJSON, with errors that say where.

Every problem becomes a `LoadError` naming the file, the line and the column, so a person can
open the file and find it.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, cast

from django.utils.translation import gettext as _

GZIP_MAGIC = b"\x1f\x8b"
BOM = b"\xef\xbb\xbf"


class LoadError(Exception):
    """A places file cannot be loaded; the message says which file, line and column."""

    def __init__(
        self, path: Path | str, message: str, *, line: int | None = None, column: str = ""
    ) -> None:
        self.path = Path(path)
        self.line = line
        self.column = column
        self.message = message
        where = [str(self.path)]
        if line is not None:
            where.append(_("line %(line)s") % {"line": line})
        if column:
            where.append(_("column “%(column)s”") % {"column": column})
        super().__init__(f"{', '.join(where)}: {message}")


def is_gzip(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(2) == GZIP_MAGIC


class TextSource:
    """A file, gunzipped if it is gzip, read as UTF-8 text line by line.

    Lines are decoded one at a time so a bad byte is reported on its own line, and the raw
    position is available for the progress bar.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.size = path.stat().st_size
        self._raw: IO[bytes] = path.open("rb")
        self.gzipped = self._raw.read(2) == GZIP_MAGIC
        self._raw.seek(0)
        self.stream = cast(
            IO[bytes], gzip.GzipFile(fileobj=self._raw) if self.gzipped else self._raw
        )
        self.lines_read = 0

    def lines(self) -> Iterator[str]:
        for raw in self.stream:
            self.lines_read += 1
            if self.lines_read == 1 and raw.startswith(BOM):
                raw = raw[len(BOM) :]
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise LoadError(
                    self.path,
                    _("the file is not UTF-8 text (byte %(byte)s at character %(col)s).")
                    % {"byte": hex(raw[exc.start]), "col": exc.start + 1},
                    line=self.lines_read,
                ) from None

    def text(self) -> IO[str]:
        return io.TextIOWrapper(self.stream, encoding="utf-8-sig")

    def position(self) -> int:
        return self._raw.tell()

    def close(self) -> None:
        self.stream.close()
        self._raw.close()

    def __enter__(self) -> TextSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_failure(path: Path, exc: Exception, line: int | None) -> LoadError:
    """Turn a low-level read error (bad gzip, bad encoding) into a LoadError."""
    if isinstance(exc, EOFError):
        message = _("the gzip file is truncated (it ends before its end marker).")
    elif isinstance(exc, gzip.BadGzipFile | zlib.error):
        message = _("the file is not a readable gzip file (%(error)s).") % {"error": exc}
    elif isinstance(exc, UnicodeDecodeError):
        message = _("the file is not UTF-8 text (byte %(byte)s).") % {
            "byte": hex(exc.object[exc.start])
        }
    elif isinstance(exc, csv.Error):
        message = _("the CSV is malformed (%(error)s).") % {"error": exc}
    else:
        message = _("the file cannot be read (%(error)s).") % {"error": exc}
    return LoadError(path, message, line=line)


def read_header(path: Path) -> list[str]:
    """The first CSV row of a file (plain or gzip), or [] when the file is empty."""
    try:
        with TextSource(path) as source:
            return next(csv.reader(source.lines()), [])
    except (OSError, EOFError, zlib.error, UnicodeDecodeError, csv.Error) as exc:
        raise read_failure(path, exc, 1) from exc


def sniff(path: Path) -> str:
    """'json' when the file's first non-blank character opens a JSON object, else 'csv'."""
    try:
        with TextSource(path) as source:
            start = source.stream.read(256).removeprefix(BOM).lstrip()
    except (OSError, EOFError, zlib.error) as exc:
        raise read_failure(path, exc, 1) from exc
    return "json" if start.startswith(b"{") else "csv"


def read_json(path: Path) -> Any:
    try:
        with TextSource(path) as source, source.text() as text:
            return json.load(text)
    except json.JSONDecodeError as exc:
        raise LoadError(
            path,
            _("the JSON is malformed: %(error)s (character %(col)s).")
            % {"error": exc.msg, "col": exc.colno},
            line=exc.lineno,
        ) from exc
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
        raise read_failure(path, exc, None) from exc


def csv_rows(
    path: Path, *, on_progress: Callable[[int], None] | None = None
) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, values) for each data row; the header row is skipped.

    A row with fewer or more values than the header is an error (a truncated or broken row).
    """
    with TextSource(path) as source:
        reader = csv.reader(source.lines())
        line = 1
        try:
            header = next(reader, None)
            if header is None:
                return
            width = len(header)
            last = 0
            for row in reader:
                line = reader.line_num
                if len(row) != width:
                    if not row:
                        continue  # blank line
                    raise LoadError(
                        path,
                        _(
                            "expected %(width)s values like the header, found %(found)s "
                            "(is the row truncated?)."
                        )
                        % {"width": width, "found": len(row)},
                        line=line,
                    )
                yield line, row
                if on_progress is not None and line - last >= 2000:
                    last = line
                    on_progress(source.position())
        except LoadError:
            raise
        except (OSError, EOFError, zlib.error, UnicodeDecodeError, csv.Error) as exc:
            raise read_failure(path, exc, line + 1) from exc
        if on_progress is not None:
            on_progress(source.position())
