"""Who may search, declared in the core policy (linkwork.core.policy).

Searching the directory is public (services are public data). Matching what matters to a
person to services is for link workers: the text is about a person, used for the answer only.
"""

from __future__ import annotations

from linkwork.core.policy import Rule, declare_urls, define
from linkwork.core.roles import PUBLIC, Role

SEARCH_SERVICES = "search.search_services"
MATCH_WHAT_MATTERS = "search.match_what_matters"

define(SEARCH_SERVICES, Rule(PUBLIC))
define(MATCH_WHAT_MATTERS, Rule(Role.LINK_WORKER))

declare_urls(
    {
        "GET /api/v1/search": SEARCH_SERVICES,
        "POST /api/v1/match": MATCH_WHAT_MATTERS,
    }
)
