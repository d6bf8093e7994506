"""Demo data-sharing agreements: one in force with every community organisation the demo
sends people to (or that has a Linkwork account), so the demo's links and portal work through
governance's gate; one of them due for renewal, so the register shows the warning."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.utils import timezone

from linkwork.core.models import Organisation
from linkwork.governance.models import DataCategory, DataSharingAgreement, SharingPurpose

#: What demo organisations may receive, and why (not exports or FHIR: the demo has neither).
DEMO_PURPOSES = [
    SharingPurpose.REFERRAL.value,
    SharingPurpose.FOLLOW_UP.value,
    SharingPurpose.OUTCOMES.value,
    SharingPurpose.NOTIFICATION.value,
]
DEMO_CATEGORIES = [DataCategory.IDENTITY.value, DataCategory.CONTACT.value]


def _partners() -> list[Organisation]:
    from linkwork.casework.models import ServiceLink

    receiving = ServiceLink.objects.filter(receiving_organisation__isnull=False).values(
        "receiving_organisation_id"
    )
    return list(
        Organisation.objects.filter(kind=Organisation.Kind.COMMUNITY).filter(pk__in=receiving)
        | Organisation.objects.filter(kind=Organisation.Kind.COMMUNITY, memberships__isnull=False)
    )


def generate(*, scale: str, rng: random.Random, stdout: Any) -> dict[str, int]:
    today = timezone.localdate()
    programmes = list(Organisation.objects.filter(kind=Organisation.Kind.PROGRAMME))
    made = 0
    for i, partner in enumerate(sorted(set(_partners()), key=lambda o: o.pk)):
        if DataSharingAgreement.objects.filter(partner=partner).exists():
            continue
        # The first is due for renewal within the warning period; the rest run two years.
        ends = today + dt.timedelta(days=40 if i == 0 else 730 + rng.randint(0, 200))
        agreement = DataSharingAgreement.objects.create(
            title=f"Data-sharing agreement: {partner.name} (link working referrals)",
            partner=partner,
            purposes=DEMO_PURPOSES,
            data_categories=DEMO_CATEGORIES,
            starts_on=today - dt.timedelta(days=300),
            ends_on=ends,
            status=DataSharingAgreement.Status.ACTIVE,
        )
        agreement.parties.set(programmes)
        made += 1
    return {"data-sharing agreements": made}
