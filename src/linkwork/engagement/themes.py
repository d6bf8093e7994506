"""Draw themes out of free-text answers: embed, cluster, label. Pure and deterministic for a seed.

1. Each answer is read in standard English spelling where it uses Scots or text-speak words
   (``data/scots_words.json``: "couldnae" -> "could not", "naebody" -> "nobody").
2. Sentences are embedded with the same local model as search
   (``linkwork.search.embedding.get_embedder``; nothing is downloaded), each distinct answer
   alone, and joined with its content words and the needs search recognises in it
   (``themes_features``).
3. Answers are joined to their nearest neighbours (cosine, edges weighted by it) and the
   graph is cut by spectral clustering (``themes_clustering``). Unless the number of themes
   is given, every k from 4 to 12 (fewer for small inputs) is tried and the one with the best
   cosine silhouette is kept; a random 80% of the answers is grouped again to measure how
   stable the themes are, and both figures make the confidence statement.
4. Each theme is labelled by class-based TF-IDF (as BERTopic does): the words frequent in this
   theme's answers and rare in the others'.
5. Representative quotes are the answers nearest the theme's centre; an answer almost as near
   a second theme's centre gets that theme as a secondary one (answers that touch two themes).

See docs/methods/engagement.md.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

from linkwork.engagement.themes_clustering import (
    SPECTRAL_MIN,
    Clustering,
    cluster,
    stability,
    unit,
)
from linkwork.engagement.themes_features import answer_features, embed_each

Embed = Callable[[list[str]], np.ndarray]

_WORDS_FILE = Path(__file__).resolve().parent / "data" / "scots_words.json"
_TOKEN = re.compile(r"[a-z0-9']+|[^\sa-z0-9']")
#: Words too common in consultation answers to say anything about a theme.
_EXTRA_STOP_WORDS = frozenset(
    {
        "just", "really", "like", "think", "feel", "felt", "get", "got", "getting", "things",
        "thing", "lot", "lots", "bit", "quite", "yes", "need", "needs", "know", "want",
        "say", "said", "did", "does", "don", "didn", "doesn", "isn", "wasn", "ve", "ll",
        "make", "made", "way", "time", "good", "bad", "people", "would", "could", "also",
        "still", "even", "one", "us", "im", "dont", "cant", "didnt", "go", "going", "went",
        "come", "came", "much", "many", "well", "see", "look", "use", "used", "take",
    }
)  # fmt: skip
STOP_WORDS = sorted(ENGLISH_STOP_WORDS | _EXTRA_STOP_WORDS)
_STOP_SET = frozenset(STOP_WORDS)

MAX_AUTO_THEMES = 12
#: With enough answers (SPECTRAL_MIN) the automatic choice starts at 4 themes: fewer is
#: rarely what an analyst of a consultation wants, and 2 or 3 broad groups win the silhouette
#: on loosely written answers.
MIN_AUTO_THEMES = 4
#: Second theme recorded when its centre is nearly as close as the first (cosine gap).
SECONDARY_GAP = 0.02


@dataclass(frozen=True)
class ExtractedTheme:
    id: int
    label: str
    keywords: list[str]
    size: int
    quotes: list[int]  # indices into the input, nearest the centre first


@dataclass(frozen=True)
class ThemeResult:
    themes: list[ExtractedTheme]
    assignments: dict[int, int]  # input index -> theme id
    secondary: dict[int, int]  # input index -> second theme id, for two-theme answers
    empty: list[int]  # input indices with no text
    silhouette: float
    stability: float
    confidence: str  # "high", "medium" or "low"
    confidence_note: str
    scores: dict[int, float] = field(default_factory=dict)  # silhouette for each k tried


@lru_cache(maxsize=1)
def _word_map() -> dict[str, str]:
    data = json.loads(_WORDS_FILE.read_text(encoding="utf-8"))
    return {k.lower(): v for k, v in data["words"].items()}


def normalise(text: str) -> str:
    """Lower case, with Scots and text-speak words in standard spelling."""
    words = _word_map()
    tokens = _TOKEN.findall(text.lower().replace("\u2019", "'"))
    out = []
    for token in tokens:
        out.append(words.get(token) or words.get(token.strip("'")) or token)
    return " ".join(out)


def content_words(normalised: str) -> str:
    """The words that carry meaning. A sentence vector that is the mean of its words' vectors
    (the static model) is diluted by "the", "to", "and"; without them answers about the same
    thing land much closer (ARI 0.36 -> 0.51 on the labelled set, see
    docs/performance-engagement.md)."""
    kept = [w for w in normalised.split() if w not in _STOP_SET and w.isalpha()]
    return " ".join(kept) or normalised


def _search_embedder() -> object:
    # Imported here so that this module stays importable (and testable with a fake embedder)
    # without loading the search app's model.
    from linkwork.search.embedding import get_embedder

    return get_embedder()


def _is_static(embedder: object) -> bool:
    """A static model (a sentence is the mean of its word vectors) holds one matrix of word
    vectors; a transformer reads whole sentences, where function words carry meaning
    ("could not get through"), and scores better with them (0.64 against 0.58 ARI)."""
    from linkwork.search.embedding.runtime import StaticEmbedder

    return isinstance(embedder, StaticEmbedder)


def class_tfidf_keywords(
    texts: Sequence[str], labels: Sequence[int], top: int = 6
) -> dict[int, list[str]]:
    """Keywords per class by class-based TF-IDF: tf of the term in the class (normalised by the
    class's length) x log(1 + average words per class / frequency of the term over all
    classes), as BERTopic's c-TF-IDF."""
    classes = sorted(set(labels))
    joined = [
        " ".join(t for t, lab in zip(texts, labels, strict=True) if lab == c) for c in classes
    ]
    vectorizer = CountVectorizer(
        stop_words=STOP_WORDS,
        token_pattern=r"(?u)\b[a-z][a-z]+\b",  # noqa: S106 (a regex, not a password)
    )
    try:
        counts = vectorizer.fit_transform(joined).toarray().astype(np.float64)
    except ValueError:  # every word is a stop word
        return {c: [] for c in classes}
    vocab = np.array(vectorizer.get_feature_names_out())
    words_per_class = counts.sum(axis=1, keepdims=True)
    words_per_class[words_per_class == 0] = 1
    tf = counts / words_per_class
    average_words = float(counts.sum()) / max(len(classes), 1)
    idf = np.log(1 + average_words / np.maximum(counts.sum(axis=0), 1))
    scores = tf * idf
    out: dict[int, list[str]] = {}
    for row, c in enumerate(classes):
        order = np.argsort(-scores[row], kind="stable")
        out[c] = [str(vocab[i]) for i in order[:top] if scores[row, i] > 0]
    return out


