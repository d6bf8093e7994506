"""Scotland's Community Health Index (CHI) number: 10 digits, DDMMYY + 3 digits + check digit.

The check digit is modulus 11 (weights 10..2 over the first nine digits); a remainder that
would need a check digit of 10 is never issued. We say which check failed, because a person
typing a CHI needs to know whether they mistyped a digit or the date part.
"""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

WEIGHTS = (10, 9, 8, 7, 6, 5, 4, 3, 2)


def compact(raw: str) -> str:
    """Strip spaces and hyphens people type between the parts."""
    return re.sub(r"[\s-]", "", raw or "")


def check_digit(first_nine: str) -> int | None:
    """The check digit for nine digits, or None when no valid CHI can start with them."""
    total = sum(int(d) * w for d, w in zip(first_nine, WEIGHTS, strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def birth_date_part_is_valid(chi: str) -> bool:
    """DDMMYY is a real date in some century (29 February 00 is valid: 2000 was a leap year)."""
    day, month, year = int(chi[0:2]), int(chi[2:4]), int(chi[4:6])
    for century in (1900, 2000):
        try:
            dt.date(century + year, month, day)
            return True
        except ValueError:
            continue
    return False


def birth_dates(chi: str) -> list[dt.date]:
    """The dates of birth DDMMYY could mean (a 1900s and a 2000s reading)."""
    out = []
    for century in (1900, 2000):
        try:
            out.append(dt.date(century + int(chi[4:6]), int(chi[2:4]), int(chi[0:2])))
        except ValueError:
            continue
    return out


def validate_chi(raw: str) -> str:
    """Return the CHI as ten digits, or raise ValidationError saying which check failed."""
    value = compact(raw)
    if not value.isdigit() or len(value) != 10:
        raise ValidationError(
            _("A CHI number is 10 digits, like 0101011237. You entered %(n)d characters.")
            % {"n": len(value)}
            if value.isdigit()
            else _("A CHI number has only digits, like 0101011237."),
            code="chi_format",
        )
    if not birth_date_part_is_valid(value):
        raise ValidationError(
            _(
                "The first six digits of a CHI number are the date of birth (DDMMYY); "
                "%(part)s is not a real date."
            )
            % {"part": value[:6]},
            code="chi_date",
        )
    expected = check_digit(value[:9])
    if expected is None or expected != int(value[9]):
        raise ValidationError(
            _(
                "The last digit of a CHI number is a check digit and it does not match the "
                "other nine: check you have typed every digit correctly."
            ),
            code="chi_check_digit",
        )
    return value


def is_valid_chi(raw: str) -> bool:
    try:
        validate_chi(raw)
    except ValidationError:
        return False
    return True


def make_chi(birth_date: dt.date, serial: int) -> str | None:
    """A valid CHI for a date of birth and a 3-digit serial (demo data), or None if none fits."""
    first_nine = f"{birth_date:%d%m%y}{serial % 1000:03d}"
    check = check_digit(first_nine)
    return None if check is None else f"{first_nine}{check}"
