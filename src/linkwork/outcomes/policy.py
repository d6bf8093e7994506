"""Who may do what in outcomes: declared in the core policy (linkwork.core.policy).

Scores and answers are health data about a person, so they are scoped like the rest of the
person's record: by the GP practice that holds it (``Person.gp_practice``). Imported from
OutcomesConfig.ready.
"""

from __future__ import annotations

from linkwork.core.policy import Rule, Scope, declare_urls, define, register_scope
from linkwork.core.roles import PUBLIC, Role
from linkwork.outcomes.models import Administration, SelfCompletionLink

register_scope(Administration, organisations=("person__gp_practice_id",))
register_scope(SelfCompletionLink, organisations=("person__gp_practice_id",))

LW, PM, AD = Role.LINK_WORKER, Role.PROGRAMME_MANAGER, Role.ADMIN
OWN, PROGRAMME, ANY = Scope.OWN_ORGANISATION, Scope.OWN_PROGRAMME, Scope.ANY

# Object: the Person (casework) for person-level pages, Administration for one result.
define("outcomes.view_person_outcomes", Rule(LW, OWN), Rule(PM, PROGRAMME), Rule(AD, ANY))
define("outcomes.record", Rule(LW, OWN), Rule(AD, ANY))
define("outcomes.view_instruments", Rule(LW), Rule(Role.ANALYST), Rule(AD))
define("outcomes.manage_licences", Rule(AD))
define("outcomes.self_complete", Rule(PUBLIC))  # the one-time link is the credential
define("outcomes.score", Rule(PUBLIC))  # item values in, scores out: nothing personal

declare_urls(
    {
        "outcomes:instrument_list": "outcomes.view_instruments",
        "outcomes:licence_notes": "outcomes.manage_licences",
        "outcomes:instrument_detail": "outcomes.view_instruments",
        "outcomes:person_outcomes": "outcomes.view_person_outcomes",
        "outcomes:administer": "outcomes.record",
        "outcomes:self_link_new": "outcomes.record",
        "outcomes:administration_detail": "outcomes.view_person_outcomes",
        "outcomes:self_complete": "outcomes.self_complete",
        "GET /api/v1/outcomes/instruments": "outcomes.score",
        "GET /api/v1/outcomes/instruments/{code}": "outcomes.score",
        "POST /api/v1/outcomes/score": "outcomes.score",
    }
)
