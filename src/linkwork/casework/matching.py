"""Finding services for a case: the search app's what-matters matcher when it is there, the
directory's search otherwise. Returns (service, why) pairs grouped under a heading."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Suggestion:
    heading: str
    services: list[tuple[Any, list[str]]] = field(default_factory=list)


def suggest_services(
    *, text: str, postcode: str = "", age: int | None = None, exclude_ids: tuple = ()
) -> list[Suggestion]:
    from linkwork.directory.models import Service

    groups: list[tuple[str, list[Any]]] = []
    try:
        from linkwork.search.matcher import match_what_matters  # type: ignore[import-not-found]
    except ImportError:
        match_what_matters = None
    if match_what_matters is not None:
        for group in match_what_matters(
            text=text, postcode=postcode, age=age, exclude_service_ids=exclude_ids, per_need=5
        ):
            groups.append((str(group.label), list(group.hits)))
    else:
        from linkwork.directory.search_backend import SearchParams, search

        page = search(
            SearchParams(
                q=text, postcode=postcode, age=age, per_page=10, exclude_ids=tuple(exclude_ids)
            )
        )
        groups.append(("", list(page.hits)))
    ids = {hit.service_id for _label, hits in groups for hit in hits}
    services = Service.objects.select_related("organization").in_bulk(list(ids))
    out = []
    for label, hits in groups:
        rows = [
            (services[h.service_id], list(h.why or [])) for h in hits if h.service_id in services
        ]
        out.append(Suggestion(label, rows))
    return out
