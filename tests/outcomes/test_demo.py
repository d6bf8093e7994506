"""Demo outcome data: baseline and review scores for casework's demo cases."""

from __future__ import annotations

import datetime as dt
import random
from io import StringIO

import pytest
from django.utils import timezone

from linkwork.casework.models import SafeguardingConcern
from linkwork.casework.states import CaseStatus
from linkwork.core.models import Membership
from linkwork.core.roles import Role
from linkwork.outcomes import demo
from linkwork.outcomes.models import Administration
from tests.core.factories import make_user
from tests.outcomes.factories import CaseFactory

pytestmark = pytest.mark.django_db


def test_nothing_to_do_without_casework_demo_cases() -> None:
    assert demo.generate(scale="small", rng=random.Random(1), stdout=StringIO()) == {}


def test_baseline_and_review_for_supported_cases() -> None:
    worker = make_user(Role.LINK_WORKER, username="demo-link-worker")
    long_ago = timezone.now() - dt.timedelta(days=200)
    active = CaseFactory(status=CaseStatus.ACTIVE, opened_at=long_ago, link_worker=worker)
    Membership.objects.create(user=worker, organisation=active.practice)
    CaseFactory(status=CaseStatus.RECEIVED)
    counts = demo.generate(scale="small", rng=random.Random(3), stdout=StringIO())
    assert counts["administrations"] >= 2 and counts["safeguarding flags"] == 1
    rows = Administration.objects.filter(person=active.person, instrument="swemwbs")
    assert {a.time_point for a in rows} == {"baseline", "review"}
    assert all(a.valid and 7 <= a.result["scores"]["raw"] <= 35 for a in rows)
    assert not Administration.objects.exclude(person=active.person).exists()
    assert SafeguardingConcern.objects.filter(person=active.person).count() == 1
    bulk_phq9 = Administration.objects.filter(instrument="phq9", time_point="baseline")
    assert all(a.answers[8] == 0 for a in bulk_phq9)
