"""The demo hook makes believable consultations once, with themes an analyst can review."""

from __future__ import annotations

import io
import random

import pytest

from linkwork.engagement import demo
from linkwork.engagement.models import Consultation, Response, ThemeRun
from linkwork.engagement.selectors import published_stories

pytestmark = pytest.mark.django_db


def test_demo_makes_two_consultations_with_responses_themes_and_stories_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(demo.RESPONSES, "small", 60)  # the full 400 is slow on a shared machine
    counts = demo.generate(scale="small", rng=random.Random(1), stdout=io.StringIO())
    assert counts["consultations"] == 2 and counts["responses"] == 60 + 84
    assert Consultation.objects.count() == 2
    assert Response.objects.filter(source="event").exists()
    run = ThemeRun.objects.get()
    assert run.themes.count() >= 2 and run.assignments.filter(publish_quote=True).exists()
    assert published_stories().count() == 2
    assert demo.generate(scale="small", rng=random.Random(1), stdout=io.StringIO()) == {}
