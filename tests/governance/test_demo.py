"""The demo's community organisations hold agreements, so the demo's links pass the gate."""

from __future__ import annotations

import io
import random

import pytest

from linkwork.casework.guards import service_writes
from linkwork.casework.models import ServiceLink
from linkwork.core.models import Organisation
from linkwork.core.roles import Role
from linkwork.governance import demo
from linkwork.governance.agreements import expiring_soon, links_under_agreement
from linkwork.governance.models import DataSharingAgreement, SharingPurpose
from tests.casework.factories import CaseFactory, CommunityOrgFactory, PracticeFactory, make_service
from tests.core.factories import OrganisationFactory, make_user
from tests.governance.factories import dpo_of

pytestmark = pytest.mark.django_db


def _generate() -> dict[str, int]:
    return demo.generate(scale="small", rng=random.Random(1), stdout=io.StringIO())


def test_demo_agreements_cover_every_organisation_the_demo_sends_people_to() -> None:
    programme = OrganisationFactory(kind=Organisation.Kind.PROGRAMME)
    practice = PracticeFactory(programme=programme)
    receiving, with_account, unused = (
        CommunityOrgFactory(),
        CommunityOrgFactory(),
        CommunityOrgFactory(),
    )
    make_user(Role.COMMUNITY_EDITOR, organisations=(with_account,))
    case = CaseFactory(referral__person__gp_practice=practice, status="active")
    with service_writes():  # as the casework demo makes them: in bulk, not through the service
        ServiceLink.objects.create(
            case=case,
            service=make_service(owner=receiving, agreement=False),
            kind="supported",
            status="sent",
            receiving_organisation=receiving,
        )
    assert not links_under_agreement(ServiceLink.objects.all(), SharingPurpose.REFERRAL).exists()

    assert _generate() == {"data-sharing agreements": 2}
    partners = set(DataSharingAgreement.objects.values_list("partner_id", flat=True))
    assert partners == {receiving.pk, with_account.pk} and unused.pk not in partners
    assert links_under_agreement(ServiceLink.objects.all(), SharingPurpose.REFERRAL).count() == 1
    assert len(expiring_soon(dpo_of(programme))) == 1, "the register shows a renewal due"
    assert _generate() == {"data-sharing agreements": 0}, "running it again adds nothing"
