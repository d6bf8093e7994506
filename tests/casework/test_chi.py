"""CHI number validation: vectors computed with the modulus-11 algorithm, and the message says
which check failed."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from linkwork.casework.chi import check_digit, is_valid_chi, make_chi, validate_chi


def _mod11(nine: str) -> int | None:
    # Independent restatement of the rule for the vectors below.
    total = sum(int(d) * (10 - i) for i, d in enumerate(nine))
    r = (11 - total % 11) % 11
    return None if r == 10 else r


@pytest.mark.parametrize(
    "chi",
    [
        "0101010000"[:9] + str(_mod11("010101000")),
        "1503851234"[:9] + str(_mod11("150385123")),
        "2902004567"[:9] + str(_mod11("290200456")),  # 29 Feb 2000 is a real date
        "3112991111"[:9] + str(_mod11("311299111")),
    ],
)
def test_valid_chi_numbers_pass(chi: str) -> None:
    assert validate_chi(chi) == chi


def test_spaces_and_hyphens_are_ignored() -> None:
    chi = make_chi(dt.date(1985, 3, 15), 123)
    assert chi is not None
    assert validate_chi(f"{chi[:6]} {chi[6:]}") == chi
    assert validate_chi(f"{chi[:6]}-{chi[6:]}") == chi


def test_known_vector() -> None:
    # 010101000 -> 0*10+1*9+0*8+1*7+0*6+1*5+0*4+0*3+0*2 = 21; 21 % 11 = 10; 11-10 = 1
    assert check_digit("010101000") == 1
    assert is_valid_chi("0101010001")


def test_wrong_check_digit_says_so() -> None:
    chi = make_chi(dt.date(1985, 3, 15), 123)
    assert chi is not None
    wrong = chi[:9] + str((int(chi[9]) + 1) % 10)
    with pytest.raises(ValidationError) as err:
        validate_chi(wrong)
    assert err.value.code == "chi_check_digit"
    assert "check digit" in err.value.messages[0]


def test_impossible_date_says_so() -> None:
    with pytest.raises(ValidationError) as err:
        validate_chi("3102851234")  # 31 February
    assert err.value.code == "chi_date"
    assert "310285" in err.value.messages[0]


def test_29_february_in_a_year_never_leap_is_refused() -> None:
    # 29/02/01: neither 1901 nor 2001 was a leap year.
    nine = "290201123"
    with pytest.raises(ValidationError) as err:
        validate_chi(nine + "0")
    assert err.value.code == "chi_date"


@pytest.mark.parametrize("raw", ["", "12345", "01010100011", "01010100A1"])
def test_wrong_shape_says_so(raw: str) -> None:
    with pytest.raises(ValidationError) as err:
        validate_chi(raw)
    assert err.value.code == "chi_format"


def test_check_digit_of_ten_is_never_valid() -> None:
    # find nine digits on a real date whose check digit would be 10
    for serial in range(1000):
        nine = f"010190{serial:03d}"
        if check_digit(nine) is None:
            for last in "0123456789":
                assert not is_valid_chi(nine + last)
            return
    pytest.fail("no serial gives a check digit of 10")


@settings(deadline=None)  # pure logic; timing depends on machine load
@given(st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)), st.integers(0, 999))
def test_made_chis_validate_and_single_digit_changes_fail(day: dt.date, serial: int) -> None:
    chi = make_chi(day, serial)
    if chi is None:
        return
    assert is_valid_chi(chi)
    # modulus 11 catches every single-digit error in the last four digits
    for pos in range(6, 10):
        for d in "0123456789":
            if d != chi[pos]:
                assert not is_valid_chi(chi[:pos] + d + chi[pos + 1 :])
