"""Demo services are believable: a second category only where it fits the service (a tea dance
is never legal advice), and an organisation's services all in its own council area."""

from __future__ import annotations

import io
import random

import pytest

from linkwork.directory import demo
from linkwork.directory.demo_templates import TEMPLATES
from linkwork.directory.models import Service
from tests.directory import factories as f

pytestmark = pytest.mark.django_db


def test_categories_fit_and_organisations_stay_in_one_area() -> None:
    for code in f.REAL_POSTCODES:
        f.postcode(code)
    demo.generate(scale="small", rng=random.Random(3), stdout=io.StringIO())
    areas: dict[object, set[str]] = {}
    extras = 0
    for service in Service.objects.prefetch_related("categories", "service_areas").select_related(
        "organization"
    ):
        codes = {c.code for c in service.categories.all()}
        primary = [c for c in codes if any(service.name == t[0] for t in TEMPLATES.get(c, ()))]
        if len(codes) > 1 and primary:
            extras += 1
            (other,) = codes - {primary[0]}
            assert other in demo.RELATED[primary[0]], (service.name, codes)
        areas.setdefault(service.organization_id, set()).update(
            a.gss_code for a in service.service_areas.all() if a.kind == "council_area"
        )
    assert extras > 0
    assert all(len(found) <= 1 for found in areas.values()), areas
    assert sum(1 for found in areas.values() if found) > 10
    assert set(demo.RELATED) == set(TEMPLATES)
