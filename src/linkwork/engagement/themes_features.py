"""What the theme clustering reads of an answer: its sentence vector, with its words and needs.

1. **Each distinct answer is embedded alone.** The int8 model quantises activations per
   batch, so an answer embedded beside others (and padded to the longest of them) gets a
   slightly different, noisier vector than alone, and the grouping depended on the order of
   the file. Alone, an answer always gets the same vector, and the themes agree better with
   the labels (docs/performance-engagement.md: mean ARI over our three sets 0.57 -> 0.63 at
   the true number of themes). It costs about 1.5 times the model's CPU time per distinct
   answer; repeated answers are embedded once.
2. **The sentence vector is joined with two short sparse vectors** (each L2-normalised and
   weighted so that the cosine of two joined rows is 0.8 x sentence cosine + 0.1 x word
   cosine + 0.1 x need cosine):
   - the answer's content words (Scots in standard spelling, stop words out, stemmed) as
     TF-IDF over this consultation's answers, words used by at least two answers only;
   - the needs the search app recognises in it (``linkwork.search.query.synonym_entries``:
     "lonely", "no money", "cannot get to the doctor" ...), one column per need.
   Two answers that share a rare word or name the same need are pulled a little closer than
   their sentence vectors alone would put them; the sentence vector still decides most
   (with the cosine-weighted graph: mean ARI on random 80% samples of our three sets 0.580 ->
   0.625 at the true number of themes, 0.551 -> 0.589 with the number chosen).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer

from linkwork.engagement.themes_clustering import Joined, unit

Embed = Callable[[list[str]], np.ndarray]

#: Share of the cosine between two answers that comes from their words, and from their needs.
WORD_WEIGHT = 0.1
NEED_WEIGHT = 0.1
#: A word must occur in this many answers to count (a word in one answer joins nothing).
WORD_MIN_ANSWERS = 2


def embed_each(embed: Embed, texts: Sequence[str]) -> np.ndarray:
    """Unit vectors of ``texts``, each distinct text embedded alone (in sorted order, once)."""
    distinct = sorted(set(texts))
    if not distinct:
        return np.zeros((0, 0), dtype=np.float32)
    vectors = np.vstack([np.asarray(embed([t]), dtype=np.float32)[:1] for t in distinct])
    where = {t: i for i, t in enumerate(distinct)}
    return unit(vectors[[where[t] for t in texts]])


def _row_unit(matrix: csr_matrix) -> csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1))).ravel()
    norms[norms == 0] = 1.0
    return csr_matrix(matrix.multiply(1.0 / norms[:, None]))


def word_matrix(normalised: Sequence[str], stop_words: frozenset[str]) -> csr_matrix:
    """TF-IDF (sublinear, L2 rows) of each answer's stemmed content words."""
    from linkwork.search.query import stem

    def tokens(text: str) -> list[str]:
        return [stem(w) for w in text.split() if w.isalpha() and len(w) > 2 and w not in stop_words]

    vectorizer = TfidfVectorizer(
        analyzer=tokens, min_df=min(WORD_MIN_ANSWERS, len(normalised)), sublinear_tf=True
    )
    try:
        return csr_matrix(vectorizer.fit_transform(list(normalised)))
    except ValueError:  # no word in enough answers
        return csr_matrix((len(normalised), 1))


def need_matrix(normalised: Sequence[str]) -> csr_matrix:
    """One column per need of the search app's synonym list: 1 when the answer says it."""
    from linkwork.search.query import synonym_entries, words

    entries = synonym_entries()
    phrases = [[" " + " ".join(p) + " " for p in entry.say] for entry in entries]
    rows: list[int] = []
    columns: list[int] = []
    for row, text in enumerate(normalised):
        padded = " " + " ".join(words(text)) + " "
        for column, says in enumerate(phrases):
            if any(p in padded for p in says):
                rows.append(row)
                columns.append(column)
    shape = (len(normalised), max(len(entries), 1))
    found = csr_matrix((np.ones(len(rows)), (rows, columns)), shape=shape)
    return _row_unit(found)


def answer_features(x: np.ndarray, normalised: Sequence[str], stop_words: frozenset[str]) -> Joined:
    """The rows the neighbour graph and the silhouette read (see the module's docstring)."""
    sentence = 1.0 - WORD_WEIGHT - NEED_WEIGHT
    sparse = [
        word_matrix(normalised, stop_words) * math.sqrt(WORD_WEIGHT),
        need_matrix(normalised) * math.sqrt(NEED_WEIGHT),
    ]
    dense = np.asarray(x * math.sqrt(sentence), dtype=np.float32)
    return Joined(dense, csr_matrix(hstack(sparse), dtype=np.float32))
