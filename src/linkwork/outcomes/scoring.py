"""One scoring function for every instrument definition.

`score(instrument, answers)` takes the item values in questionnaire order (None for a missing
item) and applies the definition's own rules: sums, the SWEMWBS conversion table, single-item
scores, the EQ-5D-5L profile and value set, bands, flags and the missing-item rule. The
command line, the API and the app all call it, so a score means the same everywhere.

Answers that cannot be item values (wrong count, out of range, not whole numbers) raise
`AnswerError` naming the item; a missing item is not an error but is handled by the rule.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from math import floor
from typing import Any

from linkwork.outcomes import definitions
from linkwork.outcomes.definitions import Instrument, Item, Score
from linkwork.outcomes.value_sets import ValueSet

Answer = int | None
_WHOLE = re.compile(r"^[+-]?\d+$")


class AnswerError(ValueError):
    """Answers that cannot be scored at all; the message names the item."""

    def __init__(self, message: str, *, item: int | None = None) -> None:
        super().__init__(message)
        self.item = item


@dataclass
class ScoreResult:
    instrument: str
    valid: bool
    scores: dict[str, Any]
    bands: dict[str, str | None]
    flags: list[str]
    reasons: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The published JSON shape; `reasons` appears only when there is something to say."""
        out: dict[str, Any] = {
            "instrument": self.instrument,
            "valid": self.valid,
            "scores": self.scores,
            "bands": self.bands,
            "flags": self.flags,
        }
        if self.reasons:
            out["reasons"] = self.reasons
        return out


def _instrument(instrument: Instrument | str) -> Instrument:
    return instrument if isinstance(instrument, Instrument) else definitions.get(instrument)


def parse_answers(instrument: Instrument | str, text: str) -> list[Answer]:
    """`"1,,2,3"` -> `[1, None, 2, 3]`, checked against the definition."""
    return check_answers(instrument, [part.strip() for part in text.split(",")])


def check_answers(instrument: Instrument | str, answers: Sequence[object]) -> list[Answer]:
    """Normalise answers to whole numbers or None, or raise AnswerError naming the item."""
    inst = _instrument(instrument)
    if len(answers) != len(inst.items):
        n = len(inst.items)
        raise AnswerError(
            f"{inst.short_name} has {n} item{'s' if n != 1 else ''} but {len(answers)} "
            f"answer{'s' if len(answers) != 1 else ''} {'were' if len(answers) != 1 else 'was'} "
            f"given; give one value per item in questionnaire order (leave a value empty for a "
            f"missing item)."
        )
    checked: list[Answer] = []
    for item, raw in zip(inst.items, answers, strict=True):
        value = _whole_number(raw, item)
        if value is not None and not item.response_set.allows(value):
            raise AnswerError(
                f"{item.name}: {value} is out of range; it must be {item.response_set.describe()}.",
                item=item.number,
            )
        checked.append(value)
    return checked


def _whole_number(raw: object, item: Item) -> Answer:
    name, number = item.name, item.number
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise AnswerError(f"{name}: {raw!r} is not a whole number.", item=number)
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        if raw.is_integer():
            return int(raw)
        raise AnswerError(f"{name}: {raw} is not a whole number.", item=number)
    text = str(raw).strip()
    if text == "":
        return None
    if not _WHOLE.match(text):
        raise AnswerError(f"{name}: {text!r} is not a whole number.", item=number)
    return int(text)


def _round_half_up(value: Fraction) -> int:
    return floor(value + Fraction(1, 2))


def score(
    instrument: Instrument | str,
    answers: Sequence[object],
    *,
    value_set: ValueSet | None = None,
) -> ScoreResult:
    inst = _instrument(instrument)
    values = check_answers(inst, answers)
    scores: dict[str, Any] = {}
    reasons: list[str] = []
    missing_items = [item for item, v in zip(inst.items, values, strict=True) if v is None]

    if inst.missing_rule == "all_required" and missing_items:
        names = ", ".join(item.name for item in missing_items)
        reasons.append(
            f"{names} {'is' if len(missing_items) == 1 else 'are'} missing: {inst.short_name} is "
            f"not scored with missing items."
        )
        for s in inst.scores:
            scores[s.key] = None
    else:
        for s in inst.scores:
            scores[s.key] = _score_one(inst, s, values, scores, reasons, value_set)

    required = [s for s in inst.scores if not s.optional]
    if inst.missing_rule == "each_item":
        valid = any(scores[s.key] is not None for s in required)
    else:
        valid = all(scores[s.key] is not None for s in required)
    bands = {s.key: s.band_for(scores[s.key]) for s in inst.scores if s.bands}
    flags = _flags(inst, values)
    return ScoreResult(inst.code, valid, scores, bands, flags, reasons)


def _score_one(
    inst: Instrument,
    s: Score,
    values: list[Answer],
    done: dict[str, Any],
    reasons: list[str],
    value_set: ValueSet | None,
) -> Any:
    if s.method == "lookup":
        source = done.get(s.source_score or "")
        return None if source is None else s.table[int(source)]
    if s.method == "value_set":
        profile = done.get(s.source_score or "")
        if profile is None:
            return None
        if value_set is None:
            reasons.append(f"No {inst.short_name} value set is loaded: {s.label} not computed.")
            return None
        return value_set.index(profile)

    picked = [(inst.item(n), values[n - 1]) for n in s.items]
    missing = [item for item, v in picked if v is None]
    answered = [v for _, v in picked if v is not None]

    if s.method == "profile":
        if missing:
            coded = "".join("9" if v is None else str(v) for _, v in picked)
            reasons.append(
                f"{', '.join(i.name for i in missing)} missing: the profile is incomplete "
                f"({coded}, 9 = missing) and is not scored."
            )
            return None
        return "".join(str(v) for v in answered)
    if s.method == "item":
        if missing:
            if not s.optional:
                reasons.append(f"{missing[0].name} is missing: {s.label} is not scored.")
            return None
        return answered[0]
    # sum
    if not missing:
        return sum(answered)  # type: ignore[arg-type]
    names = ", ".join(i.name for i in missing)
    if inst.missing_rule == "prorate" and len(missing) <= inst.max_missing:
        total = _round_half_up(Fraction(sum(answered), len(answered)) * len(picked))  # type: ignore[arg-type]
        reasons.append(
            f"{names} missing: {s.label} prorated from {len(answered)} of {len(picked)} items."
        )
        return total
    limit = inst.max_missing if inst.missing_rule == "prorate" else 0
    reasons.append(
        f"{names} missing: {s.label} is not scored with more than {limit} missing "
        f"item{'s' if limit != 1 else ''}."
    )
    return None


def _flags(inst: Instrument, values: list[Answer]) -> list[str]:
    raised = []
    for flag in inst.flags:
        value = values[flag.item - 1]
        missing = flag.on_missing and value is None
        reached = flag.at_least is not None and value is not None and value >= flag.at_least
        if missing or reached:
            raised.append(flag.code)
    return raised


def flag_messages(instrument: Instrument | str, codes: Sequence[str]) -> list[str]:
    inst = _instrument(instrument)
    return [f.message for f in inst.flags if f.code in codes]
