"""Turning what someone typed into safe full-text queries.

`parse(text)` tokenises (Unicode, accents folded, apostrophes dropped), removes stop words,
stems (Snowball English), finds phrases from the shipped synonyms file and the directory's
taxonomy, and marks the last word as a prefix when the text does not end in a space
(as-you-type). The result renders to an SQLite FTS5 MATCH expression or a PostgreSQL tsquery
built only from quoted word tokens, so no user text can inject query syntax (`"`, `*`, `NEAR`,
`OR`, `'`, `\\`, parentheses are all either dropped or quoted).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import snowballstemmer

SYNONYMS_FILE = Path(__file__).resolve().parent / "synonyms.json"
#: The embedding model's word list: whole English words (typos are corrected to these).
ENGLISH_FILE = Path(__file__).resolve().parent / "data" / "minilm-onnx" / "vocab.txt"
LEXICON_FILE = Path(__file__).resolve().parent / "data" / "need_lexicon.json"
MAX_INPUT_CHARS = 10_000
MAX_TERMS = 32
MAX_EXPANSIONS = 24
_WORD = re.compile(r"\w+", re.UNICODE)

_STOP_TEXT = """a about above after again against all am an and any are as at be because been before
    being below between both but by can cant could couldnt did didnt do does doesnt doing dont
    down during each few for from further get gets getting got had hadnt has hasnt have havent
    having he her here hers herself him himself his how i id ill im ive if in into is isnt it
    its itself just keep lot lots me more most much my myself no nor not now of off on once
    only or other our ours ourselves out over own really same she should so some such than
    that thats the their theirs them themselves then there these they this those through to
    too under until up very was wasnt we were what when where which while who whom why will
    with wont would wouldnt you your yours yourself yourselves also still ever since like
    want wants wanted need needs needed help please feel feeling felt think know bit
    something anything someone anyone thing things way well even since been cannot last
    month months week weeks year years day days time times always all"""
STOP_WORDS = frozenset(_STOP_TEXT.split())


def fold(text: str) -> str:
    """Lowercase, strip accents and apostrophes ("Can't" -> "cant", "café" -> "cafe")."""
    text = text[:MAX_INPUT_CHARS].lower().replace("'", "").replace("\u2019", "")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The folded word tokens of a text (letters, digits and underscore runs)."""
    return [w.strip("_") for w in _WORD.findall(fold(text)) if w.strip("_")]


_stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    return str(_stemmer.stemWord(word))


def index_text(text: str) -> str:
    """What the index stores for a text: its stemmed words, stop words kept out."""
    return " ".join(stem(w) for w in words(text) if w not in STOP_WORDS)


@dataclass(frozen=True)
class SynonymEntry:
    say: tuple[tuple[str, ...], ...]  # folded word sequences people use
    expand: tuple[tuple[str, ...], ...]  # stemmed word sequences services use
    labels: tuple[str, ...]  # the same, as written (to show)
    categories: tuple[str, ...]


@cache
def synonym_entries() -> tuple[SynonymEntry, ...]:
    data = json.loads(SYNONYMS_FILE.read_text(encoding="utf-8"))
    entries = []
    for raw in data["entries"]:
        entries.append(
            SynonymEntry(
                say=tuple(tuple(words(s)) for s in raw["say"] if words(s)),
                expand=tuple(tuple(stem(w) for w in words(e)) for e in raw["expand"] if words(e)),
                labels=tuple(e for e in raw["expand"] if words(e)),
                categories=tuple(raw.get("categories", ())),
            )
        )
    return tuple(entries)


@cache
def taxonomy_phrases() -> tuple[tuple[tuple[str, ...], str], ...]:
    """(folded words of a category name or synonym, category code) from the directory."""
    from linkwork.directory.taxonomy import default_taxonomy_data

    out = []
    for term in default_taxonomy_data()["terms"]:
        for phrase in [term["name"], *term["synonyms"]]:
            tokens = tuple(words(phrase.replace("-", " ")))
            if tokens:
                out.append((tokens, term["code"]))
    return tuple(out)


