import random

import pytest

from linkwork.casework import demo
from linkwork.casework.models import Case, Person
from linkwork.casework.selectors import visible_people
from linkwork.casework.states import CaseStatus
from linkwork.core import demo as core_demo
from linkwork.core.models import User

pytestmark = pytest.mark.django_db


def test_small_demo_has_every_state_and_the_demo_link_worker_has_a_caseload(capsys) -> None:
    core_demo.generate(scale="small", rng=random.Random(1), stdout=None)
    counts = demo.generate(scale="small", rng=random.Random(1), stdout=None)
    assert counts["people"] == Person.objects.count() == 300
    assert set(Case.objects.values_list("status", flat=True)) >= set(CaseStatus.values) - {
        "triaged"
    }
    worker = User.objects.get(username="demo-link-worker")
    assert Case.objects.filter(link_worker=worker, status="active").exists()
    assert visible_people(worker).count() == 300
    assert all(p.chi for p in Person.objects.all()[:50])


def test_demo_has_no_dates_in_the_future() -> None:
    from django.utils import timezone

    from linkwork.casework.models import GoalProgress, ServiceLink, WhatMatters

    core_demo.generate(scale="small", rng=random.Random(2), stdout=None)
    demo.generate(scale="small", rng=random.Random(2), stdout=None)
    today, now = timezone.localdate(), timezone.now()
    assert not WhatMatters.objects.filter(held_on__gt=today).exists()
    assert not GoalProgress.objects.filter(rated_on__gt=today).exists()
    assert not ServiceLink.objects.filter(sent_at__gt=now).exists()
    assert not ServiceLink.objects.filter(first_attended_on__gt=today).exists()
