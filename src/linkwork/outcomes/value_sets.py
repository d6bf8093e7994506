"""EQ-5D-5L value sets: the loader and its file format, never a licensed table.

EuroQol licenses the national value sets, so Linkwork ships none. An organisation that holds
one writes it as a CSV file and points Linkwork at it (setting or environment variable
`LINKWORK_EQ5D5L_VALUE_SET`, or `linkwork score eq5d5l --value-set FILE`).

Format (UTF-8 CSV; lines starting with `#` are comments):

    profile,index
    11111,1.000
    11112,0.950
    ...

- a header row `profile,index`;
- one row for every one of the 3,125 EQ-5D-5L health states: `profile` is five digits 1-5
  (mobility, self-care, usual activities, pain/discomfort, anxiety/depression), `index` a
  decimal number no greater than 1;
- `11111` (full health) must have index 1; no profile may appear twice.
"""

from __future__ import annotations

import csv
import io
import itertools
import os
import re
from dataclasses import dataclass
from pathlib import Path

PROFILE = re.compile(r"^[1-5]{5}$")
ALL_PROFILES = frozenset("".join(p) for p in itertools.product("12345", repeat=5))
SETTING = "LINKWORK_EQ5D5L_VALUE_SET"


class ValueSetError(ValueError):
    """The file is not a complete, well-formed value set; the message says where."""


@dataclass(frozen=True)
class ValueSet:
    name: str
    values: dict[str, float]

    def index(self, profile: str) -> float:
        return self.values[profile]


def parse_value_set(text: str, *, name: str) -> ValueSet:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.reader(io.StringIO("\n".join(lines)))
    rows = list(reader)
    if not rows or [c.strip().lower() for c in rows[0]] != ["profile", "index"]:
        raise ValueSetError(f"{name}: the first row must be the header 'profile,index'.")
    values: dict[str, float] = {}
    for n, row in enumerate(rows[1:], start=2):
        where = f"{name}, data row {n - 1}"
        if len(row) != 2:
            raise ValueSetError(f"{where}: expected 2 columns (profile,index), got {len(row)}.")
        profile, raw_index = row[0].strip(), row[1].strip()
        if not PROFILE.match(profile):
            raise ValueSetError(f"{where}: profile {profile!r} must be five digits 1-5.")
        try:
            index = float(raw_index)
        except ValueError:
            raise ValueSetError(f"{where}: index {raw_index!r} is not a number.") from None
        if index != index or index > 1:  # NaN or above full health
            raise ValueSetError(f"{where}: index {raw_index} must be a number no greater than 1.")
        if profile in values:
            raise ValueSetError(f"{where}: profile {profile} appears twice.")
        values[profile] = index
    absent = sorted(ALL_PROFILES - values.keys())
    if absent:
        shown = ", ".join(absent[:5]) + (" ..." if len(absent) > 5 else "")
        raise ValueSetError(
            f"{name}: {len(absent)} of the 3125 health states have no index (e.g. {shown})."
        )
    if values["11111"] != 1:
        raise ValueSetError(f"{name}: profile 11111 (full health) must have index 1.")
    return ValueSet(name=name, values=values)


def load_value_set(path: str | Path) -> ValueSet:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValueSetError(f"{path}: cannot be read ({exc.strerror}).") from None
    return parse_value_set(text, name=path.name)


_cache: dict[str, ValueSet] = {}


def configured_value_set() -> ValueSet | None:
    """The value set named by the setting or environment variable, if any (read once)."""
    from django.conf import settings

    path = getattr(settings, SETTING, None) or os.environ.get(SETTING)
    if not path:
        return None
    if path not in _cache:
        _cache[path] = load_value_set(path)
    return _cache[path]
