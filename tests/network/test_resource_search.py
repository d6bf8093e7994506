"""Resource search is the database's full text: stemmed, every word, best match first, and
safe whatever a person types."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from linkwork.network.models import Resource
from linkwork.network.selectors import search_resources
from tests.network.factories import ResourceFactory, member

pytestmark = pytest.mark.django_db


def _titles(text: str, **filters: str) -> list[str]:
    return [r.title for r in search_resources(member(), text=text, **filters)]


def test_a_word_finds_its_other_forms() -> None:
    ResourceFactory(title="Guide", summary="How we handle referrals from general practice")
    assert _titles("referral") == ["Guide"]
    assert _titles("REFERRING") == ["Guide"]  # stemmed and case-folded


def test_every_word_must_match_and_a_title_match_ranks_first() -> None:
    ResourceFactory(title="Data sharing", summary="Agreements with community groups")
    ResourceFactory(title="Induction pack", summary="Covers data sharing for new starters")
    ResourceFactory(title="Recruitment", summary="Interview questions")
    assert _titles("data sharing") == ["Data sharing", "Induction pack"]
    assert _titles("sharing interview") == []


def test_filters_and_words_combine_and_unpublished_items_stay_hidden() -> None:
    ResourceFactory(title="Evaluation framework", section="evaluation")
    ResourceFactory(title="Evaluation poster", section="promotion")
    ResourceFactory(title="Evaluation draft", status=Resource.Status.SUGGESTED)
    assert _titles("evaluation", section="evaluation") == ["Evaluation framework"]
    assert sorted(_titles("evaluation")) == ["Evaluation framework", "Evaluation poster"]


def test_edits_are_searchable_at_once() -> None:
    resource = ResourceFactory(title="Old title", search_text="old title")
    resource.title, resource.search_text = "Befriending", "befriending"
    resource.save()
    assert _titles("befriending") == ["Befriending"]
    assert _titles("old") == []


@pytest.mark.parametrize(
    "query", ['"', "*", "NEAR(a b)", "a:b & !c", "-x OR y", "'); DROP TABLE x; --", "^^^"]
)
def test_query_syntax_in_the_box_is_treated_as_words_not_as_a_query(query: str) -> None:
    ResourceFactory(title="Drop-in sessions")
    client = Client()
    client.force_login(member())
    response = client.get(reverse("network:resource_list"), {"q": query})
    assert response.status_code == 200
