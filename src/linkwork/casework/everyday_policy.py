"""Actions of the everyday casework pages (own case list, find a person, managers' oversight
and reallocation), declared in the one policy. Object scope comes from the scoped selectors
(``linkwork.casework.selectors``); the policy answers which roles may use each page."""

from __future__ import annotations

from linkwork.core.policy import Rule, Scope, declare_urls, define
from linkwork.core.roles import Role

LIST_OWN_CASES = "casework.list_own_cases"
FIND_PERSON = "casework.find_person"
OVERSEE_CASELOADS = "casework.oversee_caseloads"
REALLOCATE_CASE = "casework.reallocate_case"

define(LIST_OWN_CASES, Rule(Role.LINK_WORKER, Scope.SELF))
define(
    FIND_PERSON,
    Rule(Role.LINK_WORKER, Scope.OWN_ORGANISATION),
    Rule(Role.PROGRAMME_MANAGER, Scope.OWN_PROGRAMME),
)
define(
    OVERSEE_CASELOADS,
    Rule(Role.PROGRAMME_MANAGER, Scope.OWN_PROGRAMME),
    Rule(Role.ADMIN, Scope.ANY),
)
define(
    REALLOCATE_CASE, Rule(Role.PROGRAMME_MANAGER, Scope.OWN_PROGRAMME), Rule(Role.ADMIN, Scope.ANY)
)

declare_urls(
    {
        "casework:my_cases": LIST_OWN_CASES,
        "casework:find_person": FIND_PERSON,
        "casework:oversight": OVERSEE_CASELOADS,
        "casework:oversight_worker": OVERSEE_CASELOADS,
        "casework:reallocate": REALLOCATE_CASE,
        "casework:practice_letter": "casework.view_discharge",
        "casework:practice_letter_pdf": "casework.view_discharge",
        "casework:concern_keep_open": "casework.close_concern",
    }
)
