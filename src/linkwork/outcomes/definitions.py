"""Instrument definitions: the JSON files in `instruments/`, read once into typed objects.

A definition is data reviewed like code: what each item is, which values its answers carry,
how scores are made, their bands and minimal important difference, the missing-item rule, the
licence and the published source of every rule. `scoring.py` scores any definition.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

INSTRUMENT_DIR = Path(__file__).resolve().parent / "instruments"
SCHEMA_PATH = INSTRUMENT_DIR / "_schema.json"


class UnknownInstrument(KeyError):
    """No instrument with that code."""

    def __str__(self) -> str:
        return f"unknown instrument {self.args[0]!r}; known: {', '.join(codes())}"


@dataclass(frozen=True)
class Option:
    value: int
    label: str | None


@dataclass(frozen=True)
class ResponseSet:
    """The answers an item offers, in printed order, or a whole-number range (EQ VAS)."""

    name: str
    options: tuple[Option, ...] = ()
    minimum: int | None = None
    maximum: int | None = None

    @property
    def is_range(self) -> bool:
        return not self.options

    @property
    def low(self) -> int:
        return self.minimum if self.is_range else min(o.value for o in self.options)  # type: ignore[return-value]

    @property
    def high(self) -> int:
        return self.maximum if self.is_range else max(o.value for o in self.options)  # type: ignore[return-value]

    def allows(self, value: int) -> bool:
        if self.is_range:
            return self.low <= value <= self.high
        return any(o.value == value for o in self.options)

    def describe(self) -> str:
        if self.is_range or [o.value for o in sorted(self.options, key=lambda o: o.value)] == list(
            range(self.low, self.high + 1)
        ):
            return f"a whole number from {self.low} to {self.high}"
        return "one of " + ", ".join(str(o.value) for o in self.options)


@dataclass(frozen=True)
class Item:
    number: int
    key: str
    response_set: ResponseSet
    text: str | None
    label: str | None = None
    subscale: str | None = None
    reverse_keyed: bool = False
    reverse_in_meaning_only: bool = False

    @property
    def name(self) -> str:
        """How messages name the item: its number, and its key where that says more."""
        if self.key == f"item_{self.number}":
            return f"item {self.number}"
        return f"item {self.number} ({self.key.replace('_', ' ')})"


@dataclass(frozen=True)
class Band:
    label: str
    minimum: float
    maximum: float


@dataclass(frozen=True)
class Score:
    key: str
    label: str
    method: str
    items: tuple[int, ...]
    range: tuple[float, float] | None
    better: str | None
    bands: tuple[Band, ...]
    mid: float | None
    mid_source: str | None = None
    source_score: str | None = None
    table: dict[int, float] = field(default_factory=dict)
    optional: bool = False

    def band_for(self, value: float | int | None) -> str | None:
        if value is None or not self.bands:
            return None
        # Bands are contiguous and ordered (checked by the tests); a value belongs to the last
        # band whose lower bound it reaches, so decimal metric scores cannot fall between bands.
        chosen = None
        for band in self.bands:
            if value >= band.minimum:
                chosen = band.label
        return chosen


@dataclass(frozen=True)
class Flag:
    code: str
    item: int
    message: str
    at_least: int | None = None
    on_missing: bool = False


@dataclass(frozen=True)
class Instrument:
    code: str
    name: str
    short_name: str
    measures: str
    recall_period: str | None
    licence: dict[str, Any]
    citation: str
    scoring_source: str
    instructions: str | None
    items: tuple[Item, ...]
    scores: tuple[Score, ...]
    missing_rule: str
    max_missing: int
    missing_source: str
    flags: tuple[Flag, ...]
    raw: dict[str, Any] = field(repr=False, compare=False, hash=False, default_factory=dict)

    @property
    def wording_included(self) -> bool:
        return bool(self.licence.get("wording_included"))

    @property
    def licence_needed(self) -> str:
        return str(self.licence.get("needed", ""))

    @property
    def needs_value_set(self) -> bool:
        return any(s.method == "value_set" for s in self.scores)

    def item(self, number: int) -> Item:
        return self.items[number - 1]

    def score(self, key: str) -> Score:
        for score in self.scores:
            if score.key == key:
                return score
        raise KeyError(key)


def _response_set(name: str, raw: Any) -> ResponseSet:
    if isinstance(raw, dict):
        return ResponseSet(name=name, minimum=int(raw["min"]), maximum=int(raw["max"]))
    return ResponseSet(name=name, options=tuple(Option(int(o["value"]), o["label"]) for o in raw))


def _build(raw: dict[str, Any]) -> Instrument:
    sets = {name: _response_set(name, value) for name, value in raw["response_sets"].items()}
    items = tuple(
        Item(
            number=i["number"],
            key=i["key"],
            response_set=sets[i["response_set"]],
            text=i.get("text"),
            label=i.get("label"),
            subscale=i.get("subscale"),
            reverse_keyed=bool(i.get("reverse_keyed", False)),
            reverse_in_meaning_only=bool(i.get("reverse_in_meaning_only", False)),
        )
        for i in raw["items"]
    )
    if [i.number for i in items] != list(range(1, len(items) + 1)):
        raise ValueError(f"{raw['code']}: items must be numbered 1..n in questionnaire order")
    scores = []
    for s in raw["scores"]:
        mid = s.get("mid")
        scores.append(
            Score(
                key=s["key"],
                label=s["label"],
                method=s["method"],
                items=tuple(s.get("items", ())),
                range=tuple(s["range"]) if s.get("range") else None,  # type: ignore[arg-type]
                better=s.get("better"),
                bands=tuple(Band(b["label"], b["min"], b["max"]) for b in s.get("bands", ())),
                mid=mid["value"] if mid else None,
                mid_source=mid["source"] if mid else None,
                source_score=s.get("from"),
                table={int(k): float(v) for k, v in s.get("table", {}).items()},
                optional=bool(s.get("optional", False)),
            )
        )
    flags = tuple(
        Flag(
            code=f["code"],
            item=f["item"],
            message=f["message"],
            at_least=f.get("at_least"),
            on_missing=bool(f.get("missing", False)),
        )
        for f in raw.get("flags", ())
    )
    missing = raw["missing"]
    return Instrument(
        code=raw["code"],
        name=raw["name"],
        short_name=raw["short_name"],
        measures=raw["measures"],
        recall_period=raw.get("recall_period"),
        licence=raw["licence"],
        citation=raw["citation"],
        scoring_source=raw["scoring_source"],
        instructions=raw.get("instructions"),
        items=items,
        scores=tuple(scores),
        missing_rule=missing["rule"],
        max_missing=int(missing.get("max_missing", 0)),
        missing_source=missing["source"],
        flags=flags,
        raw=raw,
    )


def definition_files() -> list[Path]:
    return sorted(p for p in INSTRUMENT_DIR.glob("*.json") if not p.name.startswith("_"))


@cache
def _registry() -> dict[str, Instrument]:
    registry: dict[str, Instrument] = {}
    for path in definition_files():
        raw = json.loads(path.read_text(encoding="utf-8"))
        if raw.get("code") != path.stem:
            raise ValueError(f"{path.name}: code {raw.get('code')!r} must match the file name")
        registry[raw["code"]] = _build(raw)
    return registry


def codes() -> list[str]:
    return list(_registry())


def all_instruments() -> list[Instrument]:
    return list(_registry().values())


def get(code: str) -> Instrument:
    try:
        return _registry()[code.strip().lower()]
    except KeyError:
        raise UnknownInstrument(code) from None
