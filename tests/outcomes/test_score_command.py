"""`linkwork score`: the JSON shape of the issue, `--list`, and exit status 2 naming the item."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

FAKE = Path(__file__).parent / "data" / "fake_eq5d5l_value_set.csv"


def run(*args: str) -> dict:
    out = StringIO()
    call_command("score", *args, stdout=out)
    return json.loads(out.getvalue())


def test_prints_the_issue_json_shape() -> None:
    assert run("phq9", "--answers", "1,2,1,2,1,2,1,2,0") == {
        "instrument": "phq9",
        "valid": True,
        "scores": {"total": 12},
        "bands": {"total": "moderate"},
        "flags": [],
    }


@pytest.mark.parametrize(
    "code,answers,scores",
    [
        ("swemwbs", "3,3,3,3,3,3,3", {"raw": 21, "metric": 19.25}),
        ("hads", "1,0,1,0,1,0,1,0,1,0,1,0,1,0", {"anxiety": 7, "depression": 0}),
        (
            "ons4",
            "7,8,6,2",
            {"life_satisfaction": 7, "worthwhile": 8, "happiness": 6, "anxiety": 2},
        ),
        ("eq5d5l", "1,1,2,2,3,75", {"profile": "11223", "vas": 75, "index": None}),
    ],
)
def test_score_keys_per_instrument(code: str, answers: str, scores: dict) -> None:
    assert run(code, "--answers", answers)["scores"] == scores


def test_value_set_option_gives_the_index() -> None:
    result = run("eq5d5l", "--answers", "1,1,2,2,3,75", "--value-set", str(FAKE))
    assert result["scores"]["index"] == pytest.approx(0.96)


def test_empty_value_is_a_missing_item_handled_by_the_rule() -> None:
    result = run("gad7", "--answers", "1,,2,1,1,1,1")
    assert result["valid"] is False
    assert result["scores"] == {"total": None}
    assert "item 2 (control worry)" in result["reasons"][0]


def test_self_harm_flag_is_printed() -> None:
    assert run("phq9", "--answers", "0,0,0,0,0,0,0,0,1")["flags"] == ["self_harm_risk"]


@pytest.mark.parametrize(
    "args,message",
    [
        (("phq9", "--answers", "1,2"), "PHQ-9 has 9 items but 2 answers were given"),
        (("phq9", "--answers", "1,2,1,2,1,2,1,2,7"), "item 9 (self harm): 7 is out of range"),
        (("wemwbs", "--answers", "3,3,3,3.5,3,3,3,3,3,3,3,3,3,3"), "item 4: '3.5' is not a whole"),
        (("beck", "--answers", "1"), "unknown instrument 'beck'"),
        (("phq9",), "give an instrument and --answers"),
    ],
)
def test_invalid_answers_exit_2_naming_the_item(args: tuple[str, ...], message: str) -> None:
    with pytest.raises(CommandError) as info:
        call_command("score", *args, stdout=StringIO())
    assert info.value.returncode == 2
    assert message in str(info.value)


def test_list_names_every_instrument() -> None:
    out = StringIO()
    call_command("score", "--list", stdout=out)
    lines = out.getvalue().splitlines()
    assert [line.split("\t")[0] for line in lines] == [
        "activity_days", "eq5d5l", "gad7", "hads", "ons4", "phq9", "swemwbs", "ucla3", "wemwbs",
    ]  # fmt: skip


def test_the_real_command_exits_2_on_stderr() -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "linkwork.settings"}
    bad = subprocess.run(
        [sys.executable, "-m", "linkwork", "score", "phq9", "--answers", "1,2,1,2,1,2,1,2,x"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert bad.returncode == 2
    assert "item 9 (self harm): 'x' is not a whole number" in bad.stderr
    good = subprocess.run(
        [sys.executable, "-m", "linkwork", "score", "phq9", "--answers", "1,2,1,2,1,2,1,2,0"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert good.returncode == 0
    assert json.loads(good.stdout)["scores"] == {"total": 12}
