"""Load places files into the database: one transaction, bulk upserts, a progress bar.

Loading is an upsert keyed on the official codes (and the postcode), so loading the same files
twice leaves the same rows. Any broken file stops the load with a `LoadError` and, because
everything runs in one transaction, nothing is changed.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.db import connection, models, transaction
from django.utils.translation import gettext as _
from tqdm import tqdm

from linkwork.places import codes as gss
from linkwork.places.loading.boundaries import read_boundaries
from linkwork.places.loading.kinds import Layout, layout_for
from linkwork.places.loading.rows import LOADERS
from linkwork.places.loading.sources import LoadError, csv_rows, read_header, read_json, sniff
from linkwork.places.models import (
    HSCP,
    CouncilArea,
    DataZone,
    HealthBoard,
    IntermediateZone,
    Postcode,
)
from linkwork.places.pack import pack_files

PLACES_TABLES = [
    m._meta.db_table for m in (CouncilArea, HealthBoard, HSCP, IntermediateZone, DataZone, Postcode)
]
LOADABLE_SUFFIXES = (".csv", ".gz", ".geojson", ".json")
BUILTIN_NAMES: dict[type[models.Model], dict[str, str]] = {
    CouncilArea: gss.COUNCIL_AREAS,
    HealthBoard: gss.HEALTH_BOARDS,
    HSCP: gss.HSCPS,
}


@dataclass
class LoadSummary:
    files: list[tuple[Path, str, int]] = field(default_factory=list)  # path, kind, rows read
    rows: Counter[str] = field(default_factory=Counter)  # rows written per table
    skipped: int = 0  # rows of other countries in the NSPL
    seconds: float = 0.0

    @property
    def rows_read(self) -> int:
        return sum(n for _path, _kind, n in self.files)


@dataclass
class Plan:
    path: Path
    order: int
    label: str
    layout: Layout | None = None  # CSV files
    json: Any = None  # GeoJSON files


class Context:
    """What the database (and this load so far) knows, so references can be checked."""

    def __init__(self) -> None:
        self.areas = {
            m: set(m._default_manager.values_list("code", flat=True)) for m in BUILTIN_NAMES
        }
        self.pending: dict[type[models.Model], dict[str, str]] = {m: {} for m in BUILTIN_NAMES}
        self.pending[IntermediateZone] = {}
        self.zones = set(IntermediateZone.objects.values_list("code", flat=True))
        self._data_zones: dict[str, tuple[str | None, str | None]] | None = None

    def data_zones(self) -> dict[str, tuple[str | None, str | None]]:
        """Data zone -> (intermediate zone, HSCP)."""
        if self._data_zones is None:
            self._data_zones = {
                code: (iz, hscp)
                for code, iz, hscp in DataZone.objects.values_list(
                    "code", "intermediate_zone_id", "hscp_id"
                )
            }
        return self._data_zones

    def forget_data_zones(self) -> None:
        self._data_zones = None

    def area(
        self, model: type[models.Model], code: str, path: Path, line: int, column: str
    ) -> str | None:
        if not code:
            return None
        if code in self.areas[model]:
            return code
        name = BUILTIN_NAMES[model].get(code)
        if name is None:
            raise LoadError(
                path,
                _("“%(code)s” is not a current %(area)s code.")
                % {"code": code, "area": model._meta.verbose_name},
                line=line,
                column=column,
            )
        self.pending[model][code] = name
        self.areas[model].add(code)
        return code

    def intermediate_zone(self, code: str) -> str | None:
        if code and code not in self.zones:
            self.pending[IntermediateZone][code] = code  # named when the SIMD file is loaded
            self.zones.add(code)
        return code or None

    def flush(self) -> None:
        """Create the areas and zones referenced so far that did not exist yet."""
        for model, pending in self.pending.items():
            if pending:
                model._default_manager.bulk_create(
                    [model(code=c, name=n) for c, n in pending.items()], ignore_conflicts=True
                )
                pending.clear()


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files, with folders replaced by the loadable files in them."""
    result = []
    for path in paths:
        if path.is_dir():
            result += sorted(
                p for p in path.iterdir() if p.is_file() and p.name.endswith(LOADABLE_SUFFIXES)
            )
        elif path.is_file():
            result.append(path)
        else:
            raise LoadError(path, _("there is no such file."))
    return result


