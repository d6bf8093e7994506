"""Services' translated names and descriptions (directory.ContentTranslation) in search.

Search finds a service by its translated words (they are indexed with the original, see
`indexing`), and results show the person's language first: `shown_texts(ids, language)` gives,
for each service with a translation in that language, the translated name and description
(empty ones fall back to the original). The language is the `lang` a caller names, else
Django's active language.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import get_language

from linkwork.directory.models import ContentTranslation

MAX_LANGUAGE = 20


@dataclass(frozen=True)
class Shown:
    """What a result shows in the person's language: a blank field means "use the original"."""

    language: str
    name: str
    description: str


def wanted_language(explicit: str = "") -> str:
    """The language to show: the one named (a `lang` parameter), else the active one."""
    chosen = (explicit or get_language() or "").strip().lower().replace("_", "-")
    return chosen[:MAX_LANGUAGE]


def _primary(tag: str) -> str:
    return tag.split("-", 1)[0]


def shown_texts(service_ids: Iterable[uuid.UUID], language: str) -> dict[uuid.UUID, Shown]:
    """Translations of these services into the language (one query). An exact tag wins over
    one that only shares the primary language (`zh-hans` before `zh`); English shows the
    original, so nothing is looked up for it."""
    ids = list(service_ids)
    tag = language.strip().lower()
    if not ids or not tag or _primary(tag) == "en":
        return {}
    found: dict[uuid.UUID, tuple[int, Shown]] = {}
    rows = (
        ContentTranslation.objects.filter(service_id__in=ids, language__startswith=_primary(tag))
        .order_by()
        .values_list("service_id", "language", "name", "description")
    )
    for service_id, lang, name, description in rows:
        lang = lang.lower()
        if lang == tag:
            closeness = 0
        elif _primary(lang) == _primary(tag):
            closeness = 1
        else:
            continue  # "pl" must not match "pla"
        if not (name or "").strip() and not (description or "").strip():
            continue
        best = found.get(service_id)
        if best is None or closeness < best[0]:
            found[service_id] = (closeness, Shown(lang, name.strip(), description.strip()))
    return {sid: shown for sid, (_c, shown) in found.items()}
