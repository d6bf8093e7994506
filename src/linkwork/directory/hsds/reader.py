"""Read HSDS input into documents: a JSON file (one object, a list, or a paged `contents`
envelope), a folder of such files, or the tabular data package (CSV files)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from linkwork.directory.hsds.tables import TABLES, number_columns

MAX_FILE_BYTES = 64 * 1024 * 1024

#: File names (without .json) that say what their objects are.
KIND_BY_STEM = {
    "services": "service",
    "service": "service",
    "organizations": "organization",
    "organization": "organization",
    "service_at_locations": "service_at_location",
    "service_at_location": "service_at_location",
    "locations": "location",
    "location": "location",
    "taxonomies": "taxonomy",
    "taxonomy": "taxonomy",
    "taxonomy_terms": "taxonomy_term",
    "taxonomy_term": "taxonomy_term",
}
TOP_KINDS = {
    "service",
    "organization",
    "service_at_location",
    "location",
    "taxonomy",
    "taxonomy_term",
}


class ReadError(Exception):
    def __init__(self, file: str, message: str, record: str = "", field: str = "") -> None:
        super().__init__(message)
        self.file, self.record, self.field, self.message = file, record, field, message


@dataclass
class Document:
    file: str
    kind: str
    index: int  # position in the file
    body: Any
    flat: bool = False  # a CSV row: no nesting, foreign keys only


def guess_kind(item: Any, default: str = "service") -> str:
    if not isinstance(item, dict):
        return default
    if "status" in item:
        return "service"
    if "services" in item or "organization_identifiers" in item or "programs" in item:
        return "organization"
    if "location_type" in item:
        return "location"
    if "service" in item or ("location" in item and "name" not in item):
        return "service_at_location"
    if "taxonomy_detail" in item or "term_uri" in item or "parent_id" in item:
        return "taxonomy_term"
    return default


def _kind_from_name(path: Path) -> str | None:
    stem = path.stem.lower()
    for key in sorted(KIND_BY_STEM, key=len, reverse=True):
        if stem == key or stem.startswith(key + "-") or stem.startswith(key + "_page"):
            return KIND_BY_STEM[key]
    if path.parent.name.lower() in KIND_BY_STEM:
        return KIND_BY_STEM[path.parent.name.lower()]
    return None


def read_json(
    path: Path, *, kind: str | None = None, max_bytes: int = MAX_FILE_BYTES
) -> list[Document]:
    name = str(path)
    size = path.stat().st_size
    if size > max_bytes:
        raise ReadError(
            name,
            _(
                "The file is %(size)d MB, more than the %(limit)d MB limit for one file. Split it "
                "into several files in a folder and import the folder."
            )
            % {"size": size // (1024 * 1024), "limit": max_bytes // (1024 * 1024)},
        )
    try:
        with path.open("rb") as fh:
            data = json.load(fh)
    except UnicodeDecodeError:
        raise ReadError(name, _("The file is not UTF-8 text.")) from None
    except json.JSONDecodeError as exc:
        raise ReadError(
            name,
            _("The file is not valid JSON: %(error)s at line %(line)d, column %(col)d.")
            % {"error": exc.msg, "line": exc.lineno, "col": exc.colno},
        ) from None
    if isinstance(data, dict) and isinstance(data.get("contents"), list) and "id" not in data:
        items = data["contents"]
    elif isinstance(data, list):
        items = data
    elif isinstance(data, dict):
        items = [data]
    else:
        raise ReadError(name, _("The file must hold an object, a list of objects or a page."))
    kind = kind or _kind_from_name(path)
    return [Document(name, kind or guess_kind(item), i, item) for i, item in enumerate(items)]


def _csv_value(kind: str, column: str, raw: str, numbers: set[str]) -> Any:
    if column in numbers:
        try:
            number = float(raw)
        except ValueError:
            return raw  # left as text: validation reports "must be a number"
        return (
            int(number)
            if number.is_integer() and "." not in raw and "e" not in raw.lower()
            else number
        )
    return raw


def read_csv_package(folder: Path) -> list[Document]:
    """Rows of each known CSV file as flat objects. Empty cells are absent properties."""
    docs: list[Document] = []
    by_csv = {t.csv: t for t in TABLES.values()}
    for path in sorted(folder.glob("*.csv")):
        table = by_csv.get(path.name)
        if table is None:
            continue
        numbers = number_columns(table.kind)
        with path.open(newline="", encoding="utf-8-sig") as fh:
            for i, row in enumerate(csv.DictReader(fh)):
                obj = {
                    k: _csv_value(table.kind, k, v, numbers)
                    for k, v in row.items()
                    if k is not None and v not in ("", None)
                }
                docs.append(Document(str(path), table.kind, i, obj, flat=True))
    return docs


def is_csv_package(folder: Path) -> bool:
    return (folder / "services.csv").exists() or (folder / "organizations.csv").exists()


def read_path(
    path: Path, *, kind: str | None = None, max_bytes: int = MAX_FILE_BYTES
) -> Iterator[Document]:
    if not path.exists():
        raise ReadError(str(path), _("There is no file or folder here."))
    if path.is_file():
        if path.name == "datapackage.json" or path.suffix.lower() == ".csv":
            yield from read_csv_package(path.parent)
            return
        yield from read_json(path, kind=kind, max_bytes=max_bytes)
        return
    if is_csv_package(path):
        yield from read_csv_package(path)
    for file in sorted(path.rglob("*.json")):
        if file.name == "datapackage.json" or file.name.startswith("."):
            continue
        yield from read_json(file, kind=kind, max_bytes=max_bytes)
