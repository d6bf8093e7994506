"""Queries in other languages: English glosses of the need words from a shipped lexicon.

The embedding model and the synonyms read English; people also search in Polish, Ukrainian,
Arabic, Simplified Chinese, Scottish Gaelic and Scots (#18). `glosses(text)` finds the need
words of those languages in a query (`data/need_lexicon.json`, written by need, reviewed by
native speakers) and gives the English words a service description would use, so the search
can read both (docs/decisions/0010-multilingual-search.md). The original words are kept too:
services with a translation in the person's language match them directly.

A language's words are looked for only when the query shows that language: its script
(Arabic, Cyrillic, Chinese), its letters (Polish ą ę ł ..., Gaelic à è ì ò ù) or at least two of
its words, so English queries are left alone.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from linkwork.search.query import fold, words

LEXICON_FILE = Path(__file__).resolve().parent / "data" / "need_lexicon.json"
ARABIC = re.compile(r"[\u0600-\u06ff]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
CJK = re.compile(r"[\u4e00-\u9fff]")
POLISH_LETTERS = re.compile(r"[ąćęłńśźżĄĆĘŁŃŚŹŻ]")
GAELIC_LETTERS = re.compile(r"[àèìòùÀÈÌÒÙ]")
ARABIC_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف")
#: Languages written in a script of their own: the semantic model reads only the glosses.
OTHER_SCRIPTS = frozenset({"ar", "uk", "zh-hans"})


@dataclass(frozen=True)
class Glossed:
    languages: tuple[str, ...]  # languages whose need words were found
    english: str  # their English words, in the order found, each once

    @property
    def foreign(self) -> bool:
        """The query is in another language than English or Scots."""
        return any(lang != "sco" for lang in self.languages)


@dataclass(frozen=True)
class _Language:
    mode: str  # prefix | word | substring
    single: tuple[tuple[str, str], ...]  # (folded form, english)
    phrases: tuple[tuple[str, str], ...]


@cache
def _lexicon() -> dict[str, _Language]:
    data = json.loads(LEXICON_FILE.read_text(encoding="utf-8"))
    out = {}
    for lang, entries in data["languages"].items():
        mode = data["match"][lang]
        single: list[tuple[str, str]] = []
        phrases: list[tuple[str, str]] = []
        for form, english in entries:
            folded = " ".join(words(form)) if mode != "substring" else fold(form)
            if not folded:
                continue
            (phrases if " " in folded else single).append((folded, english))
        out[lang] = _Language(mode, tuple(single), tuple(phrases))
    return out


def _arabic_stems(token: str) -> list[str]:
    stems = [token]
    for prefix in ARABIC_PREFIXES:
        if token.startswith(prefix) and len(token) - len(prefix) >= 2:
            stems.append(token[len(prefix) :])
    return stems


def _hits(lang: str, entry: _Language, text: str, tokens: list[str]) -> list[str]:
    found: list[str] = []
    if entry.mode == "substring":
        return [english for form, english in (*entry.phrases, *entry.single) if form in text]
    joined = f" {' '.join(tokens)} "
    for form, english in entry.phrases:
        if f" {form}" in joined and (entry.mode == "prefix" or f" {form} " in joined):
            found.append(english)
    for token in tokens:
        candidates = _arabic_stems(token) if lang == "ar" else [token]
        for form, english in entry.single:
            if entry.mode == "word":
                hit = form in candidates
            else:
                hit = any(c.startswith(form) for c in candidates)
            if hit:
                found.append(english)
                break  # one gloss per word: the first (most specific) entry
    return found


def _shown(lang: str, raw: str) -> bool | None:
    """True when the text is surely in the language, None when only its words can tell."""
    if lang == "ar":
        return bool(ARABIC.search(raw))
    if lang == "uk":
        return bool(CYRILLIC.search(raw))
    if lang == "zh-hans":
        return bool(CJK.search(raw))
    if lang == "pl" and POLISH_LETTERS.search(raw):
        return True
    if lang == "gd" and GAELIC_LETTERS.search(raw):
        return True
    return None


def glosses(text: str) -> Glossed:
    """English need words for the other-language need words of a query (empty if none)."""
    folded = fold(text)
    tokens = words(text)
    languages: list[str] = []
    english: list[str] = []
    for lang, entry in _lexicon().items():
        shown = _shown(lang, text)
        if shown is False:
            continue
        found = _hits(lang, entry, folded, tokens)
        needed = 1 if shown or lang == "sco" else 2
        if len(found) >= needed:
            languages.append(lang)
            english.extend(found)
    unique = list(dict.fromkeys(w for gloss in english for w in gloss.split()))
    return Glossed(tuple(languages), " ".join(unique))


@cache
def known_words() -> frozenset[str]:
    """The words of every language's need words and phrases in the lexicon (folded): not
    English typos."""
    return frozenset(
        word
        for entry in _lexicon().values()
        for form, _english in (*entry.single, *entry.phrases)
        for word in form.split()
        if word.isalpha()
    )
