"""The "what matters" matcher: from what a person said, suggest services grouped by need.

Link workers (and the casework app) call `match_what_matters`. Needs are detected from the
text in two ways: the words and phrases of our synonyms file and the taxonomy's synonyms
("skint" -> money advice), and the meaning of the text compared with each category's
description (sentence embeddings). Each need then gets its best services for the person's
place and constraints, leaving out services they already tried.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from linkwork.directory.search_backend import SearchHit, SearchParams, search
from linkwork.directory.taxonomy import default_taxonomy_data
from linkwork.search.embedding import get_embedder
from linkwork.search.query import parse

STEP_FREE_CODE = "step_free"  # Accessibility.code of step-free access
NEED_SIMILARITY = 0.5  # text or sentence vs category description, for a need by meaning
MAX_NEEDS = 6
_SENTENCES = re.compile(r"(?<=[.!?;\n])\s+")


@dataclass
class NeedGroup:
    need: str  # our category code, e.g. "bereavement"
    label: str  # the category's name, e.g. "Bereavement"
    hits: list[SearchHit] = field(default_factory=list)


@cache
def _category_matrix() -> tuple[tuple[str, ...], np.ndarray]:
    terms = default_taxonomy_data()["terms"]
    texts = [f"{t['name']}. {t['description']} {', '.join(t['synonyms'][:8])}" for t in terms]
    return tuple(t["code"] for t in terms), get_embedder().encode(texts)


def detect_needs(text: str) -> list[str]:
    """Our category codes the text speaks of, strongest first (words before meaning)."""
    parsed = parse(text)
    needs: dict[str, float] = {code: 1.0 + 0.01 * -i for i, code in enumerate(parsed.categories)}
    codes, matrix = _category_matrix()
    pieces = [text, *[s for s in _SENTENCES.split(text) if s.strip()]][:20]
    vectors = get_embedder().encode(pieces)
    sims = vectors @ matrix.T  # pieces x categories
    best = sims.max(axis=0)
    for code, sim in zip(codes, best, strict=True):
        if sim >= NEED_SIMILARITY:
            needs[code] = max(needs.get(code, 0.0), float(sim))
    return [c for c, _ in sorted(needs.items(), key=lambda kv: -kv[1])][:MAX_NEEDS]


def match_what_matters(
    *,
    text: str,
    postcode: str = "",
    age: int | None = None,
    languages: Iterable[str] = (),
    needs_step_free: bool = False,
    free_only: bool = False,
    delivery_modes: Iterable[str] = (),
    exclude_service_ids: Iterable[uuid.UUID] = (),
    per_need: int = 5,
) -> list[NeedGroup]:
    """Suggested services grouped by need, for a person's words, place and constraints.

    `postcode` should be normalised (unknown ones are ignored: no distance). Services in
    `exclude_service_ids` (already tried) never appear. Empty text gives no groups.
    """
    text = (text or "")[:10_000]
    if not text.strip():
        return []
    names = {t["code"]: t["name"] for t in default_taxonomy_data()["terms"]}
    excluded = tuple(uuid.UUID(str(i)) for i in exclude_service_ids)
    groups: list[NeedGroup] = []
    for code in detect_needs(text):
        params = SearchParams(
            q=text,
            postcode=postcode,
            categories=(code,),
            age=age,
            languages=tuple(languages),
            accessibility=(STEP_FREE_CODE,) if needs_step_free else (),
            free_only=free_only,
            delivery_modes=tuple(delivery_modes),
            exclude_ids=excluded,
            per_page=max(1, min(per_need, 50)),
        )
        page = search(params)
        groups.append(NeedGroup(need=code, label=names.get(code, code), hits=page.hits))
    return groups
