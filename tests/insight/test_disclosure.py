"""Disclosure control: small counts hidden, and no hidden count can be worked out again from
the published cells and totals (an attacker solving the table is part of the test)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import linprog

from linkwork.insight.disclosure import (
    SuppressedTable,
    _Layout,
    recoverable,
    suppress,
    suppress_series,
)


def attack(
    table: SuppressedTable, rows: int, cols: int
) -> dict[tuple[str, int, int], tuple[float, float]]:
    """Every hidden entry's smallest and largest value consistent with what was published
    (non-negative counts adding up to the totals), found by linear programming."""
    names: list[tuple[str, int, int]] = []
    known: dict[tuple[str, int, int], float] = {}
    entries: dict[tuple[str, int, int], int | None] = {}
    for i in range(rows):
        for j in range(cols):
            entries[("cell", i, j)] = table.cells[i][j]
    if table.row_totals is not None:
        for i in range(rows):
            entries[("row", i, 0)] = table.row_totals[i]
    if table.col_totals is not None:
        for j in range(cols):
            entries[("col", j, 0)] = table.col_totals[j]
    entries[("total", 0, 0)] = table.total
    for key, value in entries.items():
        if value is None:
            names.append(key)
        else:
            known[key] = value
    if not names:
        return {}
    index = {k: n for n, k in enumerate(names)}
    equations: list[tuple[list[tuple[str, int, int]], tuple[str, int, int]]] = []
    if table.row_totals is not None:
        equations += [([("cell", i, j) for j in range(cols)], ("row", i, 0)) for i in range(rows)]
    if table.col_totals is not None:
        equations += [([("cell", i, j) for i in range(rows)], ("col", j, 0)) for j in range(cols)]
    everything = [("cell", i, j) for i in range(rows) for j in range(cols)]
    equations.append((everything, ("total", 0, 0)))
    a_eq, b_eq = [], []
    for members, total in equations:
        row = np.zeros(len(names))
        rhs = 0.0
        for m in members:
            if m in index:
                row[index[m]] += 1
            else:
                rhs -= known[m]
        if total in index:
            row[index[total]] -= 1
        else:
            rhs += known[total]
        a_eq.append(row)
        b_eq.append(rhs)
    result = {}
    for name in names:
        c = np.zeros(len(names))
        c[index[name]] = 1
        bounds = [(0, None)] * len(names)
        low = linprog(c, A_eq=a_eq, b_eq=b_eq, bounds=bounds)
        high = linprog(-c, A_eq=a_eq, b_eq=b_eq, bounds=bounds)
        assert low.success
        assert high.success or high.status == 3  # 3: unbounded, no upper limit at all
        result[name] = (low.fun, -high.fun if high.success else float("inf"))
    return result


def test_counts_below_five_are_hidden_and_others_shown() -> None:
    table = suppress([[12, 3, 20], [15, 30, 9], [40, 22, 18]])
    assert table.cells[0][1] is None
    assert table.cells[1][1] == 30
    assert table.total == 169


def test_a_lone_small_count_in_a_series_takes_a_second_cell_with_it() -> None:
    cells, total = suppress_series([3, 10, 12])
    # with 3 hidden alone, 25 - 10 - 12 would give it back
    assert cells == [None, None, 12]
    assert total == 25


def test_a_series_without_small_counts_is_untouched() -> None:
    assert suppress_series([5, 10, 0]) == ([5, 10, 0], 15)


def test_a_small_total_is_hidden_with_its_cells() -> None:
    table = suppress([[1, 2], [30, 40]])
    assert table.row_totals is not None
    assert table.row_totals[0] is None
    assert table.cells[0] == [None, None]


@pytest.mark.parametrize("seed", range(40))
def test_hidden_counts_cannot_be_recomputed_from_totals(seed: int) -> None:
    rng = np.random.default_rng(seed)
    rows, cols = int(rng.integers(1, 6)), int(rng.integers(2, 7))
    cells = rng.choice([0, 1, 2, 3, 4, 6, 9, 15, 40], size=(rows, cols)).tolist()
    table = suppress(cells)
    hidden = 0
    for i in range(rows):
        for j in range(cols):
            if 0 < cells[i][j] < 5:
                assert table.cells[i][j] is None
    for name, (low, high) in attack(table, rows, cols).items():
        hidden += 1
        assert high - low > 0.5, f"{name} recoverable: {low}..{high} in {cells}"
    if any(0 < v < 5 for row in cells for v in row):
        assert hidden >= 2


def test_published_values_are_the_true_values() -> None:
    cells = [[12, 3, 20], [15, 30, 9], [40, 22, 18]]
    table = suppress(cells)
    for i, row in enumerate(cells):
        for j, value in enumerate(row):
            assert table.cells[i][j] in (None, value)


def _recoverable_by_linear_programmes(
    matrix: np.ndarray, values: np.ndarray, hidden: list[int]
) -> list[int]:
    """The slow, obvious check: each hidden entry's range by two linear programmes (entries a
    linear combination of published values are found first, as `recoverable` does)."""
    sub = matrix[:, hidden]
    rank = np.linalg.matrix_rank(sub)
    linear = []
    for k, entry in enumerate(hidden):
        unit = np.zeros(len(hidden))
        unit[k] = 1
        if np.linalg.matrix_rank(np.vstack([sub, unit])) == rank:
            linear.append(entry)
    if linear:
        return linear
    published = [k for k in range(matrix.shape[1]) if k not in hidden]
    rhs = -matrix[:, published] @ values[published]
    found = []
    for k, entry in enumerate(hidden):
        c = np.zeros(len(hidden))
        c[k] = 1
        low = linprog(c, A_eq=sub, b_eq=rhs, bounds=[(0, None)] * len(hidden))
        high = linprog(-c, A_eq=sub, b_eq=rhs, bounds=[(0, None)] * len(hidden))
        if low.success and high.success and (-high.fun - low.fun) < 1:
            found.append(entry)
    return found


@pytest.mark.parametrize("seed", range(60))
def test_the_quick_recoverability_check_agrees_with_linear_programmes(seed: int) -> None:
    """`recoverable` skips the linear programmes where moving the true values along the null
    space already shows a range of a count or more: it must find exactly what they find."""
    rng = np.random.default_rng(seed)
    rows, cols = int(rng.integers(1, 6)), int(rng.integers(1, 6))
    layout = _Layout(rows, cols, row_totals=bool(rng.integers(0, 2)), col_totals=True)
    values = np.zeros(len(layout.index))
    cells = rng.choice([0, 0, 1, 2, 3, 4, 7, 20], size=(rows, cols))
    for (kind, a, b), k in layout.index.items():
        values[k] = (
            cells[a, b]
            if kind == "cell"
            else cells[a].sum()
            if kind == "row"
            else cells[:, a].sum()
            if kind == "col"
            else cells.sum()
        )
    size = len(values)
    hidden = sorted(rng.choice(size, size=int(rng.integers(1, size + 1)), replace=False).tolist())
    assert recoverable(layout.matrix, values, hidden) == _recoverable_by_linear_programmes(
        layout.matrix, values, hidden
    )
