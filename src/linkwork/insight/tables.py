"""Aggregate tables as insight publishes them: counts by one or two categories, with the
disclosure control applied when they leave the analyst role."""

from __future__ import annotations

from dataclasses import dataclass, field

from linkwork.insight.disclosure import suppress


@dataclass(frozen=True)
class CountTable:
    """Counts of people or events by a row category (and, optionally, column categories)."""

    key: str
    title: str
    row_label: str
    rows: list[str]
    columns: list[str]
    cells: list[list[int]]
    note: str = ""

    def publish(self, *, suppressed: bool) -> PublishedTable:
        if not self.rows:
            return PublishedTable(self, [], [], None, suppressed)
        if not suppressed:
            row_totals: list[int | None] = [sum(r) for r in self.cells]
            col_totals: list[int | None] = [sum(c) for c in zip(*self.cells, strict=True)]
            return PublishedTable(
                self,
                [list(r) for r in self.cells],
                row_totals if len(self.columns) > 1 else [],
                sum(sum(r) for r in self.cells),
                False,
                col_totals,
            )
        multi = len(self.columns) > 1
        table = suppress(self.cells, row_totals=multi, col_totals=True)
        return PublishedTable(
            self,
            table.cells,
            table.row_totals or [],
            table.total,
            True,
            table.col_totals or [],
        )


@dataclass(frozen=True)
class PublishedTable:
    source: CountTable
    cells: list[list[int | None]]
    row_totals: list[int | None]
    total: int | None
    suppressed: bool
    col_totals: list[int | None] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.source.key

    @property
    def title(self) -> str:
        return self.source.title

    def body(self) -> list[tuple[str, list[int | None], int | None]]:
        """(row label, cells, row total) for templates."""
        totals = self.row_totals or [None] * len(self.cells)
        return [
            (label, cells, total)
            for label, cells, total in zip(self.source.rows, self.cells, totals, strict=True)
        ]

    def csv_rows(self) -> list[list[str]]:
        src = self.source
        header = [src.row_label, *src.columns]
        if self.row_totals:
            header.append("Total")
        out = [header]
        for label, cells, total in self.body():
            row = [label, *("*" if v is None else str(v) for v in cells)]
            if self.row_totals:
                row.append("*" if total is None else str(total))
            out.append(row)
        if self.col_totals:
            footer = ["Total", *("*" if v is None else str(v) for v in self.col_totals)]
            if self.row_totals:
                footer.append("*" if self.total is None else str(self.total))
            out.append(footer)
        return out

    def as_json(self) -> dict[str, object]:
        return {
            "key": self.key,
            "title": str(self.title),
            "row_label": str(self.source.row_label),
            "columns": [str(c) for c in self.source.columns],
            "rows": [
                {"label": str(label), "values": cells, "total": total}
                for label, cells, total in self.body()
            ],
            "column_totals": self.col_totals,
            "total": self.total,
            "suppressed": self.suppressed,
            "note": str(self.source.note),
        }
