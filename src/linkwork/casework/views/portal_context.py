"""What the community organisation's referral list shows: the groups with their true counts,
the filter choices and the page."""

from __future__ import annotations

from typing import Any

from linkwork.casework.paged_lists import PORTAL_GROUPS, PORTAL_SORTS, PortalFilter, PortalList


def portal_context(listing: PortalList, choice: PortalFilter) -> dict[str, Any]:
    return {
        "page": listing.page,
        "choice": choice,
        "groups": [
            {
                "code": code,
                "label": label,
                "count": listing.counts[code],
                "query": choice.query_string(show=code),
                "current": code == choice.group,
            }
            for code, (label, _statuses) in PORTAL_GROUPS.items()
        ],
        "group_label": PORTAL_GROUPS[choice.group][0],
        "services": [(str(pk), name) for pk, name in listing.services],
        "sorts": [(code, label) for code, (label, _order) in PORTAL_SORTS.items()],
        "pager_query": choice.query_string(),
    }