#: Another number of themes whose silhouette is this close to the best is named as just as
#: likely, and confidence is then at most "medium".
CLOSE_SILHOUETTE = 0.005


def _confidence(
    silhouette: float, stability: float, k: int, scores: dict[int, float], *, given: bool
) -> tuple[str, str]:
    if stability >= 0.8 and silhouette >= 0.08:
        level = "high"
    elif stability >= 0.6 and silhouette >= 0.04:
        level = "medium"
    else:
        level = "low"
    if given:
        how = "Number of themes as asked"
    elif not scores:
        how = "One theme: the answers are too few or too alike to group"
    else:
        tried = f"{min(scores)} to {max(scores)}"
        close = sorted(c for c in scores if c != k and scores[k] - scores[c] <= CLOSE_SILHOUETTE)
        how = f"Number of themes chosen by silhouette among {tried}"
        if close:
            how += f" ({', '.join(map(str, close))} scored almost as well)"
            level = "medium" if level == "high" else level
    note = (
        f"{how}; silhouette {silhouette:.2f} (answers sit closer to their own theme than to the "
        f"next, on a scale from -1 to 1); re-grouping a random 80% of the answers gave back the "
        f"same themes with agreement {stability:.2f} (adjusted Rand index, 1 = identical). "
        f"Confidence: {level}. Themes are a first reading for an analyst to check."
    )
    return level, note


