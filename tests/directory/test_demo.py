"""Demo data: realistic services on real postcodes, some owned by Befriend Together."""

from __future__ import annotations

import io
import random

import pytest

from linkwork.core.models import Organisation
from linkwork.directory import demo
from linkwork.directory.models import Service
from tests.directory import factories as f

pytestmark = pytest.mark.django_db


def test_small_demo(django_assert_max_num_queries: object) -> None:
    for code in f.REAL_POSTCODES:
        f.postcode(code)
    account = Organisation.objects.create(name="Befriend Together", kind="community")
    with django_assert_max_num_queries(120):  # bulk inserts: ~4,000 rows, few queries
        counts = demo.generate(scale="small", rng=random.Random(1), stdout=io.StringIO())
    assert counts["services"] == demo.SCALE_SERVICES["small"]
    assert Service.objects.filter(owner=account).count() == 5
    s = Service.objects.exclude(owner=account).first()
    assert s.postcode in f.REAL_POSTCODES and s.latitude is not None
    assert s.categories.exists() and s.schedules.exists() and s.service_at_locations.exists()
    assert Service.objects.filter(last_reviewed_at__isnull=True).exists()  # some are stale
    codes = set(Service.objects.values_list("categories__code", flat=True))
    assert len(codes) >= 26


def test_demo_is_deterministic() -> None:
    f.postcode("PH1 5PH")
    demo.generate(scale="small", rng=random.Random(7), stdout=io.StringIO())
    first = list(Service.objects.order_by("id").values_list("id", "name")[:20])
    Service.objects.all().delete()
    from linkwork.directory.models import Organization

    Organization.objects.all().delete()
    demo.generate(scale="small", rng=random.Random(7), stdout=io.StringIO())
    assert list(Service.objects.order_by("id").values_list("id", "name")[:20]) == first
