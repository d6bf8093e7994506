"""The data-sharing agreements register and the one question every sharing path asks:
may this person's data go to this organisation for this purpose?

Two gates, one rule (an agreement in force with the partner, for the purpose, covering the
person's practice; see ``_covering_agreements``):

- ``may_share_with`` / ``require_sharing`` for one person (create a supported link, show the
  person's details on the portal), which also asks for the person's consent;
- ``links_under_agreement`` for a list (the portal's referrals, as a page and through the
  API), as one query so the list does not grow a query per row.

``SHARING_ENTRY_POINTS`` names every page and API operation that sends a person's data to a
community organisation; tests/governance/test_sharing_paths.py drives each one with sharing
refused and fails when a new entry point appears that is not listed.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from linkwork.core.models import Organisation
from linkwork.governance import conf, selectors
from linkwork.governance import policy as actions
from linkwork.governance.models import DataSharingAgreement, SharingPurpose

if TYPE_CHECKING:
    from linkwork.casework.models import Case, Person, ServiceLink
    from linkwork.core.policy import Actor

#: Every page and API operation (as named in the permission policy's URL map) through which a
#: person's data reaches a community organisation, with the purpose it is shared for and the
#: gate it passes. A new one must be added here and to the test that drives them all.
SHARING_ENTRY_POINTS: dict[str, tuple[SharingPurpose, str]] = {
    "casework:find_services": (SharingPurpose.REFERRAL, "require_sharing"),
    "POST /api/v1/cases/{case_id}/links": (SharingPurpose.REFERRAL, "require_sharing"),
    "casework:portal": (SharingPurpose.REFERRAL, "links_under_agreement"),
    "GET /api/v1/portal/links": (SharingPurpose.REFERRAL, "links_under_agreement"),
    "casework:portal_link": (SharingPurpose.REFERRAL, "links_under_agreement, may_share_with"),
    "POST /api/v1/portal/links/{link_id}/status": (
        SharingPurpose.REFERRAL,
        "links_under_agreement",
    ),
}


class SharingRefused(ValidationError):
    """Sharing with a partner was refused: no agreement in force for the purpose, or no
    consent. A ValidationError, so pages and the API show it as a 4xx with its message."""


def current_agreements(
    organisation: Organisation | int, *, on: dt.date | None = None
) -> QuerySet[DataSharingAgreement]:
    on = on or timezone.localdate()
    org_id = organisation.pk if isinstance(organisation, Organisation) else organisation
    return DataSharingAgreement.objects.filter(
        partner_id=org_id,
        status=DataSharingAgreement.Status.ACTIVE,
        starts_on__lte=on,
        ends_on__gte=on,
    )


def _purpose(purpose: SharingPurpose | str) -> str:
    if str(purpose) not in SharingPurpose.values:
        raise ValueError(f"unknown sharing purpose {purpose!r}")
    return str(purpose)


def _in_force_for(purpose: str, on: dt.date | None) -> list[int]:
    """Ids of every agreement in force on ``on`` that names ``purpose`` (the purposes are a
    JSON list, which SQLite cannot search, so they are read; the register is small)."""
    on = on or timezone.localdate()
    rows = DataSharingAgreement.objects.filter(
        status=DataSharingAgreement.Status.ACTIVE, starts_on__lte=on, ends_on__gte=on
    ).values_list("pk", "purposes")
    return [pk for pk, purposes in rows if purpose in (purposes or [])]


def _person_organisations(person: Person, case: Case | None = None) -> set[int]:
    ids = {person.gp_practice_id} if person.gp_practice_id else set()
    if case is not None:
        ids.add(case.practice_id)
    else:
        ids |= set(person.cases.values_list("practice_id", flat=True))
    programmes = Organisation.objects.filter(pk__in=ids).values_list("programme_id", flat=True)
    return ids | {p for p in programmes if p}


def _covering_agreements(
    org_id: int, person: Person, purpose: str, *, case: Case | None, on: dt.date | None
) -> bool:
    """An agreement with the partner, in force, for the purpose, whose parties are empty
    (every party) or include the person's practice, the case's practice or their programme."""
    in_force = _in_force_for(purpose, on)
    agreements = DataSharingAgreement.objects.filter(pk__in=in_force, partner_id=org_id)
    parties = _person_organisations(person, case)
    return agreements.filter(Q(parties__isnull=True) | Q(parties__in=parties)).exists()


def may_share_with(
    organisation: Organisation | int | None,
    person: Person,
    purpose: SharingPurpose | str,
    *,
    case: Case | None = None,
    on: dt.date | None = None,
) -> bool:
    """True only when an agreement with ``organisation`` is in force today for ``purpose``
    (and covers the person's practice, if the agreement names parties) AND the person's latest
    sharing consent for that organisation is "given" (for a link from ``case``, the referrer's
    recorded agreement to share counts unless the person decided otherwise). Every path that
    sends personal data to a community organisation must ask this first."""
    from linkwork.casework import consent  # casework imports governance: imported when asked

    if organisation is None:  # nobody to share with: nothing may go
        _purpose(purpose)
        return False
    org_id = organisation.pk if isinstance(organisation, Organisation) else int(organisation)
    if not _covering_agreements(org_id, person, _purpose(purpose), case=case, on=on):
        return False
    return consent.may_share_with(person=person, organisation_id=org_id, case=case)


def refusal_reason(
    organisation: Organisation | int,
    person: Person,
    purpose: SharingPurpose | str,
    *,
    case: Case | None = None,
) -> str:
    """Why sharing is refused, naming what is missing (for the message to the user)."""
    org_id = organisation.pk if isinstance(organisation, Organisation) else int(organisation)
    org = Organisation.objects.filter(pk=org_id).first()
    name = org.name if org is not None else str(org_id)
    label = SharingPurpose(_purpose(purpose)).label
    if not _covering_agreements(org_id, person, str(purpose), case=case, on=None):
        return _(
            "There is no data-sharing agreement in force with %(organisation)s for "
            "“%(purpose)s” that covers this person's practice, so their details cannot be "
            "sent. Ask your data protection officer to record a current agreement in the "
            "register, or signpost the person instead."
        ) % {"organisation": name, "purpose": label}
    return _(
        "The person has not agreed to share their details with %(organisation)s. Record "
        "their consent first, or signpost them instead."
    ) % {"organisation": name}


def require_sharing(
    organisation: Organisation | int,
    person: Person,
    purpose: SharingPurpose | str,
    *,
    case: Case | None = None,
) -> None:
    """Raise ``SharingRefused`` (with a message naming the missing agreement or consent)
    unless ``may_share_with`` allows it. Services call this before writing anything."""
    if not may_share_with(organisation, person, purpose, case=case):
        raise SharingRefused(refusal_reason(organisation, person, purpose, case=case))


def links_under_agreement(
    links: QuerySet[ServiceLink], purpose: SharingPurpose | str, *, on: dt.date | None = None
) -> QuerySet[ServiceLink]:
    """Only the links whose receiving organisation holds an agreement in force for
    ``purpose`` covering the person's or the case's practice (or their programme): the same
    rule as ``may_share_with`` without consent (the person's details are shown only with
    consent; see the portal), as one query."""
    covering = DataSharingAgreement.objects.filter(
        pk__in=_in_force_for(_purpose(purpose), on),
        partner_id=OuterRef("receiving_organisation_id"),
    )
    named = (
        Q(parties=OuterRef("case__practice_id"))
        | Q(parties=OuterRef("case__person__gp_practice_id"))
        | Q(parties=OuterRef("case__practice__programme_id"))
        | Q(parties=OuterRef("case__person__gp_practice__programme_id"))
    )
    return links.filter(
        Exists(covering.filter(parties__isnull=True)) | Exists(covering.filter(named))
    )


def register(user: Actor | None) -> QuerySet[DataSharingAgreement]:
    """Agreements the DPO sees: with their organisations as partner or party."""
    ids = selectors.organisations_in_scope(user, actions.VIEW_AGREEMENTS)
    agreements = DataSharingAgreement.objects.select_related("partner").order_by("ends_on")
    if ids is None:
        return agreements
    return agreements.filter(Q(partner_id__in=ids) | Q(parties__in=ids)).distinct()


def expiring_soon(user: Actor | None) -> list[DataSharingAgreement]:
    """Agreements in force that end within GOVERNANCE_AGREEMENT_WARNING_DAYS."""
    today = timezone.localdate()
    horizon = today + dt.timedelta(days=conf.get("GOVERNANCE_AGREEMENT_WARNING_DAYS"))
    return list(
        register(user).filter(
            status=DataSharingAgreement.Status.ACTIVE, ends_on__gte=today, ends_on__lte=horizon
        )
    )
