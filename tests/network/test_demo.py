"""The network demo fills every part believably and passes its own checks."""

from __future__ import annotations

import random
from io import StringIO

import pytest

from linkwork.network import demo
from linkwork.network.choices import PackSection
from linkwork.network.models import Event, MemberProfile, Registration, Resource, Topic

pytestmark = pytest.mark.django_db


def test_demo_fills_members_support_pack_events_and_discussions() -> None:
    counts = demo.generate(scale="small", rng=random.Random(1), stdout=StringIO())
    assert counts["network members"] >= 10
    areas = set(MemberProfile.objects.filter(listed=True).values_list("area", flat=True))
    assert len(areas) >= 8
    sections = set(Resource.objects.exclude(section="").values_list("section", flat=True))
    assert sections == {c for c, _ in PackSection.choices if c}
    assert all(r.versions.exists() for r in Resource.objects.exclude(kind="link"))
    assert "support pack" in Resource.objects.get(section="induction").search_text
    assert Event.objects.filter(ends_at__lt=demo.timezone.now()).count() == 2
    assert Registration.objects.filter(status="waiting").exists()  # a full event has a queue
    assert Topic.objects.count() == 2
