"""Spotting personal data about people supported in text members are about to post.

A warning, not a block: the patterns also match harmless things (a phone number of a service).
The member is asked to check; posting anyway flags the post for moderators.
"""

from __future__ import annotations

import re

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from linkwork.casework.chi import birth_date_part_is_valid, check_digit

KIND_LABELS: dict[str, Promise] = {
    "chi": _("a CHI number"),
    "date_of_birth": _("a date of birth"),
    "phone": _("a phone number"),
    "address": _("an address (a full postcode)"),
}

_CHI = re.compile(r"(?<!\d)(\d{2}[\s-]?\d{2}[\s-]?\d{2}[\s-]?\d{4})(?!\d)")
_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DOB = re.compile(
    r"\b(?:dob|d\.o\.b\.?|date of birth|born(?: on)?)\b"
    r"|(?<!\d)(?:0?[1-9]|[12]\d|3[01])[/.-](?:0?[1-9]|1[0-2])[/.-](?:19|20)?\d{2}(?!\d)"
    rf"|\b(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+(?:{_MONTHS})\s+(?:19|20)\d{{2}}\b",
    re.IGNORECASE,
)
_PHONE = re.compile(r"(?<![\d+])(?:\+44\s?\(?0?\)?\s?|0)(?:\d[\s-]?){9,10}(?!\d)")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)


def _looks_like_chi(candidate: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    if len(digits) != 10 or not birth_date_part_is_valid(digits):
        return False
    return check_digit(digits[:9]) == int(digits[9])


def personal_data_kinds(text: str) -> list[str]:
    """The kinds of personal data the text seems to hold, in a fixed order."""
    found: list[str] = []
    chi_spans = [m.span(1) for m in _CHI.finditer(text) if _looks_like_chi(m.group(1))]
    if chi_spans:
        found.append("chi")
    if _DOB.search(text):
        found.append("date_of_birth")
    for match in _PHONE.finditer(text):
        if not any(s <= match.start() < e for s, e in chi_spans):
            found.append("phone")
            break
    if _POSTCODE.search(text):  # a full postcode is an address to within a few doors
        found.append("address")
    return found


def describe(kinds: list[str]) -> list[str]:
    return [str(KIND_LABELS[k]) for k in kinds if k in KIND_LABELS]
