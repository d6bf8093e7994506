"""`linkwork evaluate --input FILE.csv --outcome NAME`."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.insight.test_statistics import TRUE, simulate

HEADER = "person_id,practice_id,age,sex,simd_quintile,contacts,engaged,baseline,followup\n"


def run(path: Path) -> dict[str, object]:
    out = io.StringIO()
    call_command("evaluate", "--input", str(path), "--outcome", "swemwbs", stdout=out)
    return json.loads(out.getvalue())


def test_evaluate_prints_the_documented_json(tmp_path: Path) -> None:
    frame = simulate(n=600, practices=15, seed=11)
    frame.loc[:49, "followup"] = None
    path = tmp_path / "people.csv"
    frame.to_csv(path, index=False)
    result = run(path)
    assert result["n"] == 550
    assert result["excluded"] == 50
    change = result["paired_change"]
    assert isinstance(change, dict)
    assert change["ci_low"] < change["mean"] < change["ci_high"]
    model = result["model"]
    assert isinstance(model, dict)
    coefficients = model["coefficients"]
    assert set(coefficients) == {
        "baseline",
        "dose_2",
        "dose_3plus",
        "engaged",
        "age",
        "sex_male",
        "simd_quintile",
    }
    for term, truth in TRUE.items():
        c = coefficients[term]
        assert set(c) == {"estimate", "ci_low", "ci_high", "p"}
        assert c["ci_low"] <= truth <= c["ci_high"], term


def test_evaluate_paired_change_matches_hand_computation(tmp_path: Path) -> None:
    rows = [f"{i},P{i % 2},50,F,3,1,0,{10 + i},{12 + i + (i % 3)}\n" for i in range(12)]
    rows.append("99,P1,50,F,3,1,0,20,\n")  # no follow-up
    path = tmp_path / "small.csv"
    path.write_text(HEADER + "".join(rows))
    result = run(path)
    assert result["n"] == 12 and result["excluded"] == 1
    # differences 2 + (i % 3): 2,3,4 four times each, mean 3
    assert result["paired_change"]["mean"] == pytest.approx(3.0)  # type: ignore[index]
    model = result["model"]
    assert model["estimable"] is False  # type: ignore[index]
    assert "Cannot estimate" in model["reason"]  # type: ignore[index]
    assert model["coefficients"] == {}  # type: ignore[index]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("1,P1,fifty,F,3,1,0,10,12\n", "line 2 (row 1), column 'age'"),
        ("1,P1,50,F,3,1,0,10,12\n2,P1,50,X,3,1,0,10,12\n", "line 3 (row 2), column 'sex'"),
        ("1,P1,50,F,6,1,0,10,12\n", "column 'simd_quintile'"),
        ("1,P1,50,F,3,1,2,10,12\n", "column 'engaged'"),
        ("1,P1,50,F,3,1.5,0,10,12\n", "column 'contacts'"),
        ("1,P1,50,F,3,1,0,10,abc\n", "line 2 (row 1), column 'followup'"),
    ],
)
def test_a_bad_value_exits_2_naming_row_and_column(
    tmp_path: Path, body: str, expected: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + body)
    with pytest.raises(CommandError) as info:
        run(path)
    assert info.value.returncode == 2
    assert expected in str(info.value)


def test_a_missing_column_exits_2_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(HEADER.replace(",engaged", "") + "1,P1,50,F,3,1,10,12\n")
    with pytest.raises(CommandError) as info:
        run(path)
    assert info.value.returncode == 2
    assert "engaged" in str(info.value)


def test_a_missing_file_exits_2(tmp_path: Path) -> None:
    with pytest.raises(CommandError) as info:
        run(tmp_path / "nope.csv")
    assert info.value.returncode == 2
