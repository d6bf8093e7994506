"""Finding people who may already be recorded: CHI exactly, or a close name with the same
date of birth and a matching postcode district (fuzzy, rapidfuzz)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from rapidfuzz import fuzz

from linkwork.casework.models import Person

#: Token-sort similarity (0-100) of full names at or above which we call it a possible match.
NAME_THRESHOLD = 85


@dataclass(frozen=True)
class PossibleDuplicate:
    person: Person
    score: float
    reason: str  # "chi", "name_dob_postcode", "name_dob"


def _district(postcode: str) -> str:
    return (postcode or "").upper().split(" ")[0]


def find_duplicates(
    *,
    candidates: QuerySet[Person],
    chi: str = "",
    given_name: str = "",
    family_name: str = "",
    date_of_birth: dt.date | None = None,
    postcode: str = "",
    exclude_id: int | None = None,
) -> list[PossibleDuplicate]:
    """Possible duplicates among `candidates` (pass the user's visible people, or all)."""
    qs = candidates.filter(merged_into__isnull=True)
    if exclude_id:
        qs = qs.exclude(pk=exclude_id)
    found: dict[int, PossibleDuplicate] = {}
    if chi:
        for p in qs.filter(chi=chi):
            found[p.pk] = PossibleDuplicate(p, 100.0, "chi")
    if date_of_birth and (given_name or family_name):
        name = f"{given_name} {family_name}".strip().lower()
        same_dob = qs.filter(date_of_birth=date_of_birth).filter(
            Q(family_name__iexact=family_name)
            | Q(given_name__iexact=given_name)
            | Q(family_name__istartswith=family_name[:2])
        )[:200]
        for p in same_dob:
            if p.pk in found:
                continue
            score = fuzz.token_sort_ratio(name, f"{p.given_name} {p.family_name}".lower())
            if score < NAME_THRESHOLD:
                continue
            if postcode and p.postcode:
                if _district(p.postcode) != _district(postcode):
                    continue
                found[p.pk] = PossibleDuplicate(p, float(score), "name_dob_postcode")
            else:
                found[p.pk] = PossibleDuplicate(p, float(score) * 0.9, "name_dob")
    return sorted(found.values(), key=lambda d: -d.score)
