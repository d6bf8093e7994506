"""A person searching in their own words finds the service that fits, first."""

from __future__ import annotations

import pytest

from tests.directory.factories import ServiceFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def taxonomy() -> None:
    from linkwork.directory.models import Taxonomy, TaxonomyTerm
    from linkwork.directory.taxonomy import load_default_taxonomy

    if not TaxonomyTerm.objects.exists():
        load_default_taxonomy(Taxonomy, TaxonomyTerm)


def test_own_words_find_bereavement_and_befriending_first(page) -> None:  # type: ignore[no-untyped-def]
    ServiceFactory(
        name="Widowed Together",
        summary="A social group run by and for people whose partner has died.",
        categories=["bereavement", "befriending"],
    )
    ServiceFactory(
        name="Pottery classes", summary="Learn to throw pots.", categories=["arts-culture"]
    )
    ServiceFactory(name="Bike repair workshop", summary="Fix your bike.")
    page.goto("/services/")
    p = page.page
    p.get_by_label("What are you looking for?").fill("I've been so lonely since my wife died")
    p.get_by_role("button", name="Search").click()
    page.check_accessibility()
    first = p.get_by_role("heading", level=3).first
    assert first.inner_text() == "Widowed Together"
    assert "found" in p.locator("#results-heading").inner_text()
