"""Postcode normalisation: any case and spacing in, "EH1 1AB" out; clear messages otherwise."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linkwork.places.postcodes import InvalidPostcode, normalise_postcode


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("eh11ab", "EH1 1AB"),
        ("EH1 1AB ", "EH1 1AB"),
        ("  eh1   1ab", "EH1 1AB"),
        ("e h 1 1 a b", "EH1 1AB"),
        ("EH1\t1AB", "EH1 1AB"),
        ("EH1 1AB\n", "EH1 1AB"),
        ("EH1 1AB\r\n", "EH1 1AB"),
        ("g21al", "G2 1AL"),
        ("ph15ph", "PH1 5PH"),
        ("EH10 4SU", "EH10 4SU"),
        ("ec1a1bb", "EC1A 1BB"),
        ("w1a0ax", "W1A 0AX"),
        ("DG1\u00a01AA", "DG1 1AA"),  # a non-breaking space pasted from a web page
    ],
)
def test_any_case_and_spacing_gives_the_standard_form(raw: str, expected: str) -> None:
    assert normalise_postcode(raw) == expected


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ("", "Enter a postcode"),
        ("   ", "Enter a postcode"),
        (None, "Enter a postcode"),
        ("EH1", "5 to 7 letters and numbers"),
        ("EH1 1ABCD", "5 to 7 letters and numbers"),
        ("EH1-1AB", "only letters, numbers and a space"),
        ("ÉH1 1AB", "only letters, numbers and a space"),
        ("\uff11\uff12\uff13\uff14\uff15", "only letters, numbers and a space"),  # full width
        ("1H1 1AB", "Check it looks like EH1 1AB"),
        ("EH1 1CB", "Check it looks like EH1 1AB"),  # C is never used in the unit
        ("EHH1 1AB", "Check it looks like EH1 1AB"),
    ],
)
def test_malformed_postcodes_are_rejected_with_a_clear_message(raw: str, says: str) -> None:
    with pytest.raises(InvalidPostcode, match=says):
        normalise_postcode(raw)


def test_the_message_quotes_what_was_typed_but_not_too_much() -> None:
    with pytest.raises(InvalidPostcode) as exc:
        normalise_postcode("this is not a postcode at all, it is a sentence")
    assert "“this is not a postc…”" in str(exc.value)


OUTWARD = st.from_regex(r"[A-Z]{1,2}[0-9][A-Z0-9]?", fullmatch=True)
INWARD = st.from_regex(r"[0-9][ABD-HJLNP-UW-Z]{2}", fullmatch=True)


@st.composite
def typed_postcodes(draw: st.DrawFn) -> tuple[str, str]:
    """A valid postcode as a person might type it, and its standard form."""
    outward, inward = draw(OUTWARD), draw(INWARD)
    chars = []
    for ch in outward + inward:
        chars.append(ch.lower() if draw(st.booleans()) else ch)
        chars.append(draw(st.sampled_from(["", "", "", " ", "  ", "\t"])))
    return "".join(chars), f"{outward} {inward}"


@given(typed_postcodes())
def test_typed_postcodes_normalise_to_the_standard_form(case: tuple[str, str]) -> None:
    typed, standard = case
    assert normalise_postcode(typed) == standard


@given(st.one_of(st.text(), typed_postcodes().map(lambda c: c[0])))
def test_normalising_twice_changes_nothing(raw: str) -> None:
    try:
        once = normalise_postcode(raw)
    except InvalidPostcode:
        return
    assert normalise_postcode(once) == once


@given(st.one_of(st.text(), st.binary().map(repr), st.integers(), st.none()))
def test_garbage_raises_only_invalid_postcode(raw: object) -> None:
    try:
        result = normalise_postcode(raw)
    except InvalidPostcode as exc:
        assert str(exc)
    else:
        assert re.fullmatch(r"[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}", result)
