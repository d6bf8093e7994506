"""Linkwork's wellbeing taxonomy (a reviewed data file) and mapping other taxonomies onto it.

Term ids are UUIDs derived from the taxonomy id and the term code, so every installation
gives a category the same id and HSDS exports from two sites agree.
"""

from __future__ import annotations

import json
import uuid
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_TAXONOMY_FILE = DATA_DIR / "wellbeing_taxonomy.json"
ALISS_MAP_FILE = DATA_DIR / "aliss_category_map.json"
ALISS_TAXONOMY_ID = uuid.UUID("0d8a4e0e-5a5c-5d5f-a1b2-a1155a11c47e")


@cache
def default_taxonomy_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DEFAULT_TAXONOMY_FILE.read_text(encoding="utf-8"))
    return data


def default_taxonomy_id() -> uuid.UUID:
    return uuid.UUID(default_taxonomy_data()["taxonomy"]["id"])


def term_id(taxonomy_id: uuid.UUID, code: str) -> uuid.UUID:
    return uuid.uuid5(taxonomy_id, code)


def category_codes() -> list[str]:
    return [t["code"] for t in default_taxonomy_data()["terms"]]


def load_default_taxonomy(taxonomy_model: Any, term_model: Any) -> int:
    """Create or update our taxonomy and its terms. Takes models so migrations can call it."""
    data = default_taxonomy_data()
    meta = data["taxonomy"]
    tax_id = uuid.UUID(meta["id"])
    taxonomy_model.objects.update_or_create(
        id=tax_id,
        defaults={
            "name": meta["name"],
            "description": meta["description"],
            "uri": meta["uri"],
            "version": meta["version"],
            "is_default": True,
        },
    )
    for position, term in enumerate(data["terms"]):
        term_model.objects.update_or_create(
            id=term_id(tax_id, term["code"]),
            defaults={
                "taxonomy_ref_id": tax_id,
                "taxonomy": meta["name"],
                "code": term["code"],
                "name": term["name"],
                "description": term["description"],
                "synonyms": term["synonyms"],
                "language": "en",
                "position": position,
            },
        )
    return len(data["terms"])


def _normal(text: str) -> str:
    return " ".join(text.lower().replace("&", "and").replace("-", " ").split())


@cache
def _our_words() -> dict[str, str]:
    """Normalised code, name and synonyms of each of our categories -> its code."""
    words: dict[str, str] = {}
    for term in default_taxonomy_data()["terms"]:
        for w in [term["code"], term["name"], *term["synonyms"]]:
            words.setdefault(_normal(w), term["code"])
    return words


def guess_category(*, code: str = "", name: str = "") -> str | None:
    """Our category code for a foreign term whose code or name is one of our words."""
    for candidate in (code, name):
        if candidate:
            found = _our_words().get(_normal(candidate))
            if found:
                return found
    return None


@cache
def aliss_map() -> dict[str, str | None]:
    data = json.loads(ALISS_MAP_FILE.read_text(encoding="utf-8"))
    mapping: dict[str, str | None] = data["map"]
    return mapping


@cache
def aliss_parents() -> dict[str, str | None]:
    data = json.loads(ALISS_MAP_FILE.read_text(encoding="utf-8"))
    parents: dict[str, str | None] = data.get("parents", {})
    return parents


def aliss_category_for(slug: str, parents: dict[str, str | None] | None = None) -> str | None:
    """Our code for an ALISS category slug: its own mapping or its nearest mapped ancestor."""
    mapping = aliss_map()
    parents = parents if parents is not None else aliss_parents()
    seen: set[str] = set()
    current: str | None = slug
    while current and current not in seen:
        seen.add(current)
        if current in mapping:
            return mapping[current]
        current = parents.get(current)
    return guess_category(code=slug)


def import_aliss_categories(path: Path) -> dict[str, int]:
    """Load the ALISS category tree (Django fixture format) as a taxonomy mapped to ours."""
    from django.db import transaction

    from linkwork.directory.models import Taxonomy, TaxonomyTerm

    rows = json.loads(Path(path).read_text(encoding="utf-8"))
    by_pk = {r["pk"]: r["fields"] for r in rows if r.get("model") == "aliss.category"}
    parents = {
        f["slug"]: (by_pk[f["parent"]]["slug"] if f.get("parent") in by_pk else None)
        for f in by_pk.values()
    }
    ours = {
        t.code: t.id for t in TaxonomyTerm.objects.filter(taxonomy_ref_id=default_taxonomy_id())
    }
    mapped = unmapped = 0
    with transaction.atomic():
        Taxonomy.objects.update_or_create(
            id=ALISS_TAXONOMY_ID,
            defaults={
                "name": "ALISS",
                "description": "Categories of ALISS, Scotland's national directory of community "
                "services (A Local Information System for Scotland).",
                "uri": "https://www.aliss.org",
            },
        )
        for fields in by_pk.values():
            code = aliss_category_for(fields["slug"], parents)
            target = ours.get(code) if code else None
            mapped += target is not None
            unmapped += target is None
            TaxonomyTerm.objects.update_or_create(
                id=term_id(ALISS_TAXONOMY_ID, fields["slug"]),
                defaults={
                    "taxonomy_ref_id": ALISS_TAXONOMY_ID,
                    "taxonomy": "ALISS",
                    "code": fields["slug"],
                    "name": fields["name"],
                    "description": fields["name"],
                    "maps_to_id": target,
                },
            )
        for fields in by_pk.values():
            parent = parents.get(fields["slug"])
            if parent:
                TaxonomyTerm.objects.filter(id=term_id(ALISS_TAXONOMY_ID, fields["slug"])).update(
                    parent_id=term_id(ALISS_TAXONOMY_ID, parent)
                )
    return {"terms": len(by_pk), "mapped": mapped, "unmapped": unmapped}
