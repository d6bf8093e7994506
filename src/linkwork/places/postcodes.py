"""UK postcode normalisation: any case and spacing in, the standard form ("EH1 1AB") out."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

# Outward code (area letters, district) + inward code (sector digit, unit letters).
# Royal Mail never uses C, I, K, M, O or V in the last two letters.
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][ABD-HJLNP-UW-Z]{2})$")
_STANDARD = re.compile(r"[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][ABD-HJLNP-UW-Z]{2}")
_WHITESPACE = re.compile(r"\s+")
_ALPHANUMERIC = re.compile(r"^[A-Za-z0-9]+$")


class InvalidPostcode(ValueError):
    """The text is not shaped like a UK postcode."""


def _shown(raw: str) -> str:
    text = _WHITESPACE.sub(" ", raw).strip()
    return text if len(text) <= 20 else text[:19] + "…"


def normalise_postcode(raw: object) -> str:
    """Return the postcode in standard form, or raise InvalidPostcode saying what is wrong."""
    if isinstance(raw, str) and _STANDARD.fullmatch(raw):
        return raw  # already standard (every row of a national file): skip the work
    text = "" if raw is None else str(raw)
    compact = _WHITESPACE.sub("", text)
    if not compact:
        raise InvalidPostcode(_("Enter a postcode, like EH1 1AB."))
    if not _ALPHANUMERIC.match(compact):
        raise InvalidPostcode(
            _(
                "“%(value)s” is not a postcode: a postcode has only letters, numbers and a "
                "space, like EH1 1AB."
            )
            % {"value": _shown(text)}
        )
    compact = compact.upper()
    if len(compact) < 5 or len(compact) > 7:
        raise InvalidPostcode(
            _(
                "“%(value)s” is not a postcode: a postcode has 5 to 7 letters and numbers, "
                "like EH1 1AB."
            )
            % {"value": _shown(text)}
        )
    match = _POSTCODE.match(compact)
    if not match:
        raise InvalidPostcode(
            _(
                "“%(value)s” is not a postcode. Check it looks like EH1 1AB: one or two "
                "letters, a number, then a number and two letters."
            )
            % {"value": _shown(text)}
        )
    return f"{match.group(1)} {match.group(2)}"
