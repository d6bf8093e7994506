"""The insight test world: two programmes, a manager and an analyst of the first."""

from __future__ import annotations

import random

import pytest

from tests.insight import factories as f


@pytest.fixture
def world() -> dict[str, object]:
    a, b = f.programme("Programme A"), f.programme("Programme B")
    f.populated(a, random.Random(1), people=40)
    f.populated(b, random.Random(2), people=12)
    small_practice = f.practice(a, "Programme A small practice")
    for _ in range(2):  # a small count for disclosure control to hide
        f.case(small_practice, reasons=["debt"])
    return {"a": a, "b": b, "manager_a": f.manager(a), "analyst_a": f.analyst(a)}
