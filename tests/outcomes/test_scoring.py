"""Scores follow each instrument's published rules exactly: every total, every band, the full
SWEMWBS conversion table, keying, and the missing-item rules."""

from __future__ import annotations

import itertools

import pytest

from linkwork.outcomes import definitions
from linkwork.outcomes.scoring import AnswerError, parse_answers, score

# The published SWEMWBS raw -> metric conversion table (Warwick Medical School; Stewart-Brown
# et al. 2009), typed here independently of the definition file.
SWEMWBS_TABLE = {
    7: 7.00, 8: 9.51, 9: 11.25, 10: 12.40, 11: 13.33, 12: 14.08, 13: 14.75, 14: 15.32,
    15: 15.84, 16: 16.36, 17: 16.88, 18: 17.43, 19: 17.98, 20: 18.59, 21: 19.25, 22: 19.98,
    23: 20.73, 24: 21.54, 25: 22.35, 26: 23.21, 27: 24.11, 28: 25.03, 29: 26.02, 30: 27.03,
    31: 28.13, 32: 29.31, 33: 30.70, 34: 32.55, 35: 35.00,
}  # fmt: skip


def answers_summing_to(total: int, n: int, low: int, high: int) -> list[int]:
    """n item values in [low, high] adding up to total (greedy)."""
    values = [low] * n
    rest = total - low * n
    for i in range(n):
        step = min(rest, high - low)
        values[i] += step
        rest -= step
    assert rest == 0
    return values


def phq9_band(total: int) -> str:
    return (
        "minimal" if total <= 4 else "mild" if total <= 9 else "moderate" if total <= 14
        else "moderately severe" if total <= 19 else "severe"
    )  # fmt: skip


def gad7_band(total: int) -> str:
    return (
        "minimal"
        if total <= 4
        else "mild"
        if total <= 9
        else "moderate"
        if total <= 14
        else "severe"
    )


def hads_band(total: int) -> str:
    return "normal" if total <= 7 else "borderline" if total <= 10 else "abnormal"


def wemwbs_band(total: int) -> str:
    return (
        "probable depression" if total <= 40 else "possible depression" if total <= 44
        else "average" if total <= 59 else "high"
    )  # fmt: skip


def swemwbs_band(metric: float) -> str:
    return (
        "probable depression" if metric < 18 else "possible depression" if metric < 21
        else "average" if metric < 28 else "high"
    )  # fmt: skip


def test_the_issue_example_prints_exactly() -> None:
    result = score("phq9", parse_answers("phq9", "1,2,1,2,1,2,1,2,0"))
    assert result.as_dict() == {
        "instrument": "phq9",
        "valid": True,
        "scores": {"total": 12},
        "bands": {"total": "moderate"},
        "flags": [],
    }


@pytest.mark.parametrize("total", range(0, 28))
def test_phq9_every_total_and_band(total: int) -> None:
    result = score("phq9", answers_summing_to(total, 9, 0, 3)[::-1])
    assert result.valid and result.scores == {"total": total}
    assert result.bands == {"total": phq9_band(total)}


@pytest.mark.parametrize("total", range(0, 22))
def test_gad7_every_total_and_band(total: int) -> None:
    result = score("gad7", answers_summing_to(total, 7, 0, 3))
    assert result.scores == {"total": total} and result.bands == {"total": gad7_band(total)}


@pytest.mark.parametrize("total", range(14, 71))
def test_wemwbs_every_total_and_band(total: int) -> None:
    result = score("wemwbs", answers_summing_to(total, 14, 1, 5))
    assert result.scores == {"total": total} and result.bands == {"total": wemwbs_band(total)}


@pytest.mark.parametrize("raw", range(7, 36))
def test_swemwbs_full_conversion_table(raw: int) -> None:
    result = score("swemwbs", answers_summing_to(raw, 7, 1, 5))
    assert result.scores == {"raw": raw, "metric": SWEMWBS_TABLE[raw]}
    assert result.bands == {"metric": swemwbs_band(SWEMWBS_TABLE[raw])}


def test_swemwbs_table_in_the_definition_is_the_published_one() -> None:
    assert definitions.get("swemwbs").score("metric").table == SWEMWBS_TABLE


