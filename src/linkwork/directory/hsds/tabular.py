"""`export-hsds --format tabular OUTDIR`: the directory as the HSDS 3.0 tabular data package.

One CSV file per HSDS object (the file names and columns of the standard's `datapackage.json`:
`id`, the foreign keys, then the object's own fields) and a `datapackage.json` describing them
as a Frictionless tabular data package with primary and foreign keys, so `frictionless
validate` checks types and references. `import-hsds OUTDIR` reads it back. Linkwork's own
extension fields are not part of the tabular form; they are derived again on import.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

from linkwork.directory.hsds import exporter
from linkwork.directory.hsds.tables import FK_TARGET, ORDER, SPECIAL, TABLES, number_columns
from linkwork.directory.models import HsdsModel, Service

BATCH = 1000
PROFILE_VERSION = "3.0.0"


def header(kind: str) -> list[str]:
    """Columns in the standard's order: id, foreign keys, own fields, then special ones."""
    table = TABLES[kind]
    generic = ["link_id"] if kind == "attribute" else ["resource_id"] if kind == "metadata" else []
    return ["id", *table.fks, *generic, *table.columns, *sorted(SPECIAL.get(kind, ()))]


#: Text a spreadsheet would run as a formula (OWASP "CSV injection"): editors' words are
#: opened by people in spreadsheets. Numbers and phone numbers that start with + or - (a
#: longitude west of Greenwich, +44 131 ...) are data, kept as they are for the programs that
#: read the package; governance's extracts, read only by people, quote every such start.
_FORMULA_START = ("=", "@", "\t", "\r", "\n", "|", "%")
_SIGNED_NUMBER = re.compile(r"[+-][\d\s().]*\Z")


def _defused(text: str) -> str:
    if text.startswith(_FORMULA_START) or (
        text.startswith(("+", "-")) and not _SIGNED_NUMBER.match(text)
    ):
        return "'" + text
    return text


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return _defused(str(value))


def _target(kind: str, prop: str) -> str:
    attr = TABLES[kind].fks[prop]
    return FK_TARGET.get(prop) or FK_TARGET.get(attr) or ""


def _field(kind: str, name: str, numbers: set[str]) -> dict[str, Any]:
    if name == "id" or name.endswith("_id"):
        return {"name": name, "type": "string", "format": "uuid"}
    if name in numbers:
        return {"name": name, "type": "number"}
    return {"name": name, "type": "string"}


def _resource(kind: str, dangling: set[tuple[str, str]]) -> dict[str, Any]:
    """The resource's schema. A foreign key is declared only when every value in the column
    points at a row of the package: HSDS allows references to records published elsewhere
    (a parent organisation, a parent term), and those stay as they are."""
    table = TABLES[kind]
    numbers = number_columns(kind)
    columns = header(kind)
    fields = [_field(kind, name, numbers) for name in columns]
    fields[0]["constraints"] = {"required": True, "unique": True}
    foreign_keys = []
    for prop in table.fks:
        target = _target(kind, prop)
        if target in TABLES and (kind, prop) not in dangling:
            reference = {"resource": target, "fields": "id"}
            foreign_keys.append({"fields": prop, "reference": reference})
    schema: dict[str, Any] = {"fields": fields, "primaryKey": "id"}
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return {
        "name": kind,
        "path": table.csv,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def _row(kind: str, obj: HsdsModel, columns: list[str]) -> dict[str, str]:
    row = exporter.flat_row(kind, obj)
    return {k: _cell(row.get(k)) for k in columns}


def _write_category_attributes(writer: csv.DictWriter, columns: list[str]) -> int:
    """Categories set in Linkwork travel as attributes, as in the JSON export."""
    ids = list(Service.objects.order_by("pk").values_list("pk", flat=True))
    rows = 0
    for start in range(0, len(ids), BATCH):
        services = list(Service.objects.filter(pk__in=ids[start : start + BATCH]))
        for attribute in exporter.synthesised_category_attributes(services):
            writer.writerow(_row("attribute", attribute, columns))
            rows += 1
    return rows


def export_tabular(outdir: Path) -> dict[str, int]:
    """Write every HSDS table as CSV plus datapackage.json; returns rows per file."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    ids_of: dict[str, set[str]] = {}
    references: dict[tuple[str, str], set[str]] = {}
    for kind in ORDER:
        table = TABLES[kind]
        columns = header(kind)
        rows = 0
        with (outdir / table.csv).open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
            writer.writeheader()
            ids = list(table.model._default_manager.order_by("pk").values_list("pk", flat=True))
            for start in range(0, len(ids), BATCH):
                chunk = table.model._default_manager.filter(pk__in=ids[start : start + BATCH])
                for obj in chunk.order_by("pk"):
                    row = _row(kind, obj, columns)
                    writer.writerow(row)
                    rows += 1
                    for prop in table.fks:
                        if row.get(prop):
                            references.setdefault((kind, prop), set()).add(row[prop])
            if kind == "attribute":
                rows += _write_category_attributes(writer, columns)
        counts[table.csv] = rows
        ids_of[kind] = {str(pk) for pk in ids}
    dangling = {
        (kind, prop)
        for (kind, prop), values in references.items()
        if not values <= ids_of.get(_target(kind, prop), set())
    }
    package = {
        "name": "human_services_data",
        "title": "Human Services Data Specification (Linkwork export)",
        "profile": "tabular-data-package",
        "version": PROFILE_VERSION,
        "homepage": "https://openreferral.org",
        "resources": [_resource(kind, dangling) for kind in ORDER],
    }
    (outdir / "datapackage.json").write_text(json.dumps(package, indent=1), encoding="utf-8")
    return counts
