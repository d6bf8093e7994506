"""Property tests: every valid answer set scores inside the range; every invalid one is rejected
with a message naming the item."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linkwork.outcomes import definitions
from linkwork.outcomes.definitions import Instrument, Item
from linkwork.outcomes.scoring import AnswerError, parse_answers, score

CODES = definitions.codes()


def _values(item: Item) -> st.SearchStrategy[int]:
    rs = item.response_set
    if rs.is_range:
        return st.integers(rs.low, rs.high)
    return st.sampled_from([o.value for o in rs.options])


def complete_answers(inst: Instrument) -> st.SearchStrategy[list[int]]:
    return st.tuples(*[_values(i) for i in inst.items]).map(list)


def _in_range(inst: Instrument, result_scores: dict) -> None:
    for s in inst.scores:
        value = result_scores[s.key]
        if value is None or s.range is None:
            continue
        assert s.range[0] <= value <= s.range[1], (inst.code, s.key, value)


@pytest.mark.parametrize("code", CODES)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_every_complete_valid_answer_set_scores_inside_the_range(code: str, data) -> None:
    inst = definitions.get(code)
    answers = data.draw(complete_answers(inst))
    result = score(inst, answers)
    assert result.valid
    _in_range(inst, result.scores)
    for s in inst.scores:
        if s.bands:
            assert result.bands[s.key] in {b.label for b in s.bands}


@pytest.mark.parametrize("code", CODES)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_answer_sets_with_missing_items_score_inside_the_range_or_say_why(code: str, data) -> None:
    inst = definitions.get(code)
    answers: list[int | None] = list(data.draw(complete_answers(inst)))
    holes = data.draw(st.sets(st.integers(0, len(answers) - 1), min_size=1))
    for i in holes:
        answers[i] = None
    result = score(inst, answers)
    _in_range(inst, result.scores)
    assert result.reasons  # a missing item is always explained
    if not result.valid:
        assert any(re.search(r"item \d+", r) for r in result.reasons)


def _bad_value(item: Item) -> st.SearchStrategy[str]:
    rs = item.response_set
    allowed = (
        {rs.low + k for k in range(rs.high - rs.low + 1)}
        if rs.is_range
        else {o.value for o in rs.options}
    )
    out_of_range = st.integers(-1000, 1000).filter(lambda v: v not in allowed).map(str)
    not_whole = st.one_of(
        st.floats(allow_nan=False, allow_infinity=False)
        .filter(lambda f: not f.is_integer())
        .map(repr),
        st.text(alphabet="abcxyz.+-/ ", min_size=1).filter(
            lambda t: t.strip() and not re.fullmatch(r"\s*[+-]?\d+\s*", t)
        ),
    )
    return st.one_of(out_of_range, not_whole)


@pytest.mark.parametrize("code", CODES)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_every_invalid_value_is_rejected_naming_its_item(code: str, data) -> None:
    inst = definitions.get(code)
    answers = [str(v) for v in data.draw(complete_answers(inst))]
    position = data.draw(st.integers(0, len(answers) - 1))
    item = inst.items[position]
    answers[position] = data.draw(_bad_value(item)).replace(",", ";")
    with pytest.raises(AnswerError) as info:
        parse_answers(inst, ",".join(answers))
    assert str(info.value).startswith(item.name + ":")
    assert info.value.item == item.number


@pytest.mark.parametrize("code", CODES)
@settings(max_examples=50, deadline=None)
@given(data=st.data())
def test_every_wrong_count_is_rejected(code: str, data) -> None:
    inst = definitions.get(code)
    n = data.draw(st.integers(0, 30).filter(lambda k: k != len(inst.items)))
    with pytest.raises(AnswerError, match=f"has {len(inst.items)} item"):
        score(inst, [None] * n)
