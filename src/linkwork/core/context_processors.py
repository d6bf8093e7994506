"""Navigation by role, built from URL names so an item appears once its app provides it."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from linkwork.core.roles import PUBLIC, Role

# (label, url name, roles that see it; PUBLIC = everyone)
NAV_ITEMS: list[tuple[Any, str, tuple[str, ...]]] = [
    (_("Find services"), "directory:search", (PUBLIC,)),
    (_("My list"), "directory:my_list", (PUBLIC,)),
    (_("Caseload"), "casework:caseload", (Role.LINK_WORKER,)),
    (_("Caseloads"), "casework:oversight", (Role.PROGRAMME_MANAGER,)),
    (_("Triage"), "casework:triage", (Role.LINK_WORKER, Role.PROGRAMME_MANAGER)),
    (_("Find a person"), "casework:find_person", (Role.LINK_WORKER, Role.PROGRAMME_MANAGER)),
    (_("Refer a person"), "casework:referral_new", (Role.PRACTICE_STAFF,)),
    (_("Our referrals"), "casework:practice_referrals", (Role.PRACTICE_STAFF,)),
    (_("Our organisation"), "directory:editor_dashboard", (Role.COMMUNITY_EDITOR,)),
    (_("Referrals to us"), "casework:portal", (Role.COMMUNITY_EDITOR,)),
    (_("Moderation"), "directory:moderation_queue", (Role.PROGRAMME_MANAGER,)),
    (_("Outcome measures"), "outcomes:instrument_list", (Role.LINK_WORKER, Role.ANALYST)),
    (_("Insight"), "insight:dashboard", (Role.PROGRAMME_MANAGER, Role.ANALYST)),
    (_("Engagement"), "engagement:consultation_list", (Role.PROGRAMME_MANAGER, Role.ANALYST)),
    (
        _("Network"),
        "network:home",
        (
            Role.LINK_WORKER,
            Role.PRACTICE_STAFF,
            Role.COMMUNITY_EDITOR,
            Role.PROGRAMME_MANAGER,
            Role.ANALYST,
            Role.DPO,
        ),
    ),
    (_("Data protection"), "governance:dashboard", (Role.DPO,)),
    (_("Administration"), "admin:index", (Role.ADMIN,)),
]


def nav_items_for(user: Any) -> list[dict[str, str]]:
    items = []
    for label, name, roles in NAV_ITEMS:
        if PUBLIC not in roles and not (user.is_authenticated and user.has_role(*roles)):
            continue
        if name == "admin:index" and not user.is_staff:
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        items.append({"label": str(label), "url": url, "name": name})
    return items


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    items = nav_items_for(user)
    current = current_item(request.path, [item["url"] for item in items])
    for item in items:
        item["current"] = "true" if item["url"] == current else ""
    return {"nav_items": items}


def current_item(path: str, urls: list[str]) -> str | None:
    """The one menu entry a page belongs to: the longest entry URL the path starts with (so
    "/casework/triage/" highlights Triage, not Caseload at "/casework/" as well)."""
    matching = [url for url in urls if url != "/" and path.startswith(url)]
    return max(matching, key=len) if matching else None
