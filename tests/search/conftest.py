from __future__ import annotations

from collections.abc import Iterator

import pytest

from linkwork.search import engine, places_in_text, signals, vectors, vocabulary


@pytest.fixture(autouse=True)
def fresh_search_caches() -> Iterator[None]:
    """The in-memory vector index and vocabulary are per process: start each test clean."""
    vectors.reset()
    vocabulary.reset()
    signals.reset_sync_clock()
    engine.reset_places()
    places_in_text.reset()
    yield
    vectors.reset()
    vocabulary.reset()
    engine.reset_places()
    places_in_text.reset()


@pytest.fixture(autouse=True)
def default_taxonomy(request: pytest.FixtureRequest) -> None:
    """Transactional tests flush the taxonomy the migration loaded: put it back."""
    if "django_db_setup" not in request.fixturenames:
        return
    from linkwork.directory.models import Taxonomy, TaxonomyTerm
    from linkwork.directory.taxonomy import load_default_taxonomy

    if not TaxonomyTerm.objects.exists():
        load_default_taxonomy(Taxonomy, TaxonomyTerm)
