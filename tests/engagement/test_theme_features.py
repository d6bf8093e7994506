"""What the theme clustering reads of an answer (themes_features): vectors that do not depend
on the other answers, and the words and needs joined to them."""

from __future__ import annotations

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.metrics.pairwise import cosine_distances

from linkwork.engagement.themes import _STOP_SET, extract_themes, normalise
from linkwork.engagement.themes_features import (
    answer_features,
    embed_each,
    need_matrix,
    word_matrix,
)
from tests.engagement.factories import word_embed


def _batch_dependent(texts: list[str]) -> np.ndarray:
    """Like the int8 model: a text's vector depends on the longest text beside it."""
    out = word_embed(texts)
    longest = max(len(t) for t in texts)
    return out + 0.5 * longest * np.ones_like(out) / 64


def test_each_distinct_answer_gets_the_same_vector_whatever_answers_are_beside_it() -> None:
    calls: list[list[str]] = []

    def embed(texts: list[str]) -> np.ndarray:
        calls.append(list(texts))
        return _batch_dependent(texts)

    first = embed_each(embed, ["no bus on sunday", "lonely", "no bus on sunday"])
    second = embed_each(embed, ["a much longer answer about the cost of the bus fare", "lonely"])
    assert np.allclose(first[1], second[1])
    assert np.allclose(first[0], first[2])
    assert all(len(c) == 1 for c in calls)  # alone
    assert sum(c == ["no bus on sunday"] for c in calls) == 1  # repeats embedded once
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0)


def test_themes_do_not_change_when_the_answers_come_in_another_order() -> None:
    texts = [
        f"{w} {x}"
        for w in ("bus late", "lonely nobody", "money bills", "doctor wait")
        for x in ("again", "every week", "always", "too much", "and more", "really", "so", "lots")
    ] * 2
    texts = texts[:60]
    order = list(np.random.default_rng(3).permutation(len(texts)))
    a = extract_themes(texts, n_themes=4, seed=0, embed=_batch_dependent)
    b = extract_themes([texts[i] for i in order], n_themes=4, seed=0, embed=_batch_dependent)
    groups_a = {frozenset(i for i in a.assignments if a.assignments[i] == t) for t in (1, 2, 3, 4)}
    groups_b = {
        frozenset(order[i] for i in b.assignments if b.assignments[i] == t) for t in (1, 2, 3, 4)
    }
    assert groups_a == groups_b


def test_the_needs_search_knows_are_found_in_scots_and_plain_answers() -> None:
    answers = ["I'm that skint", "nae money at all", "the bus is late", "we meet on a tuesday"]
    needs = need_matrix([normalise(t) for t in answers]).toarray()
    assert needs[0].sum() > 0 and np.allclose(needs[0], needs[1])  # both say "no money"
    assert needs[2].sum() > 0 and needs[2] @ needs[0] == 0  # another need (transport)
    assert needs[3].sum() == 0


def test_words_used_by_one_answer_only_count_for_nothing() -> None:
    words = word_matrix(["waiting list", "waiting room", "garden"], _STOP_SET).toarray()
    assert words.shape[1] == 1  # only "wait" is in two answers
    assert words[2].sum() == 0
    assert word_matrix(["one", "two"], _STOP_SET).shape == (2, 1)  # no shared word: no error


def test_the_sentence_vector_decides_most_of_the_joined_cosine() -> None:
    texts = ["skint again", "skint again the now", "the bus", "no bus again"]
    x = embed_each(word_embed, texts)
    joined = answer_features(x, texts, _STOP_SET)
    whole = hstack([csr_matrix(joined.dense), joined.sparse]).toarray()
    assert np.allclose(joined.cosine(np.arange(4)), 1 - cosine_distances(whole), atol=1e-5)
    assert np.isclose(np.linalg.norm(whole[0]), 1.0)  # sentence, words and need: all of it
    assert np.isclose(np.linalg.norm(joined.dense[2]) ** 2, 0.8)  # the sentence's share
    everything = joined.cosine(np.array([0]), np.array([1]))[0, 0]
    sentences_only = float(x[0] @ x[1])
    assert everything > sentences_only  # the same word and the same need pull them closer