def _contains(sequence: list[str], phrase: tuple[str, ...], present: set[str]) -> bool:
    if phrase[0] not in present:
        return False
    n = len(phrase)
    if n == 1:
        return True
    return any(tuple(sequence[i : i + n]) == phrase for i in range(len(sequence) - n + 1))


@dataclass
class Term:
    stem: str
    word: str  # as typed (folded)
    prefix: bool = False
    corrected_from: str = ""
    english: str = ""  # the English word a misspelt word was taken for (for the model)


@dataclass
class ParsedQuery:
    text: str
    terms: list[Term] = field(default_factory=list)
    expansions: list[tuple[str, ...]] = field(default_factory=list)  # stemmed phrases
    categories: list[str] = field(default_factory=list)  # our category codes detected
    labels: dict[tuple[str, ...], str] = field(default_factory=dict)  # expansion -> as written

    @property
    def is_empty(self) -> bool:
        return not self.terms and not self.expansions

    def corrected_text(self) -> str:
        """The text with each corrected typo replaced by the English word it was taken for
        ("lonley and depresed" -> "lonely and depressed"), for the embedding model: it reads
        words, so it should read the same corrections the full-text query uses."""
        fixes = {t.word: t.english for t in self.terms if t.english}
        if not fixes:
            return self.text
        return " ".join(fixes.get(w, w) for w in words(self.text))

    def stems(self) -> set[str]:
        out = {t.stem for t in self.terms}
        for phrase in self.expansions:
            out.update(phrase)
        return out

    def pruned(
        self,
        df: dict[str, int],
        documents: int,
        *,
        max_share: float = 0.04,
        min_documents: int = 5000,
        keep_rarest: int = 3,
        max_items: int = 16,
    ) -> ParsedQuery:
        """The same query without words so common they cost more than they rank.

        Words in more than `max_share` of documents (and more than `min_documents`) are left
        out, the `keep_rarest` rarest always stay, and at most `max_items` words and phrases,
        rarest first, remain. Words no document holds go (they cannot match); a prefix
        counts as at least as common as the whole word it is."""
        if documents <= 0:
            return self

        def freq(stems: tuple[str, ...]) -> int:
            return min(df.get(s, 0) for s in stems)

        items: list[tuple[int, int, object]] = []
        for i, term in enumerate(self.terms):
            # A prefix matches at least the documents of the whole word it starts.
            n = freq((term.stem,))
            if n or term.prefix:  # a whole word no document holds cannot match
                items.append((n, i, term))
        for i, phrase in enumerate(self.expansions):
            if n := freq(phrase):
                items.append((n, 1000 + i, phrase))
        items.sort(key=lambda x: (x[0], x[1]))
        limit = max(max_share * documents, min_documents)
        chosen = [x for n, x in enumerate(items) if n < keep_rarest or x[0] <= limit][:max_items]
        chosen_ids = {id(x[2]) for x in chosen}
        return ParsedQuery(
            text=self.text,
            terms=[t for t in self.terms if id(t) in chosen_ids],
            expansions=[p for p in self.expansions if id(p) in chosen_ids],
            categories=self.categories,
            labels=self.labels,
        )

    def fts5(self) -> str:
        """An FTS5 MATCH expression: quoted tokens joined by OR; '' when nothing to match."""
        parts: list[str] = []
        for term in self.terms:
            parts.append(_fts5_token(term.stem) + ("*" if term.prefix else ""))
        for phrase in self.expansions:
            parts.append(_fts5_token(" ".join(phrase)))
        return " OR ".join(dict.fromkeys(parts))

    def tsquery(self) -> str:
        """A to_tsquery('simple', ...) string: quoted lexemes, :* prefixes, <-> phrases, |."""
        parts: list[str] = []
        for term in self.terms:
            parts.append(_ts_token(term.stem) + (":*" if term.prefix else ""))
        for phrase in self.expansions:
            joined = " <-> ".join(_ts_token(w) for w in phrase)
            parts.append(f"({joined})" if len(phrase) > 1 else joined)
        return " | ".join(dict.fromkeys(parts))