def plan(paths: Sequence[Path]) -> list[Plan]:
    """Recognise every file before loading any, so an unknown file fails before any write."""
    plans = []
    for path in expand(paths):
        if sniff(path) == "json":
            data = read_json(path)
            kind, _areas = read_boundaries(path, data)
            plans.append(Plan(path, 0, kind.label, json=data))
        else:
            layout = layout_for(path, read_header(path))
            plans.append(Plan(path, layout.kind.order, layout.kind.label, layout=layout))
    return sorted(plans, key=lambda p: p.order)  # stable: same-kind files keep their order


def load_places(
    *, paths: Sequence[Path] | None = None, progress: bool = True, stream: IO[str] | None = None
) -> LoadSummary:
    """Load the given places files (or the shipped pack) in one transaction."""
    started = time.perf_counter()
    plans = plan([Path(p) for p in paths] if paths else pack_files())
    summary = LoadSummary()
    total = sum(p.path.stat().st_size for p in plans)
    # SQLite checks each foreign key row by row, which triples the time of a national load.
    # Outside a transaction we switch that off, check every reference once at the end
    # (PRAGMA foreign_key_check), and switch it on again. The loader has already checked
    # each code, so the final check is a safety net.
    deferred = connection.vendor == "sqlite" and connection.disable_constraint_checking()
    try:
        with (
            tqdm(
                total=total,
                unit="B",
                unit_scale=True,
                file=stream or sys.stderr,
                disable=not progress,
                desc=_("Loading places"),
            ) as bar,
            transaction.atomic(),
        ):
            _load_all(plans, summary, bar)
            if deferred:
                connection.check_constraints(table_names=PLACES_TABLES)
    finally:
        if deferred:
            connection.enable_constraint_checking()
    summary.seconds = time.perf_counter() - started
    return summary


def _load_all(plans: list[Plan], summary: LoadSummary, bar: tqdm) -> None:  # type: ignore[type-arg]
    ctx = Context()
    for item in plans:
        bar.set_postfix_str(item.path.name)
        done = 0

        def advance(position: int) -> None:
            nonlocal done
            bar.update(position - done)
            done = position

        if item.json is not None:
            _kind, areas = read_boundaries(item.path, item.json)
            model = type(areas[0])
            model._default_manager.bulk_create(
                areas,
                update_conflicts=True,
                unique_fields=["code"],
                update_fields=["name", "boundary"],
            )
            for area in areas:
                ctx.areas[model].add(area.pk)
            summary.rows[str(model._meta.model_name)] += len(areas)
            read = len(areas)
            advance(item.path.stat().st_size)
        else:
            assert item.layout is not None
            read = _load_csv(item.layout, ctx, summary, advance)
        summary.files.append((item.path, item.label, read))


def _load_csv(layout: Layout, ctx: Context, summary: LoadSummary, advance: Any) -> int:
    loader = LOADERS[layout.kind.target](layout, ctx, summary)
    path, columns = layout.path, layout.cells()
    keep = layout.kind.keep
    read = 0
    for line, row in csv_rows(path, on_progress=advance):
        if keep is not None and row[layout.keep_index].strip() != keep[1]:  # type: ignore[index]
            summary.skipped += 1
            continue
        values: dict[str, Any] = {}
        for attr, index, name, convert in columns:
            try:
                values[attr] = convert(row[index])
            except ValueError as exc:
                raise LoadError(path, str(exc), line=line, column=name) from None
        loader.add(line, values)
        read += 1
    loader.finish()
    return read
