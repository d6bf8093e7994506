"""The data-sharing agreements register and the one question every sharing path asks:
may this person's data go to this organisation for this purpose?"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from django.utils import timezone

from linkwork.core.models import Organisation
from linkwork.governance import conf, selectors
from linkwork.governance import policy as actions
from linkwork.governance.models import DataSharingAgreement, SharingPurpose

if TYPE_CHECKING:
    from linkwork.casework.models import Person
    from linkwork.core.policy import Actor


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


def _person_organisations(person: Person) -> set[int]:
    ids = {person.gp_practice_id} if person.gp_practice_id else set()
    ids |= set(person.cases.values_list("practice_id", flat=True))
    programmes = Organisation.objects.filter(pk__in=ids).values_list("programme_id", flat=True)
    return ids | {p for p in programmes if p}


def may_share_with(
    organisation: Organisation | int,
    person: Person,
    purpose: SharingPurpose | str,
    *,
    on: dt.date | None = None,
) -> bool:
    """True only when an agreement with ``organisation`` is in force today for ``purpose``
    (and covers the person's practice, if the agreement names parties) AND the person's latest
    sharing consent for that organisation is "given". Every path that sends personal data to a
    community organisation (portal, notifications, exports, FHIR) must ask this first."""
    from linkwork.casework import consent

    org_id = organisation.pk if isinstance(organisation, Organisation) else int(organisation)
    if str(purpose) not in SharingPurpose.values:
        raise ValueError(f"unknown sharing purpose {purpose!r}")
    person_orgs: set[int] | None = None
    covered = False
    for agreement in current_agreements(org_id, on=on).prefetch_related("parties"):
        if str(purpose) not in agreement.purposes:
            continue
        parties = {p.pk for p in agreement.parties.all()}
        if parties:
            if person_orgs is None:
                person_orgs = _person_organisations(person)
            if not parties & person_orgs:
                continue
        covered = True
        break
    if not covered:
        return False
    return consent.may_share_with(person=person, organisation_id=org_id)


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