@pytest.mark.parametrize("anxiety", range(0, 22))
@pytest.mark.parametrize("depression", [0, 7, 8, 10, 11, 21])
def test_hads_subscales_and_bands(anxiety: int, depression: int) -> None:
    a = answers_summing_to(anxiety, 7, 0, 3)
    d = answers_summing_to(depression, 7, 0, 3)
    interleaved = [v for pair in zip(a, d, strict=True) for v in pair]
    result = score("hads", interleaved)
    assert result.scores == {"anxiety": anxiety, "depression": depression}
    assert result.bands == {"anxiety": hads_band(anxiety), "depression": hads_band(depression)}


def test_hads_printed_values_are_summed_without_reversal() -> None:
    # Entering the printed value of the answer at the top of every item: items printed 3..0
    # give 3, items printed 0..3 give 0. The plain sum is the score.
    inst = definitions.get("hads")
    top = [i.response_set.options[0].value for i in inst.items]
    result = score("hads", top)
    assert result.scores == {
        "anxiety": sum(top[0::2]),
        "depression": sum(top[1::2]),
    }
    assert result.scores == {"anxiety": 15, "depression": 9}


def test_ons4_every_answer_and_band() -> None:
    positive = {0: "low", 4: "low", 5: "medium", 6: "medium", 7: "high", 8: "high"}
    anxious = {0: "very low", 1: "very low", 2: "low", 3: "low", 4: "medium", 5: "medium"}
    for values in itertools.product(range(11), repeat=4):
        result = score("ons4", list(values))
        assert result.valid
        assert result.scores == dict(
            zip(["life_satisfaction", "worthwhile", "happiness", "anxiety"], values, strict=True)
        )
        for key, v in zip(["life_satisfaction", "worthwhile", "happiness"], values, strict=False):
            expected = positive.get(v, "very high" if v >= 9 else "low")
            assert result.bands[key] == expected
        # anxiety is reversed in meaning only: the value is reported as given, banded its own way
        assert result.bands["anxiety"] == anxious.get(values[3], "high")


def test_ucla3_every_answer_set() -> None:
    for values in itertools.product((1, 2, 3), repeat=3):
        result = score("ucla3", list(values))
        assert result.valid and result.scores == {"total": sum(values)}
        assert 3 <= result.scores["total"] <= 9
        assert result.bands == {}


@pytest.mark.parametrize("days", range(0, 8))
def test_activity_days(days: int) -> None:
    result = score("activity_days", [days])
    assert result.scores == {"days": days}
    assert result.bands == {"days": "5 days or more" if days >= 5 else "fewer than 5 days"}


def test_eq5d5l_profile_and_vas_without_a_value_set() -> None:
    result = score("eq5d5l", [1, 1, 2, 2, 3, 80])
    assert result.valid
    assert result.scores == {"profile": "11223", "vas": 80, "index": None}
    assert any("value set" in r for r in result.reasons)


@pytest.mark.parametrize("item9", [1, 2, 3])
def test_phq9_item9_above_zero_raises_the_self_harm_flag(item9: int) -> None:
    result = score("phq9", [0] * 8 + [item9])
    assert result.flags == ["self_harm_risk"]
    assert result.bands == {"total": "minimal"}


def test_phq9_item9_zero_raises_no_flag() -> None:
    assert score("phq9", [3] * 8 + [0]).flags == []


def test_phq9_item9_missing_asks_for_it() -> None:
    result = score("phq9", [1] * 8 + [None])
    assert result.flags == ["self_harm_item_missing"]
    assert result.valid and result.scores == {"total": 9}


# --- missing items -------------------------------------------------------------------------


def test_phq9_prorates_one_or_two_missing_items_rounding_half_up() -> None:
    # 8 answered, sum 4: 4 x 9/8 = 4.5 -> 5
    result = score("phq9", [1, 1, 1, 1, 0, 0, 0, None, 0])
    assert result.valid and result.scores == {"total": 5}
    assert result.reasons == ["item 8 (psychomotor) missing: Total prorated from 8 of 9 items."]
    # 7 answered, sum 10: 10 x 9/7 = 12.857 -> 13
    result = score("phq9", [None, 2, 2, 2, 2, 2, None, 0, 0])
    assert result.valid and result.scores == {"total": 13}
    assert result.bands == {"total": "moderate"}


def test_phq9_with_three_missing_items_is_invalid_and_says_which() -> None:
    result = score("phq9", [None, None, None, 1, 1, 1, 1, 1, 0])
    assert not result.valid
    assert result.scores == {"total": None} and result.bands == {"total": None}
    assert "item 1 (interest), item 2 (down), item 3 (sleep)" in result.reasons[0]


