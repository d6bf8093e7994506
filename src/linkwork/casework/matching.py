"""Finding services for a case: the search app's what-matters matcher (grouped by need), and
the directory search when the matcher finds nothing (or is not installed). Services already
linked on the case are left out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Suggestion:
    heading: str
    services: list[tuple[Any, list[str]]] = field(default_factory=list)


def _matcher_groups(**kwargs: Any) -> list[tuple[str, list[Any]]]:
    try:
        from linkwork.search.matcher import match_what_matters
    except ImportError:
        return []
    return [(str(g.label), list(g.hits)) for g in match_what_matters(**kwargs) if g.hits]


def suggest_services(
    *, text: str, postcode: str = "", age: int | None = None, exclude_ids: Iterable[Any] = ()
) -> list[Suggestion]:
    from linkwork.directory.models import Service
    from linkwork.directory.search_backend import SearchParams, search

    excluded = tuple(exclude_ids)
    groups = _matcher_groups(
        text=text, postcode=postcode, age=age, exclude_service_ids=excluded, per_need=5
    )
    if not groups:
        page = search(SearchParams(q=text, postcode=postcode, per_page=10, exclude_ids=excluded))
        if page.hits:
            groups = [("", list(page.hits))]
    ids = {hit.service_id for _label, hits in groups for hit in hits}
    services = Service.objects.select_related("organization").in_bulk(list(ids))
    return [
        Suggestion(
            label,
            [(services[h.service_id], list(h.why or [])) for h in hits if h.service_id in services],
        )
        for label, hits in groups
    ]
