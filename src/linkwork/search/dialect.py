"""An English reading of a query written in Scots, for the embedding model.

People write Scots as they speak it ("ah cannae get oot the hoose", "naebody tae talk tae").
The embedding model and the service descriptions read English, so besides the words as typed
the search also embeds an English reading of them (`engine._semantic` takes each service's
best similarity over both readings: a reading that helps lifts the right services, one that
does not leaves the original's similarity in place).

The reading is made by general rules of Scots spelling, not by a list of queries:

- the everyday function words (ah, ma, tae, wi, fae, oot, aboot, nae, ken, whit ...);
- negation in -nae / -na ("cannae", "dinnae", "wouldnae", "isna") -> the verb and "not";
- a verb in -in whose -ing form is an English word ("strugglin" -> "struggling"), unless the
  need lexicon already reads the word ("greetin" is crying, not greeting);
- the vowels Scots spells oo and ae where English has ou and o ("hoose" -> "house",
  "doon" -> "down", "naebody" -> "nobody"), when that makes an English word;
- the Scots words of the need lexicon (data/need_lexicon.json) -> their English glosses.

It is made only when the query shows Scots: a word that is Scots and not English.
"""

from __future__ import annotations

from functools import cache

from linkwork.search.query import _english_set, words

#: Everyday Scots words -> English. Function words and the commonest spellings; the need
#: words themselves live in the need lexicon.
FUNCTION_WORDS = {
    "ah": "i",
    "ahm": "i am",
    "ahve": "i have",
    "ave": "i have",
    "ahd": "i would",
    "ma": "my",
    "masel": "myself",
    "mahsel": "myself",
    "ye": "you",
    "yer": "your",
    "yersel": "yourself",
    "hissel": "himself",
    "hersel": "herself",
    "oor": "our",
    "wur": "our",
    "tae": "to",
    "ti": "to",
    "wi": "with",
    "wae": "with",
    "fae": "from",
    "frae": "from",
    "fur": "for",
    "o": "of",
    "oan": "on",
    "aff": "off",
    "oot": "out",
    "oota": "out of",
    "aboot": "about",
    "efter": "after",
    "doon": "down",
    "roon": "round",
    "intae": "into",
    "ower": "over",
    "an": "and",
    "aw": "all",
    "awthing": "everything",
    "awbody": "everybody",
    "naebody": "nobody",
    "naethin": "nothing",
    "nuthin": "nothing",
    "naewhere": "nowhere",
    "somebdy": "somebody",
    "nae": "no",
    "naw": "no",
    "no": "not",
    "ken": "know",
    "kent": "knew",
    "dinna": "do not",
    "whit": "what",
    "wit": "what",
    "whaur": "where",
    "wha": "who",
    "hoo": "how",
    "noo": "now",
    "gonnae": "going to",
    "wantae": "want to",
    "hafty": "have to",
    "hame": "home",
    "heid": "head",
    "auld": "old",
    "cauld": "cold",
    "mair": "more",
    "gie": "give",
    "gied": "gave",
    "gien": "given",
    "dae": "do",
    "daein": "doing",
    "deid": "dead",
    "pit": "put",
    "ain": "own",
    "wee": "little",
    "weel": "well",
    "guid": "good",
    "aye": "always",
    "wis": "was",
    "wid": "would",
    "widnae": "would not",
    "cannae": "can not",
    "canna": "can not",
    "didnae": "did not",
    "dinnae": "do not",
    "disnae": "does not",
    "willnae": "will not",
    "wullnae": "will not",
    "nicht": "night",
    "schuil": "school",
    "skuil": "school",
    "bairn": "child",
    "wean": "child",
    "maw": "mum",
    "da": "dad",
    "faither": "father",
    "mither": "mother",
    "man": "husband",
}
#: The endings of Scots negation ("cannae", "wouldnae", "isna").
NEGATIONS = ("nae", "na")
#: Words these rules would bend but that are English as typed in a Scots query too.
KEEP = frozenset({"man", "an", "no", "o"})


@cache
def _lexicon_words() -> dict[str, str]:
    """The need lexicon's Scots words (single words) -> their English glosses."""
    from linkwork.search.lexicon import _lexicon

    entry = _lexicon().get("sco")
    return dict(entry.single) if entry is not None else {}


def _english(word: str) -> bool:
    return word in _english_set()


def _word(word: str, lexicon: dict[str, str]) -> tuple[str, bool]:
    """(English reading of one folded word, whether the word is Scots and not English)."""
    if word in lexicon:
        return lexicon[word], not _english(word)
    if word in FUNCTION_WORDS:
        scots = word not in KEEP and not _english(word)
        return FUNCTION_WORDS[word], scots
    if _english(word) or len(word) < 3:
        return word, False
    for ending in NEGATIONS:
        base = word[: -len(ending)]
        if word.endswith(ending) and len(base) >= 2:
            verb = FUNCTION_WORDS.get(base, base)
            if _english(verb) or verb in {"could", "would", "should", "do", "did", "does"}:
                return f"{verb} not", True
            for modal in (f"{base}ld", f"{base}d"):  # "couldnae", "widnae" -> could, would
                if _english(modal):
                    return f"{modal} not", True
    if word.endswith("in") and _english(f"{word}g"):
        return f"{word}g", True
    for spelt, vowel in (("oo", "ou"), ("ae", "o"), ("ae", "a")):
        if spelt in word:
            candidate = word.replace(spelt, vowel)
            if _english(candidate):
                return candidate, True
    return word, False


def english_reading(text: str) -> str | None:
    """The query read as English when it is written in Scots, else None."""
    lexicon = _lexicon_words()
    tokens = words(text)
    out: list[str] = []
    scots = 0
    for token in tokens:
        reading, is_scots = _word(token, lexicon)
        scots += is_scots
        out.append(reading)
    if not scots:
        return None
    return " ".join(out)
