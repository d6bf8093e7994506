"""match_what_matters: the function the casework app calls."""

from __future__ import annotations

import pytest

from linkwork.search.matcher import NeedGroup, detect_needs, match_what_matters
from tests.directory.factories import ServiceFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_needs_are_found_by_words_and_by_meaning() -> None:
    assert detect_needs("I'm skint")[:1] == ["money-advice"]
    assert "bereavement" in detect_needs("Since my husband passed away I can't face anything")
    assert "nature-outdoors" in detect_needs("I need help with my garden plot")


def test_suggestions_are_grouped_by_need_and_respect_constraints() -> None:
    grief = ServiceFactory(name="Grief cafe", categories=["bereavement"], is_free=True)
    ServiceFactory(name="Grief counselling", categories=["bereavement"], is_free=False)
    youth = ServiceFactory(
        name="Young people's grief group", categories=["bereavement"], maximum_age=18
    )
    groups = match_what_matters(text="I am grieving for my wife", free_only=True, age=70)
    assert isinstance(groups[0], NeedGroup) and groups[0].need == "bereavement"
    assert groups[0].label == "Bereavement"
    assert [h.service_id for h in groups[0].hits] == [grief.id]
    assert youth.id not in {h.service_id for g in groups for h in g.hits}


def test_services_already_tried_are_left_out() -> None:
    tried = ServiceFactory(name="Befriending scheme", categories=["befriending"])
    other = ServiceFactory(name="Lunch club", categories=["befriending"])
    groups = match_what_matters(text="so lonely", exclude_service_ids=[tried.id], per_need=5)
    ids = [h.service_id for g in groups for h in g.hits]
    assert other.id in ids and tried.id not in ids


def test_empty_text_suggests_nothing() -> None:
    ServiceFactory(name="Befriending scheme", categories=["befriending"])
    assert match_what_matters(text="   ") == []