def _safe(token: str) -> str:
    # Tokens come from \w+ so they hold no quote, star or operator; this keeps that invariant
    # even if a caller passes something else.
    return "".join(c for c in token if c.isalnum() or c in " _")


def _fts5_token(token: str) -> str:
    return '"' + _safe(token).replace('"', '""') + '"'


def _ts_token(token: str) -> str:
    return "'" + _safe(token).replace(" ", "").replace("'", "''") + "'"


def parse(
    text: str,
    *,
    as_you_type: bool = False,
    vocabulary: Iterable[str] | None = None,
    corrector: object | None = None,
    known: frozenset[str] = frozenset(),
) -> ParsedQuery:
    """Parse what someone typed. `vocabulary` (stems in the index) enables typo correction."""
    text = (text or "")[:MAX_INPUT_CHARS]
    tokens = words(text)
    parsed = ParsedQuery(text=text)
    categories: dict[str, None] = {}
    expansions: dict[tuple[str, ...], None] = {}
    present = set(tokens)
    for entry in synonym_entries():
        if any(_contains(tokens, phrase, present) for phrase in entry.say):
            for phrase, label in zip(entry.expand, entry.labels, strict=True):
                expansions[phrase] = None
                parsed.labels.setdefault(phrase, label)
            for code in entry.categories:
                categories[code] = None
    for phrase, code in taxonomy_phrases():
        if _contains(tokens, phrase, present):
            categories[code] = None
    content = [w for w in tokens if w not in STOP_WORDS and len(w) <= 60]
    seen: set[str] = set()
    last_index = len(content) - 1
    typing_last = as_you_type and bool(text) and not text[-1].isspace()
    for i, word in enumerate(content[: MAX_TERMS * 2]):
        s = stem(word)
        if s in seen:
            continue
        seen.add(s)
        parsed.terms.append(Term(stem=s, word=word, prefix=typing_last and i == last_index))
        if len(parsed.terms) >= MAX_TERMS:
            break
    if vocabulary is not None:
        _correct(parsed, vocabulary, known)
    parsed.expansions = [e for e in expansions if e not in {(t.stem,) for t in parsed.terms}][
        :MAX_EXPANSIONS
    ]
    parsed.categories = list(categories)
    return parsed


@cache
def english_words() -> dict[str, tuple[str, ...]]:
    """English words the embedding model knows whole, by stem (from its shipped vocabulary):
    a word there is not a typo, and a corrected stem is shown to the model as one of these."""
    found: set[str] = set()
    if ENGLISH_FILE.exists():
        found.update(ENGLISH_FILE.read_text(encoding="utf-8").splitlines())
    found.update(_need_words())
    out: dict[str, list[str]] = {}
    for word in sorted(found):
        if len(word) >= 2 and word.isalpha() and word.isascii() and word.islower():
            out.setdefault(stem(word), []).append(word)
    return {k: tuple(v) for k, v in out.items()}


def _need_words() -> set[str]:
    """The English words of the needs vocabulary the model's word list lacks (arrears,
    befriending, bereavement, counselling): the synonyms, the taxonomy's names and synonyms,
    and the need lexicon's English glosses."""
    out: set[str] = set()
    data = json.loads(SYNONYMS_FILE.read_text(encoding="utf-8"))
    for raw in data["entries"]:
        for phrase in [*raw["say"], *raw["expand"]]:
            out.update(words(phrase))
    for phrase, _code in taxonomy_phrases():
        out.update(phrase)
    if LEXICON_FILE.exists():
        lexicon = json.loads(LEXICON_FILE.read_text(encoding="utf-8"))
        for entries in lexicon["languages"].values():
            for _form, english in entries:
                out.update(words(english))
    return out


@cache
def _english_set() -> frozenset[str]:
    return frozenset(w for found in english_words().values() for w in found)


def surface_word(stemmed: str, typed: str) -> str:
    """The English word with that stem closest to what was typed (the stem itself when the
    model's vocabulary has no word with it)."""
    from rapidfuzz import fuzz

    found = english_words().get(stemmed)
    if not found:
        return stemmed
    return max(found, key=lambda w: (fuzz.ratio(w, typed), -len(w)))


