"""Outcome scores for the message back to the GP: per instrument and score, the first and the
last valid result recorded on a case, with the change and whether it is meaningful."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from linkwork.outcomes import definitions
from linkwork.outcomes.models import Administration
from linkwork.outcomes.selectors import _compare


@dataclass(frozen=True)
class ScoreChange:
    instrument: str
    score: str
    first: float | int
    first_on: dt.date
    last: float | int | None
    last_on: dt.date | None
    change: float | int | None
    meaningful: str | None
    better: str | None


def first_and_last(case_id: int) -> list[ScoreChange]:
    """One query: every valid administration on the case, in time order."""
    by_code: dict[str, list[Administration]] = {}
    for a in Administration.objects.filter(case_id=case_id, valid=True).order_by(
        "administered_at", "pk"
    ):
        by_code.setdefault(a.instrument, []).append(a)
    out = []
    for code, rows in sorted(by_code.items()):
        try:
            inst = definitions.get(code)
        except definitions.UnknownInstrument:
            continue
        first, last = rows[0], rows[-1] if len(rows) > 1 else None
        for score in inst.scores:
            start = first.result.get("scores", {}).get(score.key)
            if not isinstance(start, int | float):
                continue
            end = last.result.get("scores", {}).get(score.key) if last else None
            change, meaningful = _compare(score, end, start) if last else (None, None)
            out.append(
                ScoreChange(
                    instrument=inst.short_name,
                    score=score.label,
                    first=start,
                    first_on=first.administered_at.date(),
                    last=end,
                    last_on=last.administered_at.date() if last else None,
                    change=change,
                    meaningful=meaningful,
                    better=score.better,
                )
            )
    return out
