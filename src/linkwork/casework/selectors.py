"""Reads, already scoped to the user. Every page and API endpoint gets its rows from here, so
the scoping rules live in one place:

- a link worker sees the people (and cases) of the GP practices they work in;
- practice staff see the referrals their practice made, and their status (not the record);
  staff of another agency (practice_staff role + membership of an `agency` organisation)
  likewise see only the referrals their agency made;
- a community organisation sees only the supported referrals sent to it (see `links`);
- a programme manager sees everything in their programme's practices;
- an administrator sees everything.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from linkwork.casework.models import Case, Person, Referral
from linkwork.core.models import Organisation
from linkwork.core.permissions import (
    has_role,
    is_admin,
    organisation_ids,
    practice_ids,
    programme_member_ids,
)
from linkwork.core.roles import Role


def record_scope(user: Any) -> set[int] | None:
    """Practice ids whose people's records the user may see; None means every practice."""
    if not (user and user.is_authenticated and user.is_active):
        return set()
    if is_admin(user):
        return None
    ids: set[int] = set()
    if has_role(user, Role.LINK_WORKER):
        ids |= practice_ids(user)
    if has_role(user, Role.PROGRAMME_MANAGER):
        ids |= programme_member_ids(user)
    return ids


def visible_people(user: Any) -> QuerySet[Person]:
    """People whose record the user may open (merged-away duplicates excluded)."""
    scope = record_scope(user)
    people = Person.objects.filter(merged_into__isnull=True)
    if scope is None:
        return people
    if not scope:
        return people.none()
    return people.filter(
        Q(gp_practice_id__in=scope)
        | Q(id__in=Case.objects.filter(practice_id__in=scope).values("person_id"))
    )


def visible_cases(user: Any) -> QuerySet[Case]:
    scope = record_scope(user)
    cases = Case.objects.all()
    if scope is None:
        return cases
    if not scope:
        return cases.none()
    return cases.filter(practice_id__in=scope)


def can_see_person(user: Any, person: Person) -> bool:
    return visible_people(user).filter(pk=person.pk).exists()


def agency_ids(user: Any) -> set[int]:
    """Agencies (Citizens Advice, housing, social work...) the user may refer on behalf of:
    the referrer role (practice_staff) plus a membership of an `agency` organisation."""
    if not has_role(user, Role.PRACTICE_STAFF):
        return set()
    return organisation_ids(user, Organisation.Kind.AGENCY)


def referrals_made_by(user: Any) -> QuerySet[Referral]:
    """Referrals a referrer may follow: those their own practices or agencies made."""
    if not (user and user.is_authenticated):
        return Referral.objects.none()
    if is_admin(user):
        return Referral.objects.all()
    if not has_role(user, Role.PRACTICE_STAFF):
        return Referral.objects.none()
    referrers = organisation_ids(user, Organisation.Kind.GP_PRACTICE, Organisation.Kind.AGENCY)
    return Referral.objects.filter(referring_organisation_id__in=referrers)


def visible_referrals(user: Any) -> QuerySet[Referral]:
    """Referrals the user may see: via the case scope, or as the referring practice."""
    scope = record_scope(user)
    if scope is None:
        return Referral.objects.all()
    made = referrals_made_by(user)
    if not scope:
        return made
    return Referral.objects.filter(Q(case__practice_id__in=scope) | Q(id__in=made.values("id")))
