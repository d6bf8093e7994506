"""Statistical disclosure control for counts that leave the analyst role.

Primary suppression hides every count from 1 to 4 (PHS/ISD practice: "counts below 5").
Secondary suppression then hides further cells until no hidden value can be worked out from
the published values and the table's additive structure (cells add up to row totals, column
totals and the grand total). Whether a hidden value is determined is decided exactly, by linear
algebra: a hidden entry is recoverable iff its unit vector lies in the row space of the
constraint matrix restricted to the hidden entries. Greedy choice: hide the smallest published
non-zero entry on a line through the recoverable one (the cheapest information to lose).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

THRESHOLD = 5


@dataclass(frozen=True)
class SuppressedTable:
    """A table of counts ready to publish: ``None`` where a value is suppressed."""

    cells: list[list[int | None]]
    row_totals: list[int | None] | None
    col_totals: list[int | None] | None
    total: int | None

    @property
    def suppressed_count(self) -> int:
        hidden = sum(v is None for row in self.cells for v in row)
        for margin in (self.row_totals or [], self.col_totals or []):
            hidden += sum(v is None for v in margin)
        return hidden + (self.total is None)


def _primary(value: int, threshold: int) -> bool:
    return 0 < value < threshold


class _Layout:
    """Every published entry of a table (cells, margins, total) as one vector, with the
    linear constraints linking them."""

    def __init__(self, rows: int, cols: int, row_totals: bool, col_totals: bool) -> None:
        self.rows, self.cols = rows, cols
        self.index: dict[tuple[str, int, int], int] = {}
        for i in range(rows):
            for j in range(cols):
                self.index[("cell", i, j)] = len(self.index)
        if row_totals:
            for i in range(rows):
                self.index[("row", i, 0)] = len(self.index)
        if col_totals:
            for j in range(cols):
                self.index[("col", j, 0)] = len(self.index)
        self.index[("total", 0, 0)] = len(self.index)
        size = len(self.index)
        constraints: list[np.ndarray] = []

        def line(members: list[int], total: int) -> None:
            vec = np.zeros(size)
            vec[members] = 1
            vec[total] = -1
            constraints.append(vec)

        cell = self.index
        if row_totals:
            for i in range(rows):
                line([cell[("cell", i, j)] for j in range(cols)], cell[("row", i, 0)])
            line([cell[("row", i, 0)] for i in range(rows)], cell[("total", 0, 0)])
        if col_totals:
            for j in range(cols):
                line([cell[("cell", i, j)] for i in range(rows)], cell[("col", j, 0)])
            line([cell[("col", j, 0)] for j in range(cols)], cell[("total", 0, 0)])
        if not row_totals and not col_totals:
            line(
                [cell[("cell", i, j)] for i in range(rows) for j in range(cols)],
                cell[("total", 0, 0)],
            )
        self.matrix = np.array(constraints)
        # Lines: each constraint's members, for choosing a secondary cell on the same line.
        self.lines = [set(np.nonzero(row)[0].tolist()) for row in self.matrix]


def _null_space(sub: np.ndarray) -> np.ndarray:
    """An orthonormal basis (as columns) of the directions the hidden entries can move in
    together without changing any published value: the null space of the constraints
    restricted to the hidden entries (SVD, numpy's default rank tolerance)."""
    _u, singular, vt = np.linalg.svd(sub)
    tol = singular.max(initial=0.0) * max(sub.shape) * np.finfo(float).eps
    rank = int((singular > tol).sum())
    return np.asarray(vt[rank:].T)


def _wide_range(basis: np.ndarray, point: np.ndarray, k: int) -> bool:
    """Whether hidden entry ``k`` provably takes values at least one count apart: moving the
    true values along the null-space direction that changes entry ``k`` most, as far as counts
    stay non-negative, is a certificate that the attacker's range is at least that wide. False
    means "not shown this way" (the linear programme decides), never "recoverable"."""
    direction = basis @ basis[k]
    down, up = direction < -1e-12, direction > 1e-12
    # steps t with point + t * direction >= 0
    high = np.min(point[down] / -direction[down]) if down.any() else np.inf
    low = np.max(-point[up] / direction[up]) if up.any() else -np.inf
    return bool((high - low) * direction[k] >= 1)


def recoverable(matrix: np.ndarray, values: np.ndarray, hidden: Sequence[int]) -> list[int]:
    """The hidden entries whose exact value follows from the published ones.

    First by linear algebra (the value is a linear combination of published values: its unit
    vector is in the row space of the constraints on the hidden entries, that is, it has no
    component in their null space), then, for the rest, by what an attacker with a linear
    programme finds: the smallest and largest value a hidden count can take given that counts
    are never negative. A range narrower than one count gives the value away. The linear
    programmes run only for entries whose range is not already shown to be at least one count
    wide by moving the true values along the null space (`_wide_range`): the answer is the
    same, with a linear programme only where it is needed.
    """
    hidden = list(hidden)
    if not hidden:
        return []
    sub = matrix[:, hidden]
    basis = _null_space(sub)
    free = np.abs(basis).max(axis=1, initial=0.0) > 1e-9 if basis.size else np.zeros(len(hidden))
    found = [entry for k, entry in enumerate(hidden) if not free[k]]
    if found:
        return found
    point = values[hidden]
    undecided = [k for k in range(len(hidden)) if not _wide_range(basis, point, k)]
    if not undecided:
        return []
    hidden_set = set(hidden)
    published = [k for k in range(matrix.shape[1]) if k not in hidden_set]
    rhs = -matrix[:, published] @ values[published]
    bounds = [(0, None)] * len(hidden)
    from scipy.optimize import linprog  # here, not at the top: slow to import, rarely needed

    for k in undecided:
        objective = np.zeros(len(hidden))
        objective[k] = 1
        low = linprog(objective, A_eq=sub, b_eq=rhs, bounds=bounds, method="highs")
        high = linprog(-objective, A_eq=sub, b_eq=rhs, bounds=bounds, method="highs")
        if low.success and high.success and (-high.fun - low.fun) < 1:
            found.append(hidden[k])
    return found


def _secondary_candidates(
    layout: _Layout, values: np.ndarray, hidden: set[int], exposed: list[int]
) -> list[int]:
    """Published entries worth hiding next: non-zero ones on a line through an exposed entry;
    failing that, on any line through a hidden entry; failing that, anything published."""
    for target in exposed:
        near = {k for line in layout.lines if target in line for k in line} - hidden
        if any(values[k] > 0 for k in near):
            return [k for k in near if values[k] > 0]
        if near:
            return sorted(near)
    touching = {k for line in layout.lines if line & hidden for k in line} - hidden
    if touching:
        return sorted(touching)
    return [k for k in range(len(values)) if k not in hidden]


def suppress(
    cells: Sequence[Sequence[int]],
    *,
    row_totals: bool = True,
    col_totals: bool = True,
    threshold: int = THRESHOLD,
) -> SuppressedTable:
    """Suppress small counts in a table and enough others that none can be recomputed."""
    rows = len(cells)
    cols = len(cells[0]) if rows else 0
    if rows == 0 or cols == 0:
        return SuppressedTable([[]], [] if row_totals else None, [] if col_totals else None, 0)
    layout = _Layout(rows, cols, row_totals, col_totals)
    values = np.zeros(len(layout.index), dtype=np.int64)
    for (kind, a, b), k in layout.index.items():
        if kind == "cell":
            values[k] = cells[a][b]
        elif kind == "row":
            values[k] = sum(cells[a])
        elif kind == "col":
            values[k] = sum(cells[i][a] for i in range(rows))
        else:
            values[k] = sum(sum(r) for r in cells)
    hidden = {k for k in range(len(values)) if _primary(int(values[k]), threshold)}
    while True:
        exposed = recoverable(layout.matrix, values.astype(float), sorted(hidden))
        if not exposed:
            break
        candidates = _secondary_candidates(layout, values, hidden, exposed)
        hidden.add(min(candidates, key=lambda k: (values[k], k)))

    def shown(k: int) -> int | None:
        return None if k in hidden else int(values[k])

    out_cells = [[shown(layout.index[("cell", i, j)]) for j in range(cols)] for i in range(rows)]
    out_rows = [shown(layout.index[("row", i, 0)]) for i in range(rows)] if row_totals else None
    out_cols = [shown(layout.index[("col", j, 0)]) for j in range(cols)] if col_totals else None
    return SuppressedTable(out_cells, out_rows, out_cols, shown(layout.index[("total", 0, 0)]))


def suppress_series(
    counts: Sequence[int], *, threshold: int = THRESHOLD
) -> tuple[list[int | None], int | None]:
    """A one-way table (counts by category and their total)."""
    table = suppress([list(counts)], row_totals=True, col_totals=False, threshold=threshold)
    return table.cells[0], table.total
