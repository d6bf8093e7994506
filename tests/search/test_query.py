"""The query parser: words, stems, synonyms, prefixes, typos, and safe FTS syntax."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linkwork.search.query import index_text, parse, words

NASTY = ['"', "*", "NEAR", "OR", "AND", "NOT", "'", "\\", "(", ")", ":", "^", "-", "+", "{", "}"]


@pytest.fixture(scope="module")
def fts5() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE t USING fts5(a, b, tokenize='unicode61 remove_diacritics 2', "
        "prefix='2 3')"
    )
    conn.execute("INSERT INTO t VALUES ('lone befriend', 'money advic')")
    return conn


def test_words_fold_case_accents_and_apostrophes() -> None:
    assert words("Can't café   CAFÉ") == ["cant", "cafe", "cafe"]


def test_stop_words_are_dropped_and_words_stemmed() -> None:
    parsed = parse("I've been so lonely since my wife died")
    assert [t.stem for t in parsed.terms] == ["lone", "wife", "die"]


def test_domain_synonyms_expand_and_name_categories() -> None:
    parsed = parse("I'm skint")
    assert ("money", "advic") in parsed.expansions
    assert "money-advice" in parsed.categories


def test_taxonomy_synonyms_name_categories() -> None:
    assert "bereavement" in parse("support after a funeral").categories


def test_last_word_is_a_prefix_while_typing() -> None:
    parsed = parse("walking gro", as_you_type=True)
    assert parsed.terms[-1].prefix and not parsed.terms[0].prefix
    assert parsed.fts5().startswith('"walk" OR "gro"*')
    assert not parse("walking gro ", as_you_type=True).terms[-1].prefix


def test_typos_are_corrected_against_the_index_vocabulary() -> None:
    parsed = parse("befriendng", vocabulary={"befriend", "bereav"})
    assert parsed.terms[0].stem == "befriend"
    assert parsed.terms[0].corrected_from == "befriendng"


def test_known_and_short_words_are_not_corrected() -> None:
    parsed = parse("pizza pub", vocabulary={"befriend", "pubs", "pizza"})
    assert [t.stem for t in parsed.terms] == ["pizza", "pub"]


@pytest.mark.parametrize("nasty", NASTY)
def test_query_syntax_in_text_is_never_syntax(nasty: str, fts5: sqlite3.Connection) -> None:
    parsed = parse(f'money {nasty} advice {nasty}"lonely{nasty}')
    fts5.execute("SELECT rowid FROM t WHERE t MATCH ?", (parsed.fts5(),)).fetchall()
    assert "NEAR" not in parsed.fts5() and "(" not in parsed.fts5()


def test_empty_and_punctuation_only_text_give_an_empty_query() -> None:
    assert parse("").is_empty
    assert parse("  \"*' \\ () ").fts5() == ""


def test_index_text_matches_query_stems() -> None:
    assert (
        set(index_text("Bereavement support groups"))
        and "bereav" in index_text("Bereavement").split()
    )


@settings(max_examples=300, deadline=None)
@given(
    st.text(max_size=200) | st.lists(st.sampled_from([*NASTY, "a", " ", "é", "😀"])).map("".join)
)
def test_any_text_parses_to_an_expression_fts5_accepts(text: str) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(a, tokenize='unicode61 remove_diacritics 2')")
    for as_you_type in (False, True):
        expression = parse(text, as_you_type=as_you_type).fts5()
        if expression:
            conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()


@settings(max_examples=8, deadline=None)
@given(st.text(min_size=1, max_size=300))
def test_long_text_parses_with_bounded_terms(seed: str) -> None:
    text = (seed * (10_000 // len(seed) + 1))[:10_000]
    parsed = parse(text)
    assert len(parsed.terms) <= 32
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(a)")
    if parsed.fts5():
        conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (parsed.fts5(),)).fetchall()


def test_the_embedding_model_reads_the_corrected_words() -> None:
    parsed = parse("lonley and depresed", vocabulary={"lone", "depress", "group"})
    assert parsed.corrected_text() == "lonely and depressed"


def test_a_typo_is_taken_for_the_word_it_looks_like_not_just_the_nearest_stem() -> None:
    parsed = parse("heatng bills", vocabulary={"hang", "heat", "bill"})
    assert parsed.terms[0].stem == "heat"
    assert parsed.corrected_text() == "heating bills"
    parsed = parse("councelling", vocabulary={"council", "counsel"})
    assert parsed.terms[0].stem == "counsel"


def test_english_and_other_languages_need_words_are_not_typos() -> None:
    # "heating" and "cannae" are not in this index, but they are words, not misspellings
    parsed = parse("heating", vocabulary={"heath"})
    assert parsed.terms[0].stem == "heat" and parsed.corrected_text() == "heating"
    parsed = parse("cannae", vocabulary={"canin"}, known=frozenset({"cannae"}))
    assert parsed.terms[0].stem == "canna" and not parsed.terms[0].corrected_from
