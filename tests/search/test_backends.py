"""The database accepts whatever the parser builds, and the rebuild command indexes imports."""

from __future__ import annotations

from io import StringIO

import numpy as np
import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkwork.directory.models import Service
from linkwork.directory.search_backend import SearchParams, search
from linkwork.search import backends
from linkwork.search.models import SearchDocument
from linkwork.search.query import parse

SYNTAX = ['"', "*", "NEAR", "OR", "AND", "NOT", "'", "\\", "(", ")", ":", "&", "|", "!", "<->"]


@pytest.mark.django_db
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=300) | st.lists(st.sampled_from([*SYNTAX, "walk", " ", "é"])).map(" ".join))
def test_the_database_accepts_every_parsed_query(text: str) -> None:
    parsed = parse(text, as_you_type=True)
    assert isinstance(backends.lexical_matches(parsed, limit=5), list)
    assert isinstance(backends.matching_documents(parsed), np.ndarray)
    assert isinstance(backends.lexical_matches_within(parsed, np.array([1, 2, 3]), limit=5), list)


@pytest.mark.django_db
def test_rebuild_command_indexes_services_imported_in_bulk() -> None:
    Service.objects.bulk_create(
        [Service(name=f"Imported lunch club {n}", status="active") for n in range(3)]
    )
    out = StringIO()
    call_command("rebuild-search-index", stdout=out)
    assert "Indexed 3 services" in out.getvalue()
    assert SearchDocument.objects.count() == 3
    assert search(SearchParams(q="lunch club", mode="lexical")).total == 3
