"""Converters for single cells of places files. Each raises ValueError with a message a person
can act on; the loader adds the file, line and column."""

from __future__ import annotations

import functools
import math
import re

from django.utils.translation import gettext as _

from linkwork.places.codes import current_code
from linkwork.places.postcodes import normalise_postcode

_GSS = re.compile(r"^[A-Z][0-9]{8}$")
_YYYYMM = re.compile(r"^([0-9]{4})(0[1-9]|1[0-2])$")
_DMY = re.compile(r"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$")
_ISO = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})")


def text(value: str) -> str:
    return value.strip()


def whole(value: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    try:
        number = int(value)
    except ValueError:
        raise ValueError(_("“%(value)s” is not a whole number.") % {"value": value[:30]}) from None
    if number < 0:
        raise ValueError(_("“%(value)s” must not be negative.") % {"value": value})
    return number


def number(value: str) -> float | None:
    value = value.strip()
    if not value:
        return None
    try:
        result = float(value)
    except ValueError:
        raise ValueError(_("“%(value)s” is not a number.") % {"value": value[:30]}) from None
    if not math.isfinite(result):
        raise ValueError(_("“%(value)s” is not a number.") % {"value": value[:30]})
    return result


def rank(value: str) -> float | None:
    result = number(value)
    if result is not None and result < 1:
        raise ValueError(_("“%(value)s” is not a rank (1 or more).") % {"value": value})
    return result


def banded(low: int, high: int):  # type: ignore[no-untyped-def]
    def convert(value: str) -> int | None:
        result = whole(value)
        if result is not None and not low <= result <= high:
            raise ValueError(
                _("“%(value)s” is not between %(low)s and %(high)s.")
                % {"value": value, "low": low, "high": high}
            )
        return result

    return convert


decile = banded(1, 10)
quintile = banded(1, 5)


def latitude(value: str) -> float | None:
    result = number(value)
    if result is None or result > 99:  # NSPL writes 99.999999 for "no grid reference"
        return None
    if not -90 <= result <= 90:
        raise ValueError(_("“%(value)s” is not a latitude.") % {"value": value})
    return result


def longitude(value: str) -> float | None:
    result = number(value)
    if result is None:
        return None
    if not -180 <= result <= 180:
        raise ValueError(_("“%(value)s” is not a longitude.") % {"value": value})
    return result


@functools.lru_cache(maxsize=65536)
def code(value: str) -> str:
    """A GSS code, mapped to the current code; "" for none. (Cached: codes repeat a lot.)"""
    result = current_code(value)
    if result and not _GSS.match(result):
        raise ValueError(
            _("“%(value)s” is not an area code like S01006506.") % {"value": value[:30]}
        )
    return result


def postcode(value: str) -> str:
    return normalise_postcode(value)


def month(value: str) -> str:
    """A termination date as YYYYMM from YYYYMM, DD/MM/YYYY or YYYY-MM-DD; "" if none."""
    value = value.strip()
    if not value:
        return ""
    if match := _YYYYMM.match(value):
        return value
    if match := _DMY.match(value):
        day, mon, year = (int(g) for g in match.groups())
        if 1 <= mon <= 12 and 1 <= day <= 31:
            return f"{year:04d}{mon:02d}"
    elif (match := _ISO.match(value)) and 1 <= int(match.group(2)) <= 12:
        return f"{match.group(1)}{match.group(2)}"
    raise ValueError(
        _("“%(value)s” is not a date (YYYYMM, DD/MM/YYYY or YYYY-MM-DD).") % {"value": value[:30]}
    )
