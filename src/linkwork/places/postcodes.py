"""UK postcode normalisation: any case and spacing in, the standard form ("EH1 1AB") out."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

# Outward code (area letters, district) + inward code (sector digit, unit letters).
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][ABD-HJLNP-UW-Z]{2})$")


class InvalidPostcode(ValueError):
    """The text is not shaped like a UK postcode."""


def normalise_postcode(raw: str) -> str:
    """Return the postcode in standard form, or raise InvalidPostcode saying what is wrong."""
    if raw is None:
        raise InvalidPostcode(_("Enter a postcode."))
    compact = re.sub(r"\s+", "", str(raw)).upper()
    if not compact:
        raise InvalidPostcode(_("Enter a postcode."))
    if len(compact) < 5 or len(compact) > 7:
        raise InvalidPostcode(
            _(
                "“%(value)s” is not a postcode: a postcode has 5 to 7 letters and numbers, "
                "like EH1 1AB."
            )
            % {"value": str(raw).strip()[:20]}
        )
    match = _POSTCODE.match(compact)
    if not match:
        raise InvalidPostcode(
            _("“%(value)s” is not a postcode. Check it looks like EH1 1AB.")
            % {"value": str(raw).strip()[:20]}
        )
    return f"{match.group(1)} {match.group(2)}"
