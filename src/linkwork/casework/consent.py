"""What a person has agreed to now.

Consent decisions are the person's, recorded by someone who spoke to them: the latest
recorded decision for a purpose (and partner) holds. A referrer's "they agree to share" box
is not such a decision: it covers links made from that referral's case only, and never
outweighs a withdrawal the person has recorded, whenever that was (finding 2 of issue 10).
"""

from __future__ import annotations

from django.db.models import Q

from linkwork.casework.models import Case, Consent, Person


def current_decision(*, person: Person, purpose: str, partner_id: int | None = None) -> str | None:
    """'given', 'withdrawn' or None (never asked) for a purpose and (optionally) a partner.

    A decision about all partners (partner empty) and one about this partner both count; the
    most recent wins, so "withdrawn for everyone" after "given to X" stops sharing with X.
    """
    qs = Consent.objects.filter(person=person, purpose=purpose)
    if partner_id is None:
        qs = qs.filter(partner__isnull=True)
    else:
        qs = qs.filter(Q(partner__isnull=True) | Q(partner_id=partner_id))
    latest = qs.order_by("-recorded_at", "-id").values_list("decision", flat=True).first()
    return latest


def may_share_with(
    *, person: Person, organisation_id: int | None, case: Case | None = None
) -> bool:
    """May the person's details go to this organisation (for a link from ``case``)?"""
    decision = current_decision(
        person=person, purpose=Consent.Purpose.SHARING, partner_id=organisation_id
    )
    if decision is not None:
        return decision == Consent.Decision.GIVEN
    if case is not None and case.person_id == person.pk:
        return bool(case.referral.consent_to_share)
    return False


def may_contact(*, person: Person) -> bool:
    return current_decision(person=person, purpose=Consent.Purpose.CONTACT) != "withdrawn"
