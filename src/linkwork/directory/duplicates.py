"""Probable duplicate services: similar name, same postcode, phone or website (rapidfuzz).

Candidates are blocked by postcode, phone digits, website host or name start, so checking a
new service costs a few small queries, not a scan of the directory.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from urllib.parse import urlparse

from django.db.models import Q
from rapidfuzz import fuzz

from linkwork.directory.models import DuplicateFlag, Phone, Service

THRESHOLD = 80.0


def _digits(number: str) -> str:
    d = re.sub(r"\D", "", number or "")
    return d[-10:]


def _host(url: str) -> str:
    host = urlparse(url if "//" in (url or "") else f"//{url}").netloc.lower()
    return host.removeprefix("www.")


def similarity(a: dict, b: dict) -> tuple[float, list[str]]:
    """Score (0-100) and reasons that two services (dicts of name, postcode, phones, url)
    are the same thing."""
    reasons = []
    name = fuzz.token_set_ratio(a["name"].lower(), b["name"].lower())
    score = name * 0.6
    if name >= 85:
        reasons.append("name")
    if a["postcode"] and a["postcode"] == b["postcode"]:
        score += 20
        reasons.append("postcode")
    if set(a["phones"]) & set(b["phones"]):
        score += 20
        reasons.append("phone")
    if a["host"] and a["host"] == b["host"]:
        score += 15
        reasons.append("website")
    return min(score, 100.0), reasons


def _profiles(ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, dict]:
    ids = list(ids)
    out = {
        r["id"]: {**r, "phones": [], "host": _host(r["url"])}
        for r in Service.objects.filter(id__in=ids).values("id", "name", "postcode", "url")
    }
    for service_id, number in Phone.objects.filter(service_id__in=ids).values_list(
        "service_id", "number"
    ):
        if _digits(number):
            out[service_id]["phones"].append(_digits(number))
    return out


def candidates_for(service_id: uuid.UUID) -> list[tuple[uuid.UUID, float, list[str]]]:
    """Other services that probably are this one, best first."""
    me = _profiles([service_id]).get(service_id)
    if me is None:
        return []
    block = Q(name__istartswith=me["name"][:4])
    if me["postcode"]:
        block |= Q(postcode=me["postcode"])
    if me["host"]:
        block |= Q(url__icontains=me["host"])
    ids = list(
        Service.objects.filter(block).exclude(id=service_id).values_list("id", flat=True)[:200]
    )
    if me["phones"]:
        ids += list(
            Phone.objects.filter(number__icontains=me["phones"][0][-6:], service__isnull=False)
            .exclude(service_id=service_id)
            .values_list("service_id", flat=True)[:50]
        )
    found = []
    for other_id, other in _profiles(set(ids)).items():
        score, reasons = similarity(me, other)
        if score >= THRESHOLD:
            found.append((other_id, score, reasons))
    return sorted(found, key=lambda x: -x[1])


def flag(service_id: uuid.UUID) -> int:
    """Record open duplicate flags for a service; returns how many were new."""
    new = 0
    for other_id, score, reasons in candidates_for(service_id):
        a, b = sorted([service_id, other_id])
        _, created = DuplicateFlag.objects.get_or_create(
            service_id=a, other_id=b, defaults={"score": score, "reasons": reasons}
        )
        new += created
    return new


def flag_duplicates_among(*, service_ids: list[uuid.UUID], limit: int = 5000) -> int:
    """Flag duplicates for newly imported services (up to `limit`, to bound import time)."""
    return sum(flag(sid) for sid in service_ids[:limit])
