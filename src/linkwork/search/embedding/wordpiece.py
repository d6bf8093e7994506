"""BERT's uncased WordPiece tokenizer in plain Python.

It reproduces what the Hugging Face `tokenizers` library does for all-MiniLM-L6-v2
(BertNormalizer with lowercase and accent stripping, BertPreTokenizer, WordPiece with "##"
continuations), so the static embeddings need nothing but numpy at run time.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

MAX_CHARS_PER_WORD = 100


def _is_punctuation(char: str) -> bool:
    cp = ord(char)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x2A6DF
        or 0x2A700 <= cp <= 0x2B73F
        or 0x2B740 <= cp <= 0x2B81F
        or 0x2B820 <= cp <= 0x2CEAF
        or 0xF900 <= cp <= 0xFAFF
        or 0x2F800 <= cp <= 0x2FA1F
    )


def normalise(text: str) -> str:
    """Clean, space out CJK characters, lowercase and strip accents (as BertNormalizer)."""
    out: list[str] = []
    for char in text:
        cp = ord(char)
        if cp == 0 or cp == 0xFFFD:
            continue
        category = unicodedata.category(char)
        if char in "\t\n\r" or category == "Zs":
            out.append(" ")
        elif category in ("Cc", "Cf"):
            continue
        elif _is_cjk(cp):
            out.append(f" {char} ")
        else:
            out.append(char)
    lowered = "".join(out).lower()
    decomposed = unicodedata.normalize("NFD", lowered)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def pre_tokenise(text: str) -> list[str]:
    """Split on whitespace, and make every punctuation character its own word."""
    words: list[str] = []
    for chunk in text.split():
        current: list[str] = []
        for char in chunk:
            if _is_punctuation(char):
                if current:
                    words.append("".join(current))
                    current = []
                words.append(char)
            else:
                current.append(char)
        if current:
            words.append("".join(current))
    return words


class WordPieceTokenizer:
    """Greedy longest-match-first WordPiece over a fixed vocabulary."""

    def __init__(self, vocab: list[str], unk_token: str = "[UNK]") -> None:  # noqa: S107
        self.vocab = {token: i for i, token in enumerate(vocab)}
        self.unk_id = self.vocab.get(unk_token)
        self._word_ids = lru_cache(maxsize=200_000)(self._word_ids_uncached)

    def _word_ids_uncached(self, word: str) -> tuple[int, ...]:
        if len(word) > MAX_CHARS_PER_WORD:
            return () if self.unk_id is None else (self.unk_id,)
        ids: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            found = None
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                found = self.vocab.get(piece)
                if found is not None:
                    break
                end -= 1
            if found is None:
                return () if self.unk_id is None else (self.unk_id,)
            ids.append(found)
            start = end
        return tuple(ids)

    def encode(self, text: str) -> list[int]:
        """Token ids of the text, without special tokens."""
        ids: list[int] = []
        for word in pre_tokenise(normalise(text)):
            ids.extend(self._word_ids(word))
        return ids