def extract_themes(
    texts: Sequence[str],
    *,
    n_themes: int | None = None,
    seed: int = 0,
    embed: Embed | None = None,
    max_themes: int = MAX_AUTO_THEMES,
    strip_function_words: bool | None = None,
) -> ThemeResult:
    """Group ``texts`` into themes. ``n_themes`` fixes the number; otherwise it is chosen.

    ``embed`` defaults to the search app's model; ``strip_function_words`` (embed only the
    content words) defaults to on for a static model and off otherwise."""
    if n_themes is not None and n_themes < 1:
        raise ValueError("the number of themes must be at least 1")
    empty = [i for i, t in enumerate(texts) if not re.search(r"\w", t or "")]
    empty_set = set(empty)
    index = [i for i in range(len(texts)) if i not in empty_set]
    normalised = [normalise(texts[i]) for i in index]
    if not index:
        return ThemeResult([], {}, {}, empty, 0.0, 0.0, "low", "No answers with text.")
    if embed is None:
        embedder = _search_embedder()
        embed = embedder.encode  # type: ignore[attr-defined]
        if strip_function_words is None:
            strip_function_words = _is_static(embedder)
    inputs = [content_words(n) for n in normalised] if strip_function_words else normalised
    x = embed_each(embed, inputs)
    features = answer_features(x, normalised, _STOP_SET) if len(x) >= SPECTRAL_MIN else None
    distinct = len({row.tobytes() for row in x})
    if n_themes is not None:
        k: int | None = max(1, min(n_themes, distinct))
        candidates = range(1, 2)
    else:
        k = None
        upper = max(2, min(max_themes, distinct - 1, int(math.sqrt(len(x))) + 1))
        lower = min(MIN_AUTO_THEMES, upper) if len(x) >= SPECTRAL_MIN else 2
        candidates = range(lower, upper + 1)
        if distinct < 3:
            k = 1
    if k == 1:
        labels = np.zeros(len(x), dtype=np.int64)
        found = Clustering(labels, 1, 0.0, {})
    else:
        found = cluster(x, k, candidates, seed, features=features)
    steady = stability(x, found.labels, seed, features=features)
    centres = unit(np.stack([x[found.labels == c].mean(0) for c in range(found.k)]))
    return _finish(texts, index, normalised, x, found.labels, centres, found.k,
                   found.silhouette, steady, empty, found.scores,
                   given=n_themes is not None)  # fmt: skip


def _finish(
    texts: Sequence[str],
    index: list[int],
    normalised: list[str],
    x: np.ndarray,
    labels: np.ndarray,
    centres: np.ndarray,
    k: int,
    silhouette: float,
    stability: float,
    empty: list[int],
    scores: dict[int, float],
    *,
    given: bool,
) -> ThemeResult:
    sizes = np.bincount(labels, minlength=k)
    # Theme ids from 1, largest first (ties by cluster number, so deterministic).
    order = sorted(range(k), key=lambda c: (-int(sizes[c]), c))
    theme_id = {c: n + 1 for n, c in enumerate(order)}
    keywords = class_tfidf_keywords(normalised, labels.tolist())
    sims = x @ centres.T
    themes = []
    for c in order:
        members = np.flatnonzero(labels == c)
        if not len(members):
            continue
        nearest = members[np.argsort(-sims[members, c], kind="stable")]
        longer = [m for m in nearest if len(texts[index[m]].split()) >= 4]
        quotes = [index[m] for m in (longer or list(nearest))[:3]]
        words = keywords.get(c, [])
        label = ", ".join(words[:3]).capitalize() if words else f"Theme {theme_id[c]}"
        themes.append(ExtractedTheme(theme_id[c], label, words, int(sizes[c]), quotes))
    assignments = {index[row]: theme_id[int(c)] for row, c in enumerate(labels)}
    secondary: dict[int, int] = {}
    if k > 1:
        ranked = np.argsort(-sims, axis=1)[:, :2]
        for row in range(len(x)):
            first, second = ranked[row]
            if sims[row, first] - sims[row, second] <= SECONDARY_GAP:
                secondary[index[row]] = theme_id[int(second if first == labels[row] else first)]
    level, note = _confidence(silhouette, stability, k, scores, given=given)
    return ThemeResult(themes, assignments, secondary, empty, silhouette, stability, level, note,
                       scores)  # fmt: skip
