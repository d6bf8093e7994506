"""Reading the person-level CSV that `linkwork evaluate` analyses, and the analysis itself,
shared by the command and the tests. Every value is checked; the first bad one is reported by
line, row and column."""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from linkwork.insight import statistics as st

COLUMNS = st.FRAME_COLUMNS


class CSVProblem(ValueError):
    """The CSV cannot be analysed; the message names where."""


@dataclass(frozen=True)
class _Column:
    name: str
    kind: str  # "text", "number", "whole", "sex", "quintile", "binary"
    required: bool


_SPEC = (
    _Column("person_id", "text", True),
    _Column("practice_id", "text", True),
    _Column("age", "number", False),
    _Column("sex", "sex", False),
    _Column("simd_quintile", "quintile", False),
    _Column("contacts", "whole", False),
    _Column("engaged", "binary", False),
    _Column("baseline", "number", False),
    _Column("followup", "number", False),
)


def _parse(value: str, column: _Column, where: str) -> object:
    text = value.strip()
    if text == "":
        if column.required:
            raise CSVProblem(f"{where}, column '{column.name}': a value is needed")
        return None
    if column.kind == "text":
        return text
    if column.kind == "sex":
        if text not in ("F", "M"):
            raise CSVProblem(f"{where}, column 'sex': {text!r} is not F or M")
        return text
    try:
        number = float(text)
    except ValueError:
        raise CSVProblem(f"{where}, column '{column.name}': {text!r} is not a number") from None
    if not math.isfinite(number):
        raise CSVProblem(f"{where}, column '{column.name}': {text!r} is not a finite number")
    if column.kind == "number":
        return number
    if number != int(number):
        raise CSVProblem(f"{where}, column '{column.name}': {text!r} is not a whole number")
    whole = int(number)
    if column.kind == "whole" and whole < 0:
        raise CSVProblem(f"{where}, column '{column.name}': {text!r} is negative")
    if column.kind == "quintile" and not 1 <= whole <= 5:
        raise CSVProblem(f"{where}, column 'simd_quintile': {text!r} is not 1 to 5")
    if column.kind == "binary" and whole not in (0, 1):
        raise CSVProblem(f"{where}, column '{column.name}': {text!r} is not 0 or 1")
    return whole


def read(lines: Iterable[str]) -> pd.DataFrame:
    """The CSV as a frame with FRAME_COLUMNS, or CSVProblem naming the row and column."""
    reader = csv.DictReader(lines)
    header = reader.fieldnames or []
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise CSVProblem(f"line 1 (header): missing column(s) {', '.join(missing)}")
    records = []
    seen: set[str] = set()
    for number, raw in enumerate(reader, start=1):
        where = f"line {reader.line_num} (row {number})"
        if None in raw:
            raise CSVProblem(f"{where}: more values than columns")
        values = {}
        for column in _SPEC:
            cell = raw.get(column.name)
            if cell is None:
                raise CSVProblem(f"{where}, column '{column.name}': the value is missing")
            values[column.name] = _parse(cell, column, where)
        if values["person_id"] in seen:
            raise CSVProblem(f"{where}, column 'person_id': {values['person_id']!r} appears twice")
        seen.add(str(values["person_id"]))
        records.append(values)
    frame = pd.DataFrame.from_records(records, columns=list(COLUMNS))
    for col in ("age", "simd_quintile", "contacts", "engaged", "baseline", "followup"):
        frame[col] = pd.to_numeric(frame[col], errors="raise").astype(float)
    return frame


def _clean(value: float | None) -> float | None:
    return None if value is None or not math.isfinite(value) else value


def evaluate(frame: pd.DataFrame, *, outcome: str) -> dict[str, object]:
    """The JSON `linkwork evaluate` prints: n (people with a follow-up), how many rows were
    excluded and why, the paired change, and the multilevel model."""
    with_followup = frame[frame["followup"].notna()]
    n = len(with_followup)
    change = st.paired_change(
        with_followup["baseline"].tolist(), with_followup["followup"].tolist()
    )
    model = st.fit_outcome_model(frame)
    model_dict = model.as_dict()
    coefficients = {k: c.as_dict() for k, c in model.coefficients.items()}
    return {
        "outcome": outcome,
        "n": n,
        "excluded": len(frame) - n,
        "exclusions": {"no follow-up": len(frame) - n},
        "paired_change": {
            "n": change.n,
            "mean": _clean(change.mean),
            "ci_low": _clean(change.ci_low),
            "ci_high": _clean(change.ci_high),
            "cohens_d": _clean(change.cohens_d),
            "estimable": change.estimable,
            "reason": change.reason,
        },
        "model": {
            **model_dict,
            "coefficients": {k: v for k, v in coefficients.items() if k != "intercept"},
            "intercept": coefficients.get("intercept"),
        },
    }
