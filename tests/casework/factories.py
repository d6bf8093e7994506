"""Casework factories. They open the service write gate (tests build data directly), while the
code under test stays behind it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory
from django.utils import timezone

from linkwork.casework import models as m
from linkwork.casework.chi import make_chi
from linkwork.casework.guards import service_writes
from linkwork.casework.states import CaseStatus
from linkwork.core.models import Organisation
from tests.core.factories import OrganisationFactory


class GuardedFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class: Any, *args: Any, **kwargs: Any) -> Any:
        with service_writes():
            return super()._create(model_class, *args, **kwargs)

    @classmethod
    def _after_postgeneration(cls, instance: Any, create: bool, results: Any = None) -> None:
        with service_writes():
            super()._after_postgeneration(instance, create, results)


def _chi(n: int) -> str:
    day = dt.date(1950, 1, 1) + dt.timedelta(days=n * 37 % 20000)
    for serial in range(n % 1000, n % 1000 + 20):
        chi = make_chi(day, serial)
        if chi:
            return chi
    raise AssertionError("no CHI")


class PracticeFactory(OrganisationFactory):
    kind = Organisation.Kind.GP_PRACTICE
    name = factory.Sequence(lambda n: f"Practice {n}")


class CommunityOrgFactory(OrganisationFactory):
    kind = Organisation.Kind.COMMUNITY
    name = factory.Sequence(lambda n: f"Community group {n}")


class PersonFactory(GuardedFactory):
    class Meta:
        model = m.Person

    chi = factory.Sequence(_chi)
    given_name = factory.Sequence(lambda n: f"Alex{n}")
    family_name = factory.Sequence(lambda n: f"Morgan{n}")
    date_of_birth = dt.date(1960, 5, 17)
    gp_practice = factory.SubFactory(PracticeFactory)


class ReferralFactory(GuardedFactory):
    class Meta:
        model = m.Referral

    person = factory.SubFactory(PersonFactory)
    source = m.Referral.Source.PRACTICE
    referring_organisation = factory.LazyAttribute(lambda r: r.person.gp_practice)
    reasons = factory.LazyFunction(lambda: ["social_isolation"])
    person_agreed = True


class CaseFactory(GuardedFactory):
    class Meta:
        model = m.Case

    referral = factory.SubFactory(ReferralFactory)
    person = factory.LazyAttribute(lambda c: c.referral.person)
    practice = factory.LazyAttribute(lambda c: c.referral.person.gp_practice)
    status = CaseStatus.RECEIVED


class EncounterFactory(GuardedFactory):
    class Meta:
        model = m.Encounter

    case = factory.SubFactory(CaseFactory)
    occurred_at = factory.LazyFunction(timezone.now)
    mode = m.Encounter.Mode.PHONE
    duration_minutes = 30
    notes = "Talked about the walking group."


class GoalFactory(GuardedFactory):
    class Meta:
        model = m.Goal

    case = factory.SubFactory(CaseFactory)
    what = "Go to the walking group once a week"


class WhatMattersFactory(GuardedFactory):
    class Meta:
        model = m.WhatMatters

    case = factory.SubFactory(CaseFactory)
    text = "Getting out of the house and meeting people."
    domains = factory.LazyFunction(lambda: ["social_connection"])


def make_service(
    *, owner: Organisation | None = None, name: str = "Walking group", agreement: bool = True
) -> Any:
    """A directory service whose organisation is owned by `owner` (a community account), with
    a data-sharing agreement in force with `owner` for every purpose unless `agreement=False`
    (governance refuses to share without one)."""
    from linkwork.directory.models import Organization, Service

    if owner is not None and agreement:
        agreement_with(owner)
    org = Organization.objects.create(name=f"{name} org", owner=owner)
    return Service.objects.create(name=name, organization=org)


def agreement_with(partner: Organisation) -> Any:
    """A data-sharing agreement in force with `partner`, for every purpose and every party."""
    from linkwork.governance.models import DataSharingAgreement, SharingPurpose

    today = timezone.localdate()
    return DataSharingAgreement.objects.create(
        title=f"Data-sharing agreement with {partner.name}",
        partner=partner,
        purposes=list(SharingPurpose.values),
        data_categories=["identity", "contact"],
        starts_on=today - dt.timedelta(days=30),
        ends_on=today + dt.timedelta(days=365),
        status=DataSharingAgreement.Status.ACTIVE,
    )
