"""Why a service matched: words, category, nearness, related meaning (shown on each hit).

A reason never claims a word match that is not there: the words shown are the service's own
words that share a stem with what was asked (after typo correction), and a service found by
meaning alone says "Related to what you asked"."""

from __future__ import annotations

import uuid
from functools import cache
from typing import Any

from django.utils.translation import gettext as _

from linkwork.directory.search_backend import SearchHit
from linkwork.directory.taxonomy import default_taxonomy_data
from linkwork.search.models import SearchDocument
from linkwork.search.query import ParsedQuery, stem, words


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
    own_words = _own_words([h.service_id for h in hits], set(typed))
    for hit in hits:
        c = candidates[hit.service_id]
        doc = docs.get(hit.service_id)
        why: list[str] = []
        matched: list[str] = []
        if doc is not None and "lexical" in c.ranks:
            doc_words = set(
                " ".join(
                    doc[k]
                    for k in ("name_text", "taxonomy_text", "summary_text", "description_text")
                ).split()
            )
            own = own_words.get(hit.service_id, {})
            matched = [own.get(s, typed[s]) for s in typed if s in doc_words and s in own]
            matched += [
                parsed.labels.get(p, " ".join(p))
                for p in parsed.expansions
                if all(w in doc_words for w in p)
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
        if parsed.text and not matched:
            why.insert(0, _("Related to what you asked"))
        if explain:
            detail = ", ".join(f"{k} #{r}" for k, r in sorted(c.ranks.items()))
            if c.similarity is not None:
                detail += f", similarity {c.similarity:.2f}"
            why.append(_("Ranking: %(detail)s") % {"detail": detail})
        hit.why = why


def _own_words(service_ids: list[uuid.UUID], stems: set[str]) -> dict[uuid.UUID, dict[str, str]]:
    """For each service, the first of its own words (name, summary, description, categories)
    having each of the stems (one query for the page)."""
    from linkwork.directory.models import Service

    if not stems:
        return {}
    out: dict[uuid.UUID, dict[str, str]] = {}
    rows = (
        Service.objects.filter(id__in=service_ids)
        .order_by()
        .values_list("id", "name", "alternate_name", "summary", "description")
    )
    for sid, *texts in rows:
        found: dict[str, str] = {}
        for word in words(" ".join(t or "" for t in texts)):
            s = stem(word)
            if s in stems and s not in found:
                found[s] = word
        out[sid] = found
    return out
