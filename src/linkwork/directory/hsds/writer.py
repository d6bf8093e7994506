"""Write collected HSDS rows: check references and sizes, upsert in bulk, derive our fields."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import datetime
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from linkwork.directory.hsds.collector import (
    Collector,
    ImportFailed,
    ImportProblem,
    ImportResult,
    Row,
)
from linkwork.directory.hsds.tables import FK_TARGET, ORDER, TABLES

BATCH = 500


def _chunks(items: list[Any], size: int = BATCH) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def resolve_references(collector: Collector) -> list[str]:
    """Foreign keys must point at a record in this import or in the directory. HSDS data often
    names records published elsewhere (a parent organisation, a term's parent): such an id is
    kept as it was given (in `extra`, so export gives it back) and the link left empty.
    Returns a note per dangling reference."""
    wanted: dict[str, set[uuid.UUID]] = defaultdict(set)
    for rows in collector.rows.values():
        for row in rows.values():
            for attr, value in row.values.items():
                target = FK_TARGET.get(attr)
                if target and value is not None and value not in collector.rows[target]:
                    wanted[target].add(value)
    existing: dict[str, set[uuid.UUID]] = {}
    for target, ids in wanted.items():
        model = TABLES[target].model
        found: set[uuid.UUID] = set()
        for chunk in _chunks(sorted(ids)):
            found.update(model._default_manager.filter(id__in=chunk).values_list("id", flat=True))
        existing[target] = found
    notes = []
    for kind, rows in collector.rows.items():
        props = {attr: prop for prop, attr in TABLES[kind].fks.items()}
        for row in rows.values():
            for attr, value in list(row.values.items()):
                target = FK_TARGET.get(attr)
                if not target or value is None or value not in wanted.get(target, ()):
                    continue
                if value in existing[target]:
                    continue
                prop = props.get(attr, attr)
                row.extra[prop] = str(value)
                row.values[attr] = None
                notes.append(f"{row.file} {kind} {row.id}: {prop} {value} is not in the directory")
    return notes


def check_sizes(collector: Collector) -> list[ImportProblem]:
    problems = []
    for kind, rows in collector.rows.items():
        limits = {
            f.attname: f.max_length
            for f in TABLES[kind].model._meta.concrete_fields
            if isinstance(f, models.CharField) and f.max_length
        }
        for row in rows.values():
            for attr, value in row.values.items():
                limit = limits.get(attr)
                if limit and isinstance(value, str) and len(value) > limit:
                    problems.append(
                        ImportProblem(
                            row.file,
                            str(row.id),
                            attr,
                            _("is %(n)d characters long; the most we keep is %(max)d.")
                            % {"n": len(value), "max": limit},
                        )
                    )
    return problems


def _ours(row: Row, problems: list[ImportProblem]) -> dict[str, Any]:
    """Our extension fields, checked."""
    from linkwork.directory.models import Service, ServiceArea

    ours = row.ours
    out: dict[str, Any] = {}
    if not ours:
        return out

    def bad(key: str, message: str) -> None:
        problems.append(ImportProblem(row.file, str(row.id), f"linkwork.{key}", message))

    if row.kind == "service":
        if isinstance(ours.get("summary"), str):
            out["summary"] = ours["summary"][:500]
        if "access" in ours:
            if ours["access"] in {*Service.Access.values, ""}:
                out["access"] = ours["access"]
            else:
                bad("access", _("must be one of %s") % ", ".join(Service.Access.values))
        if "delivery_modes" in ours:
            modes = ours["delivery_modes"]
            if not isinstance(modes, list) or not set(modes) <= set(Service.DELIVERY_MODES):
                bad("delivery_modes", _("must be a list of %s") % ", ".join(Service.DELIVERY_MODES))
            else:
                for mode in Service.DELIVERY_MODES:
                    out[f"delivery_{mode}"] = mode in modes
        if "is_free" in ours:
            if ours["is_free"] in (True, False, None):
                out["is_free"] = ours["is_free"]
            else:
                bad("is_free", _("must be true, false or null"))
        if "last_reviewed_at" in ours:
            try:
                out["last_reviewed_at"] = datetime.fromisoformat(str(ours["last_reviewed_at"]))
            except ValueError:
                bad("last_reviewed_at", _("must be a date and time (ISO 8601)"))
    elif row.kind == "service_area":
        if ours.get("kind") in {*ServiceArea.Kind.values, ""}:
            out["kind"] = ours["kind"]
        if isinstance(ours.get("gss_code"), str) and len(ours["gss_code"]) <= 9:
            out["gss_code"] = ours["gss_code"]
    elif row.kind == "accessibility":
        if isinstance(ours.get("code"), str):
            out["code"] = ours["code"][:40]
    elif row.kind == "taxonomy_term":
        syn = ours.get("synonyms")
        if isinstance(syn, list) and all(isinstance(s, str) for s in syn):
            out["synonyms"] = syn
    return out


def _defaults(model: type[models.Model]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in model._meta.concrete_fields:
        if f.primary_key:
            continue
        if f.null:
            out[f.attname] = None
        elif isinstance(f, (models.CharField, models.TextField)):
            out[f.attname] = ""
    return out


def write_rows(
    collector: Collector, *, actor: Any = None, flag_duplicates: bool = True
) -> ImportResult:
    from linkwork.core import audit
    from linkwork.directory.models import ChangeRecord

    notes = resolve_references(collector)
    problems = check_sizes(collector)
    from linkwork.directory.hsds.interpret import web_address_problems

    problems += [ImportProblem(*p) for p in web_address_problems(collector)]
    ours_by_row: dict[tuple[str, uuid.UUID], dict[str, Any]] = {}
    for kind, rows in collector.rows.items():
        for row in rows.values():
            ours_by_row[(kind, row.id)] = _ours(row, problems)
    if problems:
        raise ImportFailed(problems)
    from linkwork.directory.hsds.interpret import interpret_rows

    inferences = interpret_rows(collector, ours_by_row)
    from linkwork.directory.hsds.derive import (
        categories_from_rows,
        derived_service_fields,
        map_terms,
        refresh_points,
        write_categories,
    )

    derived, points_later = derived_service_fields(collector)
    result = ImportResult()
    result.notes = notes
    result.inferences = [str(i) for i in inferences]
    now = timezone.now()
    history: list[ChangeRecord] = []
    for kind in ORDER:
        kind_rows = list(collector.rows[kind].values())
        if not kind_rows:
            continue
        table = TABLES[kind]
        model = table.model
        # Columns the document leaves out are reset; links are only ever added, because one
        # record (a phone) may be nested under several parents across files.
        defaults = {k: v for k, v in _defaults(model).items() if k in table.columns}
        wanted: dict[uuid.UUID, dict[str, Any]] = {}
        for row in kind_rows:
            values = {**defaults, **row.values, "extra": row.extra, "position": row.position}
            values.update(ours_by_row[(kind, row.id)])
            if kind == "service":
                values.update(derived[row.id])
            wanted[row.id] = values
        fields = sorted({k for v in wanted.values() for k in v})
        existing: dict[uuid.UUID, dict[str, Any]] = {}
        for chunk in _chunks(list(wanted)):
            for current in model._default_manager.filter(id__in=chunk).values("id", *fields):
                existing[current.pop("id")] = current
        to_create, to_update = [], []
        touched_fields: set[str] = set()
        for rid, values in wanted.items():
            if rid not in existing:
                to_create.append(model(id=rid, **values))
                continue
            changed = [k for k, v in values.items() if existing[rid].get(k) != v]
            if changed:
                to_update.append(model(id=rid, **values))
                touched_fields.update(changed)
                if kind in ("service", "organization"):
                    history.append(
                        ChangeRecord(
                            object_type=kind,
                            object_id=rid,
                            kind=ChangeRecord.Kind.IMPORT,
                            changes=[{"field": k} for k in sorted(changed)],
                            actor=actor,
                            actor_name=getattr(actor, "username", "") or "import",
                        )
                    )
        for obj in to_create:
            if kind in ("service", "organization"):
                history.append(
                    ChangeRecord(
                        object_type=kind,
                        object_id=obj.pk,
                        kind=ChangeRecord.Kind.IMPORT,
                        actor=actor,
                        actor_name=getattr(actor, "username", "") or "import",
                    )
                )
        model._default_manager.bulk_create(to_create, batch_size=BATCH)
        if to_update:
            update_fields = sorted(touched_fields)
            stamp = next(
                (f.attname for f in model._meta.concrete_fields if f.attname == "last_modified"),
                None,
            )
            if stamp is not None:
                for obj in to_update:
                    setattr(obj, stamp, now)
                update_fields.append(stamp)
            model._default_manager.bulk_update(to_update, update_fields, batch_size=BATCH)
        result.created[kind] = len(to_create)
        result.updated[kind] = len(to_update)
        result.unchanged[kind] = len(wanted) - len(to_create) - len(to_update)
    service_ids = list(collector.rows["service"])
    result.service_ids = service_ids
    result.unmapped_terms = map_terms(list(collector.rows["taxonomy_term"]))
    write_categories(service_ids, categories_from_rows(collector))
    refresh_points(points_later)
    ChangeRecord.objects.bulk_create(history, batch_size=BATCH)
    if flag_duplicates and result.created.get("service"):
        from linkwork.directory.duplicates import flag_duplicates_among

        created = [r.id for r in collector.rows["service"].values()]
        result.duplicates_flagged = flag_duplicates_among(service_ids=created)
    audit.record(
        audit.Action.CREATE,
        "directory.hsds_import",
        actor=actor,
        detail={"count": len(service_ids), "format": "hsds", "via": "import-hsds"},
    )
    return result
