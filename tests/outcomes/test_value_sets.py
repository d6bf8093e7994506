"""The EQ-5D-5L value set loader: the documented CSV format, and clear errors for bad files.
The value set used here is made up for the tests (tests/outcomes/data/fake_*), not EuroQol's."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from linkwork.outcomes.scoring import score
from linkwork.outcomes.value_sets import (
    ValueSetError,
    configured_value_set,
    load_value_set,
    parse_value_set,
)

FAKE = Path(__file__).parent / "data" / "fake_eq5d5l_value_set.csv"


def fake_index(profile: str) -> float:
    return round(1 - 0.01 * (sum(int(c) for c in profile) - 5), 3)


def full_text(**overrides: str) -> str:
    rows = ["profile,index"]
    for p in itertools.product("12345", repeat=5):
        profile = "".join(p)
        rows.append(f"{profile},{overrides.get(profile, fake_index(profile))}")
    return "\n".join(rows)


def test_every_profile_gets_its_index_from_the_loaded_value_set() -> None:
    value_set = load_value_set(FAKE)
    for p in itertools.product((1, 2, 3, 4, 5), repeat=5):
        result = score("eq5d5l", [*p, 50], value_set=value_set)
        profile = "".join(map(str, p))
        assert result.valid
        assert result.scores == {"profile": profile, "vas": 50, "index": fake_index(profile)}
        assert result.reasons == []


def test_setting_names_the_value_set(settings) -> None:
    settings.LINKWORK_EQ5D5L_VALUE_SET = str(FAKE)
    assert configured_value_set().index("55555") == pytest.approx(0.8)


@pytest.mark.parametrize(
    "text,message",
    [
        ("", "first row must be the header 'profile,index'"),
        ("state,value\n11111,1", "first row must be the header"),
        (full_text().replace("11112,0.99", "11112,0.99,extra"), "data row 2: expected 2 columns"),
        (full_text().replace("11112,0.99", "11162,0.99"), "data row 2: profile '11162'"),
        (full_text().replace("11112,0.99", "11112,high"), "data row 2: index 'high' is not"),
        (full_text().replace("11112,0.99", "11112,1.2"), "no greater than 1"),
        (full_text().replace("11112,0.99", "11111,0.99"), "profile 11111 appears twice"),
        (full_text().replace("\n11112,0.99", ""), "1 of the 3125 health states have no index"),
        (full_text(**{"11111": "0.9"}), "11111 (full health) must have index 1"),
    ],
)
def test_bad_value_set_files_are_rejected_saying_where(text: str, message: str) -> None:
    with pytest.raises(ValueSetError) as info:
        parse_value_set(text, name="mine.csv")
    assert message in str(info.value)
    assert str(info.value).startswith("mine.csv")


def test_unreadable_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValueSetError, match="cannot be read"):
        load_value_set(tmp_path / "absent.csv")
