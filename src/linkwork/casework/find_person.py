"""Finding a person by name, CHI number or date of birth, among the people the user may see.

What was typed is read from a POST body only and never written anywhere: the audit entry says
what kind of search it was and how many records it showed, not what was searched for.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from linkwork.casework.chi import compact
from linkwork.casework.models import Person
from linkwork.casework.selectors import visible_people
from linkwork.core import audit

if TYPE_CHECKING:
    from linkwork.core.models import User

SHOW = 50
_DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d %m %Y", "%Y-%m-%d", "%d %B %Y", "%d %b %Y")


@dataclass(frozen=True)
class Found:
    kind: str  # "chi", "date_of_birth" or "name"
    count: int
    people: list[Person]


def parse_date(text: str) -> dt.date | None:
    cleaned = " ".join(text.replace(",", " ").split())
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    return None


def query_kind(text: str) -> tuple[str, str | dt.date]:
    """What the person typed: a CHI number (10 digits), a date of birth, or a name."""
    digits = compact(text)
    if re.fullmatch(r"\d{10}", digits):
        return "chi", digits
    day = parse_date(text)
    if day is not None:
        return "date_of_birth", day
    return "name", " ".join(text.split())


def matching(people: QuerySet[Person], kind: str, value: str | dt.date) -> QuerySet[Person]:
    if kind == "chi":
        return people.filter(chi=value)
    if kind == "date_of_birth":
        return people.filter(date_of_birth=value)
    for word in str(value).split():
        people = people.filter(
            Q(given_name__icontains=word)
            | Q(family_name__icontains=word)
            | Q(preferred_name__icontains=word)
        )
    return people


def find_people(*, user: User, text: str, show: int = SHOW) -> Found:
    """Search within the user's scope and audit it (kind and count only)."""
    kind, value = query_kind(text)
    found = matching(visible_people(user), kind, value)
    count = found.count()
    people = list(
        found.select_related("gp_practice").order_by("family_name", "given_name", "id")[:show]
    )
    audit.record(
        audit.Action.VIEW,
        Person,
        actor=user,
        detail={"query_kind": kind, "count": len(people)},
    )
    return Found(kind=kind, count=count, people=people)
