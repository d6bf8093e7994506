"""Reads, already scoped to the user. Every page, API operation and FHIR interaction gets its
rows from here, and every one of these is the core policy's ``scope_queryset`` for the action
that reads them (rules in ``casework/policy.py``), so a list and the detail page it links to
cannot disagree:

- a link worker sees the people and cases of the GP practices they are a member of *now*
  (a member who has left sees nothing there on their next request);
- practice and agency staff follow the referrals their organisation made (not the record);
- a community organisation sees only the supported referrals sent to it;
- a programme manager sees everything in their programme's practices;
- an administrator sees everything.
"""

from __future__ import annotations

from django.db.models import QuerySet

from linkwork.casework.models import Case, Person, Referral, ServiceLink
from linkwork.core import policy
from linkwork.core.models import Organisation
from linkwork.core.policy import Actor


def visible_people(user: Actor | None, action: str = "casework.view_person") -> QuerySet[Person]:
    """People whose record the user may open (merged-away duplicates excluded)."""
    return policy.scope_queryset(user, action, Person.objects.filter(merged_into__isnull=True))


def visible_cases(user: Actor | None, action: str = "casework.view_case") -> QuerySet[Case]:
    return policy.scope_queryset(user, action, Case.objects.all())


def visible_referrals(user: Actor | None) -> QuerySet[Referral]:
    """Referrals the user may see: at a practice in their scope, or made by their
    organisation."""
    return policy.scope_queryset(user, "casework.view_referral", Referral.objects.all())


def referrals_made_by(user: Actor | None) -> QuerySet[Referral]:
    """Referrals a referrer follows: those their own practices or agencies made."""
    return policy.scope_queryset(user, "casework.list_referrals_made", Referral.objects.all())


def referring_organisations(user: Actor | None, *kinds: str) -> QuerySet[Organisation]:
    """Organisations (of these kinds) the user may refer from."""
    orgs = Organisation.objects.filter(kind__in=kinds)
    return policy.scope_queryset(user, "casework.refer", orgs).order_by("name")


def agency_ids(user: Actor | None) -> set[int]:
    """Agencies (Citizens Advice, housing, social work...) the user may refer on behalf of."""
    agencies = referring_organisations(user, Organisation.Kind.AGENCY)
    return set(agencies.values_list("pk", flat=True))


def visible_links(
    user: Actor | None, action: str = "casework.view_portal"
) -> QuerySet[ServiceLink]:
    """Supported referrals sent to the user's community organisations (nothing else)."""
    links = ServiceLink.objects.filter(kind=ServiceLink.Kind.SUPPORTED).exclude(
        receiving_organisation__isnull=True
    )
    return policy.scope_queryset(user, action, links)
