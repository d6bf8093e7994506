"""The coded list of referral reasons (data/referral_reasons.json, reviewed like code)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SNOMED = "http://snomed.info/sct"
#: Social prescribing events for the message back to the GP (from the issue; PRSB model).
SNOMED_REFERRAL_TO_SOCIAL_PRESCRIBING = "871731000000106"
SNOMED_SOCIAL_PRESCRIBING_DECLINED = "871711000000103"
READ_V2_SYSTEM = "http://read.info/readv2"
READ_V2_SOCIAL_PRESCRIBING = "8T09."


@dataclass(frozen=True)
class Reason:
    code: str
    label: str
    snomed: str
    snomed_display: str


@cache
def all_reasons() -> tuple[Reason, ...]:
    path = Path(__file__).parent / "data" / "referral_reasons.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(
        Reason(r["code"], r["label"], r["snomed"], r["snomed_display"]) for r in data["reasons"]
    )


def by_code() -> dict[str, Reason]:
    return {r.code: r for r in all_reasons()}


def by_snomed() -> dict[str, Reason]:
    return {r.snomed: r for r in all_reasons() if r.snomed}


def choices() -> list[tuple[str, str]]:
    return [(r.code, _(r.label)) for r in all_reasons()]


def labels(codes: list[str]) -> list[str]:
    known = by_code()
    return [_(known[c].label) if c in known else c for c in codes]


def validate_reason_codes(codes: list[str]) -> None:
    if not codes:
        raise ValidationError({"reasons": _("Choose at least one reason for the referral.")})
    unknown = [c for c in codes if c not in by_code()]
    if unknown:
        raise ValidationError(
            {"reasons": _("Unknown reason: %(codes)s") % {"codes": ", ".join(unknown)}}
        )
