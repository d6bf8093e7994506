"""Probable duplicate services: similar name, same postcode, phone or website (rapidfuzz).

Candidates are blocked by postcode, phone digits, website host or name start, so checking a
new service costs a few small queries, not a scan of the directory.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from typing import Any
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
    """Score (0-100) and reasons that two services (dicts of name, postcode, phones, host)
    are the same thing. A similar name is needed, and something else in common unless the
    names are the same."""
    name = fuzz.token_sort_ratio(a["name"].lower(), b["name"].lower())
    reasons = []
    if a["postcode"] and a["postcode"] == b["postcode"]:
        reasons.append("postcode")
    if set(a["phones"]) & set(b["phones"]):
        reasons.append("phone")
    if a["host"] and a["host"] == b["host"]:
        reasons.append("website")
    if name < 85 or (name < 100 and not reasons):
        return 0.0, []
    return min(100.0, name * 0.7 + 10 * len(reasons) + (10 if name == 100 else 0)), [
        "name",
        *reasons,
    ]


def _profiles(ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, dict]:
    ids = list(ids)
    out: dict[uuid.UUID, dict[str, Any]] = {
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


def _keys(p: dict) -> list[str]:
    keys = [f"n:{p['name'].lower()[:6]}"]
    if p["postcode"]:
        keys.append(f"p:{p['postcode']}")
    keys += [f"t:{d}" for d in p["phones"]]
    if p["host"]:
        keys.append(f"h:{p['host']}")
    return keys


def flag_duplicates_among(*, service_ids: list[uuid.UUID], block_limit: int = 50) -> int:
    """Flag probable duplicates of newly imported services, in bulk.

    Services are grouped by name start, postcode, phone and website; each new service is
    compared only with the members of its groups (groups larger than `block_limit`, such as a
    shared office postcode, are skipped for that key)."""
    everyone: dict[uuid.UUID, dict] = {}
    for r in Service.objects.values("id", "name", "postcode", "url").iterator(chunk_size=2000):
        everyone[r["id"]] = {**r, "phones": [], "host": _host(r["url"])}
    phones = Phone.objects.filter(service__isnull=False).values_list("service_id", "number")
    for service_id, number in phones.iterator(chunk_size=2000):
        if service_id in everyone and _digits(number):
            everyone[service_id]["phones"].append(_digits(number))
    blocks: dict[str, list[uuid.UUID]] = {}
    for sid, p in everyone.items():
        for key in _keys(p):
            blocks.setdefault(key, []).append(sid)
    new_flags = []
    seen: set[tuple[uuid.UUID, uuid.UUID]] = set()
    for sid in service_ids:
        me = everyone.get(sid)
        if me is None:
            continue
        for key in _keys(me):
            members = blocks.get(key, [])
            if len(members) > block_limit:
                continue
            for other in members:
                pair = tuple(sorted([sid, other]))
                if other == sid or pair in seen:
                    continue
                seen.add(pair)  # type: ignore[arg-type]
                score, reasons = similarity(me, everyone[other])
                if score >= THRESHOLD:
                    new_flags.append(
                        DuplicateFlag(
                            service_id=pair[0], other_id=pair[1], score=score, reasons=reasons
                        )
                    )
    DuplicateFlag.objects.bulk_create(new_flags, batch_size=500, ignore_conflicts=True)
    return len(new_flags)
