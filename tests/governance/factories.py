from __future__ import annotations

import datetime as dt
from typing import Any

import factory
from django.utils import timezone

from linkwork.casework import models as cm
from linkwork.casework.guards import service_writes
from linkwork.core.models import Organisation, User
from linkwork.governance.models import DataSharingAgreement, SharingPurpose
from tests.casework.factories import CommunityOrgFactory, PracticeFactory
from tests.core.factories import make_user


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DataSharingAgreement
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Agreement {n}")
    partner = factory.SubFactory(CommunityOrgFactory)
    purposes = factory.LazyFunction(lambda: [SharingPurpose.REFERRAL.value])
    data_categories = factory.LazyFunction(lambda: ["identity", "contact"])
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=30))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=365))
    status = DataSharingAgreement.Status.ACTIVE

    @factory.post_generation
    def parties(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        for org in extracted or ():
            self.parties.add(org)


def give_consent(person: cm.Person, partner: Organisation | None, decision: str = "given") -> None:
    with service_writes():
        cm.Consent.objects.create(
            person=person,
            purpose=cm.Consent.Purpose.SHARING,
            partner=partner,
            decision=decision,
            decided_on=timezone.localdate(),
        )


def dpo_of(*orgs: Organisation, username: str = "") -> User:
    kwargs = {"username": username} if username else {}
    return make_user("dpo", organisations=orgs, email="dpo@example.org", **kwargs)


def two_practices() -> tuple[Organisation, Organisation]:
    return PracticeFactory(), PracticeFactory()