def _correct(
    parsed: ParsedQuery, vocabulary: Iterable[str], known: frozenset[str] = frozenset()
) -> None:
    """Replace stems the index has never seen with the closest indexed stem (typo tolerance).
    A word that is itself English (the embedding model's vocabulary) or `known` (the need
    words of other languages and Scots) is not a typo: it is left alone, not bent into a
    different word the index holds."""
    vocab = vocabulary if isinstance(vocabulary, set | frozenset | dict) else set(vocabulary)
    if not vocab:
        return
    choices: list[str] | None = None
    fixed = 0
    extra: list[Term] = []
    english = _english_set()
    for term in parsed.terms:
        if len(term.stem) < 4 or not term.stem.isalpha():
            continue
        if (term.word in english or term.word in known) and not term.prefix:
            continue
        if term.stem in vocab:  # "bereavment": the right stem, misspelt for the model
            _show_as(term, term.stem)
            continue
        if choices is None:
            choices = _choices(vocab)
        best = _closest(term.stem, term.word, choices)
        if best is None:
            # Not near any word of this (perhaps small) directory: the English word it looks
            # like, so at least the embedding model reads what was meant.
            best = _closest_english(term.word)
        if best is not None and best != term.stem:
            if term.prefix:
                # Still typing: keep the prefix and also try the closest whole word.
                extra.append(Term(stem=best, word=term.word, corrected_from=term.stem))
                _show_as(extra[-1], best)
            else:
                term.corrected_from = term.stem
                term.stem = best
                _show_as(term, best)
            fixed += 1
        elif best == term.stem:
            _show_as(term, best)
        if fixed >= 5:
            break
    parsed.terms.extend(extra)


#: How close (rapidfuzz ratio, 0-100) a typed word must be to the word it is taken for.
TYPO_CUTOFF = 80


def _closest(stemmed: str, typed: str, choices: list[str]) -> str | None:
    """The indexed stem a typo was meant as. Stems close to the typed stem are candidates;
    each is judged by how close its English word (or the stem itself, if closer) is to the word
    as typed ("heatng" is "heating", not "hang"; "councelling" is "counselling", not
    "council"), and a tie goes to the nearer stem."""
    from rapidfuzz import fuzz, process

    near = process.extract(stemmed, choices, scorer=fuzz.ratio, score_cutoff=70, limit=10)
    scored = [
        (max(fuzz.ratio(typed, surface_word(c, typed)), score), score, c)
        for c, score, _i in near
        if c != stemmed
    ]
    scored = [x for x in scored if x[0] >= TYPO_CUTOFF]
    return max(scored)[2] if scored else None


def _show_as(term: Term, stemmed: str) -> None:
    """Remember the English word with that stem that a typed word was meant as, if close."""
    from rapidfuzz import fuzz

    word = surface_word(stemmed, term.word)
    if word != term.word and word.isalpha() and fuzz.ratio(word, term.word) >= TYPO_CUTOFF:
        term.english = word


#: Closer still for a word taken from the whole English vocabulary (many more near words).
ENGLISH_TYPO_CUTOFF = 85


@cache
def _english_list() -> list[str]:
    return sorted(w for w in _english_set() if len(w) >= 4)


def _closest_english(typed: str) -> str | None:
    """The stem of the English word closest to a typed word (None when none is close)."""
    from rapidfuzz import fuzz, process

    if len(typed) < 5:
        return None
    match = process.extractOne(
        typed, _english_list(), scorer=fuzz.ratio, score_cutoff=ENGLISH_TYPO_CUTOFF
    )
    return stem(match[0]) if match is not None else None


_choices_cache: list[tuple[object, list[str]]] = []


def _choices(vocab: set[str] | frozenset[str] | dict) -> list[str]:
    """The vocabulary as a list (cached for the frozenset the vocabulary module holds)."""
    if _choices_cache and _choices_cache[0][0] is vocab:
        return _choices_cache[0][1]
    choices = [t for t in vocab if t.isalpha() and len(t) >= 3]
    _choices_cache[:] = [(vocab, choices)]
    return choices
