"""HSDS documents flattened into rows, with every problem found on the way: the collected
state an import writes (writer.py) once nothing is wrong, and the import's result."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from linkwork.directory.hsds import validation
from linkwork.directory.hsds.reader import TOP_KINDS, Document
from linkwork.directory.hsds.tables import EXTENSION, ORDER, TABLES, known_properties

VALIDATE_AS = {
    "service": "service",
    "organization": "organization",
    "service_at_location": "service_at_location",
    "location": "location",
    "taxonomy": "taxonomy",
    "taxonomy_term": "taxonomy_term",
}


@dataclass(frozen=True)
class ImportProblem:
    file: str
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}"
        if self.record:
            where += f" record {self.record}"
        if self.field:
            where += f" field {self.field}"
        return f"{where}: {self.message}"


class ImportFailed(Exception):
    def __init__(self, problems: list[ImportProblem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


@dataclass
class Row:
    kind: str
    id: uuid.UUID
    values: dict[str, Any]  # model attribute -> value (columns and foreign keys)
    extra: dict[str, Any]
    ours: dict[str, Any]  # our extension fields
    position: int
    file: str
    path: str
    top: bool


@dataclass
class ImportResult:
    created: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    updated: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    unchanged: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    unmapped_terms: list[str] = field(default_factory=list)
    service_ids: list[uuid.UUID] = field(default_factory=list)
    duplicates_flagged: int = 0
    notes: list[str] = field(default_factory=list)
    inferences: list[str] = field(default_factory=list)  # what standard HSDS was taken to mean

    def summary(self) -> str:
        kinds = sorted(set(self.created) | set(self.updated) | set(self.unchanged), key=ORDER.index)
        lines = [
            f"{k}: {self.created.get(k, 0)} new, {self.updated.get(k, 0)} changed, "
            f"{self.unchanged.get(k, 0)} unchanged"
            for k in kinds
        ]
        if self.unmapped_terms:
            lines.append(
                _("Taxonomy terms with no Linkwork category (mapped later by an editor): %s")
                % ", ".join(sorted(self.unmapped_terms)[:50])
            )
        if self.notes:
            lines.append(
                _("Links to records not in the directory (kept as given): %d") % len(self.notes)
            )
            lines.extend(f"  {n}" for n in self.notes[:20])
        if self.inferences:
            lines.append(_("Worked out from the data (check these): %d") % len(self.inferences))
            lines.extend(f"  {n}" for n in self.inferences[:200])
        if self.duplicates_flagged:
            lines.append(
                _("Possible duplicates flagged for moderators: %d") % self.duplicates_flagged
            )
        return "\n".join(lines)


class Collector:
    """Flattens nested HSDS documents into rows, merging repeats of the same object."""

    def __init__(self) -> None:
        self.rows: dict[str, dict[uuid.UUID, Row]] = {k: {} for k in TABLES}
        self.problems: list[ImportProblem] = []

    def problem(self, file: str, record: Any, fld: str, message: str) -> None:
        self.problems.append(ImportProblem(file, str(record or ""), fld, message))

    def add_document(self, doc: Document) -> None:
        body = doc.body
        kind = doc.kind
        if kind not in TOP_KINDS and not doc.flat:
            self.problem(doc.file, "", "", _("Objects of kind %s cannot be imported alone.") % kind)
            return
        schema_kind = VALIDATE_AS.get(kind) if not doc.flat else None
        if doc.flat:
            found = _flat_problems(kind, body)
        else:
            found = validation.problems(schema_kind or kind, body)
        if found:
            record = body.get("id", "") if isinstance(body, dict) else ""
            where = record if record else f"item {doc.index + 1}"
            for p in found[:20]:
                self.problem(doc.file, where, p.path, p.message)
            return
        self._add(kind, body, doc.file, f"[{doc.index}]", doc.index, None, top=True, flat=doc.flat)

    def _add(
        self,
        kind: str,
        obj: dict[str, Any],
        file: str,
        path: str,
        position: int,
        link: tuple[str, uuid.UUID] | None,
        *,
        top: bool = False,
        flat: bool = False,
    ) -> uuid.UUID:
        table = TABLES[kind]
        rid = uuid.UUID(obj["id"])
        values: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        known = known_properties(kind)
        for col in table.columns:
            if col in obj:
                val = obj[col]
                values[col] = val
                if val == "":
                    extra[col] = ""  # present but empty: kept so export gives it back
        for prop, attr in table.fks.items():
            if prop in obj:
                values[attr] = uuid.UUID(obj[prop])
        if kind == "attribute" and "link_id" in obj:
            values["link_id"] = uuid.UUID(obj["link_id"])
        if kind == "metadata" and "resource_id" in obj:
            values["resource_id"] = uuid.UUID(obj["resource_id"])
        if kind == "service" and "last_modified" in obj:
            extra["last_modified"] = obj["last_modified"]
        found = obj.get(EXTENSION)
        ours: dict[str, Any] = found if isinstance(found, dict) else {}
        for key, val in obj.items():
            if (key not in known and key != EXTENSION) or (
                key == EXTENSION and not isinstance(val, dict)
            ):
                extra[key] = val
        if link is not None:
            attr, parent_id = link
            if attr in values and values[attr] != parent_id:
                self.problem(
                    file,
                    rid,
                    attr,
                    _("says %(v)s but is nested in %(p)s") % {"v": values[attr], "p": parent_id},
                )
            values[attr] = parent_id
        if not flat:
            for prop, nested in table.nested.items():
                if prop not in obj:
                    continue
                items = obj[prop] if nested.many else [obj[prop]]
                for i, item in enumerate(items):
                    sub = f"{path}.{prop}" + (f"[{i}]" if nested.many else "")
                    if nested.link == "ref":
                        child = self._add(nested.kind, item, file, sub, i, None)
                        values[nested.fk] = child
                    elif nested.link == "child":
                        self._add(nested.kind, item, file, sub, i, (nested.fk, rid))
                    elif nested.link == "attribute":
                        self._add("attribute", item, file, sub, i, ("link_id", rid))
                    else:
                        self._add("metadata", item, file, sub, i, ("resource_id", rid))
        self._merge(Row(kind, rid, values, extra, ours, position, file, path, top))
        return rid

    def _merge(self, row: Row) -> None:
        rows = self.rows[row.kind]
        old = rows.get(row.id)
        if old is None:
            rows[row.id] = row
            return
        if old.top and row.top:
            self.problem(
                row.file,
                row.id,
                "id",
                _("The id %(id)s is used twice (also at %(other)s in %(file)s).")
                % {"id": row.id, "other": old.path, "file": old.file},
            )
            return
        for key in set(old.values) | set(row.values):
            a, b = old.values.get(key), row.values.get(key)
            if a is not None and b is not None and a != b:
                self.problem(
                    row.file,
                    row.id,
                    key,
                    _(
                        "The same %(kind)s appears twice with different values "
                        "(%(path)s and %(other)s)."
                    )
                    % {"kind": row.kind, "path": row.path, "other": old.path},
                )
                return
        old.values.update({k: v for k, v in row.values.items() if v is not None})
        old.extra.update(row.extra)
        old.ours.update(row.ours)
        old.top = old.top or row.top


def _flat_problems(kind: str, obj: Any) -> list[validation.Problem]:
    """A CSV row checked as its object with no nesting."""
    from pydantic import ValidationError

    try:
        TABLES[kind].schema.model_validate(obj)
    except ValidationError as exc:
        return [
            validation.Problem(validation._path(tuple(e["loc"])), validation._message(e))
            for e in exc.errors(include_url=False)
        ]
    return []
