"""Our HSDS schemas accept exactly what the official schemas accept."""

from __future__ import annotations

import copy
import json
import uuid
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkwork.directory.hsds.validation import is_valid, page_problems, problems
from tests.directory.official import example, official_errors, official_page_errors

EXAMPLES = [
    ("service", "service_full.json"),
    ("organization", "organization_full.json"),
    ("service_at_location", "service_at_location_full.json"),
    ("taxonomy", "taxonomy.json"),
    ("taxonomy_term", "taxonomy_term.json"),
    ("location", "location.json"),
]
PAGES = [
    ("service_brief", "service_list.json"),
    ("organization_brief", "organization_list.json"),
    ("service_at_location_brief", "service_at_location_list.json"),
    ("taxonomy_term", "taxonomy_term_list.json"),
    ("taxonomy", "taxonomy_list.json"),
]


@pytest.mark.parametrize(("kind", "name"), EXAMPLES)
def test_official_examples_are_valid_for_both(kind: str, name: str) -> None:
    doc = example(name)
    assert official_errors(kind, doc) == []
    assert problems(kind, doc) == []


@pytest.mark.parametrize(("kind", "name"), PAGES)
def test_official_list_examples_are_valid_for_both(kind: str, name: str) -> None:
    page = example(name)
    assert official_page_errors(kind, page) == []
    assert page_problems(kind, page) == []


def test_problems_name_the_path_and_field() -> None:
    doc = example("service_full.json")
    del doc["name"]
    doc["service_at_locations"][0]["location"]["addresses"][0]["postal_code"] = 7
    found = {p.path: p.message for p in problems("service", doc)}
    assert found == {
        "name": "is required but missing",
        "service_at_locations[0].location.addresses[0].postal_code": "must be text",
    }


# --- mutation: change one value anywhere in an official document ----------------------------

VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(max_size=5),
    st.just(str(uuid.UUID(int=7))),
    st.just("00000000000000000000000000000007"),
    st.sampled_from(["active", "WEEKLY", "MO", "physical", "temporarily closed", "closed"]),
    st.just([]),
    st.just({}),
    st.just([{"id": str(uuid.UUID(int=9))}]),
    st.just({"id": str(uuid.UUID(int=9)), "name": "x", "description": "y"}),
)


def _paths(doc: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += _paths(v, (*prefix, i))
    return out


def _mutate(doc: Any, path: tuple, op: str, value: Any) -> Any:
    doc = copy.deepcopy(doc)
    if not path:
        return value
    parent = doc
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if op == "delete" and isinstance(parent, dict):
        del parent[last]
    elif op == "add" and isinstance(parent[last], dict):
        parent[last]["unexpected_property"] = value
    else:
        parent[last] = value
    return doc


@pytest.mark.parametrize(("kind", "name"), EXAMPLES)
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_documents_are_judged_the_same(kind: str, name: str, data: st.DataObject) -> None:
    doc = example(name)
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(_paths(doc)))
        op = data.draw(st.sampled_from(["set", "delete", "add"]))
        doc = _mutate(doc, path, op, data.draw(VALUES))
    ours = is_valid(kind, doc)
    theirs = not official_errors(kind, doc)
    assert ours == theirs, (json.dumps(doc)[:400], problems(kind, doc), official_errors(kind, doc))


@pytest.mark.parametrize(("kind", "name"), PAGES)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_mutated_pages_are_judged_the_same(kind: str, name: str, data: st.DataObject) -> None:
    page = example(name)
    path = data.draw(st.sampled_from(_paths(page)))
    op = data.draw(st.sampled_from(["set", "delete", "add"]))
    page = _mutate(page, path, op, data.draw(VALUES))
    ours = not page_problems(kind, page) if isinstance(page, dict) else is_valid("page", page)
    theirs = not official_page_errors(kind, page)
    assert ours == theirs, (json.dumps(page)[:400], official_page_errors(kind, page))
