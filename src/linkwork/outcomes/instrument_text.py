"""Licensed instrument wording: the file format `linkwork load-instrument-text` reads, its
validation against the instrument definition, and the all-or-nothing load.

File format (UTF-8 JSON), documented in docs/methods/outcomes.md:

    {
      "format": "linkwork-instrument-text/1",
      "instruments": [
        {
          "instrument": "wemwbs",                 # a code from `linkwork score --list`
          "language": "en-GB",                    # optional, default en-GB
          "licence_reference": "WEMWBS registration 12345, Example Health Board",
          "instructions": "Below are some statements ...",   # optional
          "options": ["None of the time", "..."], # optional: answer labels shared by every item,
                                                  #   in the printed order of the definition
          "items": [
            {"number": 1, "text": "...", "options": ["..."]},  # options: this item's own labels
            ...
          ]
        }
      ]
    }

A single instrument object (without the "instruments" list) is accepted too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction

from linkwork.core import audit
from linkwork.outcomes import definitions
from linkwork.outcomes.models import InstrumentText

FORMAT = "linkwork-instrument-text/1"
_INSTRUMENT_KEYS = {
    "instrument",
    "language",
    "licence_reference",
    "instructions",
    "options",
    "items",
}
_ITEM_KEYS = {"number", "text", "options"}


class InstrumentTextError(ValueError):
    """The file cannot be loaded; `errors` lists every problem with where it is."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class CheckedText:
    instrument: str
    language: str
    licence_reference: str
    instructions: str
    items: list[dict[str, Any]]


def _labels(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _check_one(raw: Any, where: str, errors: list[str]) -> CheckedText | None:
    if not isinstance(raw, dict):
        errors.append(f"{where}: must be an object")
        return None
    for key in sorted(set(raw) - _INSTRUMENT_KEYS):
        errors.append(f"{where}.{key}: unknown field")
    try:
        inst = definitions.get(str(raw.get("instrument", "")))
    except definitions.UnknownInstrument as exc:
        errors.append(f"{where}.instrument: {exc}")
        return None
    reference = raw.get("licence_reference")
    if not isinstance(reference, str) or not reference.strip():
        errors.append(
            f"{where}.licence_reference: say which licence or registration covers this wording"
        )
    language = raw.get("language", "en-GB")
    if not isinstance(language, str) or not language.strip():
        errors.append(f"{where}.language: must be a language tag such as en-GB")
    instructions = raw.get("instructions", "")
    if not isinstance(instructions, str):
        errors.append(f"{where}.instructions: must be text")
    shared = raw.get("options")
    if shared is not None and not _labels(shared):
        errors.append(f"{where}.options: must be a list of non-empty answer labels")
        shared = None
    items = raw.get("items")
    if not isinstance(items, list):
        errors.append(f"{where}.items: must be a list of {len(inst.items)} items")
        return None
    if len(items) != len(inst.items):
        errors.append(
            f"{where}.items: {inst.short_name} has {len(inst.items)} items; the file gives "
            f"{len(items)}"
        )
    checked_items: list[dict[str, Any]] = []
    for position, (item_raw, item) in enumerate(zip(items, inst.items, strict=False)):
        here = f"{where}.items[{position}]"
        if not isinstance(item_raw, dict):
            errors.append(f"{here}: must be an object")
            continue
        for key in sorted(set(item_raw) - _ITEM_KEYS):
            errors.append(f"{here}.{key}: unknown field")
        if item_raw.get("number") != item.number:
            errors.append(
                f"{here}.number: expected {item.number} (items in questionnaire order), got "
                f"{item_raw.get('number')!r}"
            )
        text = item_raw.get("text")
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{here}.text: item {item.number} needs its wording")
        options = item_raw.get("options", shared)
        rs = item.response_set
        expected = 2 if rs.is_range else len(rs.options)
        if options is None:
            if not rs.is_range:
                errors.append(
                    f"{here}.options: item {item.number} needs {expected} answer labels (or "
                    f"give shared 'options')"
                )
            options = []
        elif not _labels(options):
            errors.append(f"{here}.options: must be a list of non-empty answer labels")
            options = []
        elif len(options) != expected:
            values = (
                "" if rs.is_range else " for values " + ", ".join(str(o.value) for o in rs.options)
            )
            errors.append(
                f"{here}.options: item {item.number} has {expected} answers{values} in printed "
                f"order; the file gives {len(options)} labels"
            )
        checked_items.append(
            {"number": item.number, "text": (text or "").strip(), "options": options}
        )
    return CheckedText(
        instrument=inst.code,
        language=str(language).strip(),
        licence_reference=str(reference or "").strip(),
        instructions=str(instructions or "").strip(),
        items=checked_items,
    )


def check_text(data: Any, *, name: str) -> list[CheckedText]:
    """Validate a whole file against the definitions; raise InstrumentTextError listing every
    problem."""
    errors: list[str] = []
    if not isinstance(data, dict):
        raise InstrumentTextError([f"{name}: the file must hold a JSON object"])
    if data.get("format") != FORMAT:
        errors.append(f"{name}: 'format' must be {FORMAT!r}")
    if "instruments" in data:
        entries = data["instruments"]
    else:
        entries = [{k: v for k, v in data.items() if k != "format"}]
    if not isinstance(entries, list) or not entries:
        raise InstrumentTextError([*errors, f"{name}: 'instruments' must be a non-empty list"])
    checked: list[CheckedText] = []
    seen: set[tuple[str, str]] = set()
    for n, raw in enumerate(entries):
        where = f"{name}: instruments[{n}]" if len(entries) > 1 else name
        one = _check_one(raw, where, errors)
        if one is None:
            continue
        if (one.instrument, one.language) in seen:
            errors.append(f"{where}: {one.instrument} ({one.language}) appears twice")
        seen.add((one.instrument, one.language))
        checked.append(one)
    if errors:
        raise InstrumentTextError(errors)
    return checked


def read_text_file(path: str | Path) -> list[CheckedText]:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InstrumentTextError([f"{path}: cannot be read ({exc.strerror})"]) from None
    except json.JSONDecodeError as exc:
        raise InstrumentTextError(
            [f"{path.name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"]
        ) from None
    return check_text(data, name=path.name)


def load_instrument_text(*, path: str | Path, actor: Any = None) -> list[InstrumentText]:
    """Validate the whole file, then store every instrument's wording in one transaction."""
    checked = read_text_file(path)
    stored = []
    with transaction.atomic():
        for one in checked:
            obj, created = InstrumentText.objects.update_or_create(
                instrument=one.instrument,
                language=one.language,
                defaults={
                    "licence_reference": one.licence_reference,
                    "instructions": one.instructions,
                    "items": one.items,
                },
            )
            audit.record(
                audit.Action.CREATE if created else audit.Action.UPDATE,
                obj,
                actor=actor,
                detail={"instrument": one.instrument, "count": len(one.items)},
            )
            stored.append(obj)
    return stored
