"""How a query is read before it is ranked: an English reading of Scots for the embedding
model (search/dialect.py), several readings pooled by each service's best similarity, and a
query in another language that keeps its own short words out of the need detection."""

from __future__ import annotations

import numpy as np
import pytest

from linkwork.directory.search_backend import SearchParams, search
from linkwork.search import engine, vectors
from linkwork.search.dialect import english_reading
from linkwork.search.lexicon import glosses
from tests.directory.factories import ServiceFactory


@pytest.mark.parametrize(
    ("scots", "english"),
    [
        ("naebody tae talk tae", "nobody"),  # ae -> o, and the function words
        ("ah cannae get oot the hoose", "can not get out the house"),  # -nae, oo -> ou
        ("ah dinnae ken whit tae dae", "do not know what to do"),
        ("wouldnae go oot wi them", "would not go out with them"),
        ("she's aye strugglin wi her breathin", "struggling with her breathing"),  # -in -> -ing
    ],
)
def test_scots_spelling_patterns_get_an_english_reading(scots: str, english: str) -> None:
    reading = english_reading(scots)
    assert reading is not None and english in reading


def test_the_need_lexicon_reads_scots_words_it_knows_before_the_spelling_rules() -> None:
    """ "greetin" is crying, not the English "greeting" the -in rule would make of it."""
    reading = english_reading("greetin aw the time")
    assert reading is not None and "crying" in reading and "greeting" not in reading


@pytest.mark.parametrize(
    "text",
    [
        "I'm so lonely since my wife died",
        "can't afford to heat the flat",
        "walking group in Stornoway",
        "my man has dementia",  # English words the Scots list also has are not Scots markers
        "",
    ],
)
def test_english_queries_get_no_second_reading(text: str) -> None:
    assert english_reading(text) is None


def _state(rows: list[list[float]]) -> vectors.State:
    matrix = np.array(rows, dtype=np.float32)

    class Fake:
        pass

    state = Fake()
    state.ids = list(range(len(rows)))  # type: ignore[attr-defined]
    state.matrix = matrix  # type: ignore[attr-defined]
    return state  # type: ignore[return-value]


def test_several_readings_give_each_service_its_best_similarity() -> None:
    state = _state([[1, 0, 0], [0, 1, 0], [0, 0, 1]])
    readings = np.array([[1, 0, 0], [0, 0.8, 0.6]], dtype=np.float32)
    found = dict(vectors.similar(state, readings, limit=3, min_similarity=0.0))
    assert found == pytest.approx({0: 1.0, 1: 0.8, 2: 0.6})
    assert vectors.similarity_of(state, readings, [2, 1]) == pytest.approx([0.6, 0.8])
    assert [r for r, _ in vectors.similar(state, readings[0], limit=1, min_similarity=0)] == [0]


@pytest.mark.django_db
def test_a_query_in_another_language_finds_its_needs_in_the_english_glosses_only() -> None:
    """Polish "na" ("on") is not the Narcotics Anonymous of the taxonomy's synonyms."""
    text = "nie stać mnie na jedzenie"
    glossed = glosses(text)
    parsed = engine._parse_query(text, glossed, None)
    assert parsed.categories == ["food"]
    assert "na" not in {t.word for t in parsed.terms}
    assert "jedzeni" in {t.stem for t in parsed.terms}  # translated services still match
    assert engine.semantic_text(parsed, glossed).startswith("food")


@pytest.mark.django_db
def test_an_english_query_keeps_its_short_words_and_needs() -> None:
    parsed = engine._parse_query("AA meeting near me", glosses("AA meeting near me"), None)
    assert "aa" in {t.word for t in parsed.terms}
    assert "addiction-recovery" in parsed.categories


@pytest.mark.django_db(transaction=True)
def test_a_polish_question_about_food_finds_the_food_bank_not_narcotics_anonymous() -> None:
    food = ServiceFactory(name="Town Food Bank", description="Emergency food parcels.")
    ServiceFactory(name="NA meetings", description="Narcotics Anonymous (NA) recovery group.")
    page = search(SearchParams(q="nie stać mnie na jedzenie"))
    assert page.hits[0].service_id == food.id


@pytest.mark.django_db(transaction=True)
def test_a_scots_question_finds_the_service_its_english_reading_describes() -> None:
    friends = ServiceFactory(
        name="Telephone Friends", description="A weekly call for people with nobody to talk to."
    )
    ServiceFactory(name="Tea dance", description="Ballroom dancing on Tuesdays.")
    page = search(SearchParams(q="naebody tae talk tae", mode="semantic"))
    assert page.hits[0].service_id == friends.id
