from __future__ import annotations

import datetime as dt
from typing import Any

import factory
from django.utils import timezone

from linkwork.casework import models as cm
from linkwork.casework.guards import service_writes
from linkwork.core.models import Organisation, User
from linkwork.governance.models import DataSharingAgreement, Rectification, SharingPurpose
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


def _fill_text(obj: Any) -> None:
    """Put a recognisable value in every free-text personal field (to look for it later)."""
    from django.db import models as dm

    from linkwork.governance.classification import personal_fields

    for name in personal_fields(type(obj)):
        f = obj._meta.get_field(name)
        if f.choices or f.is_relation or name == "chi":  # the factory's CHI is unique and valid
            continue
        if isinstance(f, dm.EmailField):
            setattr(obj, name, f"secret.{obj._meta.model_name}@example.org")
        elif isinstance(f, dm.CharField | dm.TextField):
            value = f"Secret {obj._meta.model_name} {name}"
            setattr(obj, name, value[: f.max_length] if f.max_length else value)


def full_record(practice: Organisation | None = None, worker: User | None = None) -> cm.Person:
    """A person with one of every kind of record about them, free text filled in."""
    from linkwork.outcomes import models as om
    from tests.casework.factories import (
        CaseFactory,
        EncounterFactory,
        GoalFactory,
        PersonFactory,
        WhatMattersFactory,
        make_service,
    )

    practice = practice or PracticeFactory()
    person = PersonFactory(
        gp_practice=practice,
        date_of_birth=dt.date(1961, 2, 3),
        sex="female",
        contact_methods=["phone"],
        postcode="EH1 1AA",
        data_zone="S01008000",
        simd_decile=3,
        simd_quintile=2,
        interpreter_needed=True,
        ethnicity="white_scottish",
        disability="yes",
        carer="yes",
        armed_forces="veteran",
    )
    with service_writes():
        _fill_text(person)
        person.save()
        other = PersonFactory(gp_practice=practice)
        cm.HouseholdLink.objects.create(person=person, related_person=other, relationship="partner")
        partner = CommunityOrgFactory()
        consent = cm.Consent(
            person=person,
            purpose=cm.Consent.Purpose.SHARING,
            partner=partner,
            decision="given",
            decided_on=timezone.localdate(),
            recorded_by=worker,
        )
        _fill_text(consent)
        consent.save()
        case = CaseFactory(referral__person=person, link_worker=worker)
        _fill_text(case.referral)
        case.referral.save()
        cm.StatusChange.objects.create(
            case=case, to_status="triaged", by=worker, note="Secret note"
        )
        encounter = EncounterFactory(case=case, recorded_by=worker)
        _fill_text(encounter)
        encounter.save()
        wm = WhatMattersFactory(case=case)
        _fill_text(wm)
        wm.save()
        goal = GoalFactory(case=case)
        _fill_text(goal)
        goal.save()
        cm.GoalProgress.objects.create(goal=goal, rating=5, recorded_by=worker)
        concern = cm.SafeguardingConcern(person=person, case=case, kind="risk_to_self")
        _fill_text(concern)
        concern.save()
        discharge = cm.Discharge(case=case, reason="goals_met", summary="Secret summary")
        _fill_text(discharge)
        discharge.save()
        link = cm.ServiceLink(case=case, service=make_service(), kind="signposted")
        _fill_text(link)
        link.save()
        cm.ServiceLinkChange.objects.create(link=link, to_status="accepted", reason="Secret why")
        om.Administration.objects.create(
            person=person,
            case=case,
            instrument="wemwbs",
            time_point="baseline",
            answers={"q1": 3},
            result={"total": 40},
            valid=True,
        )
        om.SelfCompletionLink.objects.create(
            token_hash=f"{person.pk:064d}",
            person=person,
            case=case,
            instrument="wemwbs",
            time_point="review",
            expires_at=timezone.now() + dt.timedelta(days=7),
        )
    correction = Rectification(person=person, field="family_name", changed_by=worker)
    _fill_text(correction)
    correction.save()
    return person