def test_gad7_with_any_missing_item_is_invalid() -> None:
    result = score("gad7", [1, 1, None, 1, 1, 1, 1])
    assert not result.valid and result.scores == {"total": None}
    assert "item 3 (worry too much)" in result.reasons[0]


@pytest.mark.parametrize("code,n", [("wemwbs", 14), ("swemwbs", 7), ("ucla3", 3)])
def test_instruments_without_prorating_are_invalid_with_a_missing_item(code: str, n: int) -> None:
    low = definitions.get(code).items[0].response_set.low
    answers: list[int | None] = [low] * n
    answers[n - 1] = None
    result = score(code, answers)
    assert not result.valid
    assert all(v is None for v in result.scores.values())
    assert f"item {n}" in result.reasons[0]


def test_hads_prorates_one_missing_item_per_subscale() -> None:
    answers: list[int | None] = [1] * 14
    answers[0] = None  # anxiety item 1
    answers[3] = None  # depression item 4
    result = score("hads", answers)
    assert result.valid
    assert result.scores == {"anxiety": 7, "depression": 7}  # 6 x 7/6
    assert len(result.reasons) == 2


def test_hads_prorating_rounds_half_up() -> None:
    # anxiety answered: 3,3,3,0,0,0 = 9 -> 9 x 7/6 = 10.5 -> 11 (abnormal)
    answers = [None, 0, 3, 0, 3, 0, 3, 0, 0, 0, 0, 0, 0, 0]
    result = score("hads", answers)
    assert result.scores["anxiety"] == 11 and result.bands["anxiety"] == "abnormal"


def test_hads_two_missing_in_one_subscale_leaves_that_subscale_unscored() -> None:
    answers: list[int | None] = [2] * 14
    answers[1] = answers[3] = None  # depression items 2 and 4
    result = score("hads", answers)
    assert not result.valid
    assert result.scores == {"anxiety": 14, "depression": None}
    assert result.bands == {"anxiety": "abnormal", "depression": None}
    assert "item 2, item 4 missing: Depression (HADS-D) is not scored" in result.reasons[0]


def test_ons4_missing_item_leaves_the_others() -> None:
    result = score("ons4", [7, None, 8, 2])
    assert result.valid
    assert result.scores["worthwhile"] is None and result.bands["worthwhile"] is None
    assert result.scores["anxiety"] == 2
    assert not score("ons4", [None] * 4).valid


def test_eq5d5l_missing_dimension_codes_9_and_is_invalid() -> None:
    result = score("eq5d5l", [1, None, 2, 2, 3, 70])
    assert not result.valid
    assert result.scores["profile"] is None and result.scores["index"] is None
    assert "19223" in result.reasons[0]


def test_eq5d5l_missing_vas_keeps_the_profile() -> None:
    result = score("eq5d5l", [1, 1, 1, 1, 1, None])
    assert result.valid and result.scores["profile"] == "11111" and result.scores["vas"] is None


# --- answers that cannot be scored -----------------------------------------------------------


@pytest.mark.parametrize(
    "code,text,message",
    [
        ("phq9", "1,2,1,2,1,2,1,2,4", "item 9 (self harm): 4 is out of range"),
        ("phq9", "1,2,1,2,1,2.5,1,2,1", "item 6 (failure): '2.5' is not a whole number"),
        ("phq9", "1,2,1,2,1,two,1,2,1", "item 6 (failure): 'two' is not a whole number"),
        ("wemwbs", "0,3,3,3,3,3,3,3,3,3,3,3,3,3", "item 1: 0 is out of range"),
        ("hads", "1,1,1,1,1,1,1,1,1,1,1,1,1,-1", "item 14: -1 is out of range"),
        ("eq5d5l", "1,1,1,1,1,101", "item 6 (vas): 101 is out of range"),
        ("phq9", "1,2,3", "PHQ-9 has 9 items but 3 answers were given"),
        ("ons4", "1,2,3,4,5", "ONS4 has 4 items but 5 answers were given"),
    ],
)
def test_answers_that_cannot_be_scored_are_rejected_naming_the_item(
    code: str, text: str, message: str
) -> None:
    with pytest.raises(AnswerError) as info:
        parse_answers(code, text)
    assert message in str(info.value)


def test_booleans_are_not_item_values() -> None:
    with pytest.raises(AnswerError, match="item 1"):
        score("activity_days", [True])
