"""Why a service matched: words, category, nearness, similar meaning (shown on each hit)."""

from __future__ import annotations

import uuid
from functools import cache
from typing import Any

from django.utils.translation import gettext as _

from linkwork.directory.search_backend import SearchHit
from linkwork.directory.taxonomy import default_taxonomy_data
from linkwork.search.models import SearchDocument
from linkwork.search.query import ParsedQuery

STRONG_SIMILARITY = 0.5


@cache
def category_names() -> dict[str, str]:
    return {t["code"]: t["name"] for t in default_taxonomy_data()["terms"]}


def explain_hits(
    hits: list[SearchHit], candidates: dict[uuid.UUID, Any], parsed: ParsedQuery, *, explain: bool
) -> None:
    if not hits:
        return
    docs = {
        d["service_id"]: d
        for d in SearchDocument.objects.filter(service_id__in=[h.service_id for h in hits]).values(
            "service_id",
            "name_text",
            "taxonomy_text",
            "summary_text",
            "description_text",
            "category_codes",
        )
    }
    names = category_names()
    typed = {t.stem: t.word for t in parsed.terms}
    for hit in hits:
        c = candidates[hit.service_id]
        doc = docs.get(hit.service_id)
        why: list[str] = []
        if doc is not None and "lexical" in c.ranks:
            words = set(
                " ".join(
                    doc[k]
                    for k in ("name_text", "taxonomy_text", "summary_text", "description_text")
                ).split()
            )
            matched = [typed[s] for s in typed if s in words]
            matched += [
                parsed.labels.get(p, " ".join(p))
                for p in parsed.expansions
                if all(w in words for w in p)
            ][: max(0, 4 - len(matched))]
            if matched:
                why.append(_("Matches: %(words)s") % {"words": ", ".join(matched[:6])})
        if doc is not None and parsed.categories:
            codes = set(doc["category_codes"].split())
            shared = [names[c] for c in parsed.categories if c in codes and c in names]
            if shared:
                why.append(_("In category: %(names)s") % {"names": ", ".join(shared[:3])})
        if c.distance_m is not None:
            why.append(_("Nearby: %(km).1f km away") % {"km": c.distance_m / 1000})
        elif c.remote_or_area:
            why.append(_("Serves your area, or by phone or online"))
        if c.similarity is not None and c.similarity >= STRONG_SIMILARITY:
            why.append(_("Similar in meaning to what you asked"))
        if explain:
            detail = ", ".join(f"{k} #{r}" for k, r in sorted(c.ranks.items()))
            if c.similarity is not None:
                detail += f", similarity {c.similarity:.2f}"
            why.append(_("Ranking: %(detail)s") % {"detail": detail})
        hit.why = why
