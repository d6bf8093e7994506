"""Need words in Polish, Ukrainian, Arabic, Chinese, Gaelic and Scots are read through the
shipped lexicon (decision 0010), and English queries are left alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linkwork.directory.search_backend import SearchParams, search
from linkwork.search.lexicon import LEXICON_FILE, glosses
from tests.directory.factories import ServiceFactory

RELEVANCE = Path(__file__).resolve().parent / "relevance" / "queries.jsonl"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("szukam pomocy z długami i rachunkami", "pl", {"debt", "bills"}),
        ("потрібна допомога з боргами", "uk", {"debt"}),
        ("أبحث عن بنك الطعام", "ar", {"food", "bank"}),
        ("我需要食物", "zh-hans", {"food"}),
        ("tha mi ag iarraidh obair is airgead", "gd", {"work", "money"}),
        ("ah'm that skint an lanely", "sco", {"money", "lonely"}),
    ],
)
def test_need_words_of_each_language_get_their_english_words(
    text: str, language: str, expected: set[str]
) -> None:
    found = glosses(text)
    assert language in found.languages
    assert expected <= set(found.english.split())


def test_english_statements_are_not_read_as_another_language() -> None:
    """Scots words in Scottish English ("skint", "my gran") may add English words; nothing
    else is glossed and no English statement counts as foreign."""
    statements = [json.loads(line)["text"] for line in RELEVANCE.read_text().splitlines() if line]
    statements += ["domestic partner abuse", "transport and sport", "call me", "old bass guitar"]
    glossed = {text: glosses(text) for text in statements}
    assert {t: g for t, g in glossed.items() if set(g.languages) - {"sco"}} == {}
    assert glossed["I'm skint and the bills keep piling up"].languages == ("sco",)


def test_only_queries_in_another_script_or_language_count_as_foreign() -> None:
    assert glosses("nie stać mnie na ogrzewanie").foreign
    assert glosses("我很孤独").foreign
    assert not glosses("cannae heat the hoose").foreign  # Scots: the model reads it all


def test_every_lexicon_entry_is_a_form_and_some_english_words() -> None:
    data = json.loads(LEXICON_FILE.read_text(encoding="utf-8"))
    assert (
        set(data["languages"]) == set(data["match"]) == {"pl", "uk", "ar", "zh-hans", "gd", "sco"}
    )
    for entries in data["languages"].values():
        for form, english in entries:
            assert form.strip() and english.strip() and english.isascii()


@pytest.mark.django_db(transaction=True)
def test_a_question_in_polish_finds_the_english_service() -> None:
    food = ServiceFactory(
        name="Kirkcaldy Food Bank", summary="Emergency food parcels", description="Food parcels."
    )
    ServiceFactory(name="Chess club", summary="Chess for all", description="Chess.")
    for mode in ("lexical", "hybrid"):
        hits = search(SearchParams(q="potrzebuję jedzenia", mode=mode)).hits
        assert hits and hits[0].service_id == food.id, mode
