"""Who may do what in casework: declared once in the core policy (linkwork.core.policy).

Every casework service calls ``policy.check(actor, <action>, <object>)`` once, first; every
list comes from ``policy.scope_queryset`` (see ``casework.selectors``); every page, API
operation and FHIR interaction is declared below with the action that guards it, so the
permission matrix test can hold each one to its rule. Imported from CaseworkConfig.ready.

Scopes, in words:

- a person's record, and everything recorded about the person (consents, safeguarding
  concerns, household links, outcomes), belongs to the GP practice that holds the record
  (``Person.gp_practice``): a referral from another practice never reaches it (decision
  record 0004);
- a case and everything on it belongs to the practice that holds the case;
- a referral is followed by the organisation that made it (practice or agency) and worked by
  the practice that holds its case;
- a supported referral to a community service is answered by the receiving organisation.
"""

from __future__ import annotations

from linkwork.casework.models import (
    Case,
    Consent,
    Discharge,
    Encounter,
    Goal,
    HouseholdLink,
    Person,
    Referral,
    SafeguardingConcern,
    ServiceLink,
    WhatMatters,
)
from linkwork.core.policy import Rule, Scope, declare_urls, define, register_scope
from linkwork.core.roles import PUBLIC, Role

LW, PS, CE, PM, AD = (
    Role.LINK_WORKER,
    Role.PRACTICE_STAFF,
    Role.COMMUNITY_EDITOR,
    Role.PROGRAMME_MANAGER,
    Role.ADMIN,
)
OWN, PROGRAMME, ANY = Scope.OWN_ORGANISATION, Scope.OWN_PROGRAMME, Scope.ANY

register_scope(Person, organisations=("gp_practice_id",))
register_scope(Consent, organisations=("person__gp_practice_id",))
register_scope(HouseholdLink, organisations=("person__gp_practice_id",))
register_scope(SafeguardingConcern, organisations=("person__gp_practice_id",))
register_scope(Referral, organisations=("case__practice_id",))
register_scope(Case, organisations=("practice_id",), owner="link_worker_id")
register_scope(Encounter, organisations=("case__practice_id",))
register_scope(WhatMatters, organisations=("case__practice_id",))
register_scope(Goal, organisations=("case__practice_id",))
register_scope(Discharge, organisations=("case__practice_id",))
register_scope(ServiceLink, organisations=("case__practice_id",))

#: Read a record: the link workers of its practice, the managers of its programme, admins.
READ = (Rule(LW, OWN), Rule(PM, PROGRAMME), Rule(AD, ANY))
#: Write to a record: the link workers of its practice, admins.
WORK = (Rule(LW, OWN), Rule(AD, ANY))

# People and person-level data (object: Person unless said otherwise)
define("casework.view_person", *READ)
define("casework.register_person", *WORK)  # object: the practice that will hold the record
define("casework.edit_person", *WORK)
define("casework.merge_people", Rule(PM, PROGRAMME), Rule(AD, ANY))  # both records
define("casework.link_household", *WORK)  # both people
define("casework.record_consent", *WORK)
define("casework.raise_concern", *WORK)
define("casework.close_concern", *WORK)  # object: SafeguardingConcern

# Referrals in (object: the referring organisation; practice or agency)
define("casework.refer", Rule(PS, OWN), Rule(AD, ANY))
define("casework.self_refer", Rule(PUBLIC))
define(
    "casework.view_referral",
    *READ,
    Rule(PS, OWN, via=("referring_organisation_id",)),
)
define(
    "casework.list_referrals_made",
    Rule(PS, OWN, via=("referring_organisation_id",)),
    Rule(AD, ANY),
)

# Cases (object: Case)
define("casework.view_case", *READ)
define("casework.view_caseload", Rule(LW, OWN), Rule(AD, ANY))
define("casework.view_triage", *READ)
define("casework.triage", *WORK)
define("casework.allocate", *WORK)
define("casework.transition_case", *WORK)
define("casework.record_encounter", *WORK)
define("casework.record_what_matters", *WORK)
define("casework.add_goal", *WORK)
define("casework.rate_goal", *WORK)  # object: Goal
define("casework.set_goal_status", *WORK)  # object: Goal
define("casework.discharge", *WORK)
define(
    "casework.view_discharge",  # object: Discharge (the letter back to the GP and referrer)
    *READ,
    Rule(PS, OWN, via=("case__referral__referring_organisation_id",)),
)

# Links to community services (object: Case for a new link, ServiceLink for a move)
define("casework.find_services", *WORK)
define("casework.link", *WORK)
define("casework.update_link_status", *WORK)
define(
    "casework.respond_to_link",
    Rule(CE, OWN, via=("receiving_organisation_id",)),
    Rule(AD, ANY),
)
define("casework.view_portal", Rule(CE, OWN, via=("receiving_organisation_id",)), Rule(AD, ANY))

declare_urls(
    {
        "casework:referral_new": "casework.refer",
        "casework:agency_referral_new": "casework.refer",
        "casework:practice_referrals": "casework.list_referrals_made",
        "casework:self_referral": "casework.self_refer",
        "casework:self_referral_done": "casework.self_refer",
        "casework:self_referral_easy_read": "casework.self_refer",
        "casework:caseload": "casework.view_caseload",
        "casework:triage": "casework.view_triage",
        "casework:triage_case": "casework.triage",
        "casework:person_detail": "casework.view_person",
        "casework:person_edit": "casework.edit_person",
        "casework:person_merge": "casework.merge_people",
        "casework:consent_new": "casework.record_consent",
        "casework:concern_new": "casework.raise_concern",
        "casework:household_new": "casework.link_household",
        "casework:concern_close": "casework.close_concern",
        "casework:case_detail": "casework.view_case",
        "casework:case_transition": "casework.transition_case",
        "casework:encounter_new": "casework.record_encounter",
        "casework:what_matters_new": "casework.record_what_matters",
        "casework:goal_new": "casework.add_goal",
        "casework:goal_rate": "casework.rate_goal",
        "casework:goal_status": "casework.set_goal_status",
        "casework:find_services": "casework.find_services",
        "casework:link_update": "casework.update_link_status",
        "casework:discharge_new": "casework.discharge",
        "casework:discharge_letter": "casework.view_discharge",
        "casework:discharge_letter_pdf": "casework.view_discharge",
        "casework:portal": "casework.view_portal",
        "casework:portal_link": "casework.respond_to_link",
        # FHIR (bearer tokens only)
        "fhir:metadata": "casework.fhir_metadata",
        "fhir:service_request": "casework.refer",
        "fhir:task": "casework.view_referral",
        "fhir:task_search": "casework.view_referral",
        "fhir:service_request_read": "casework.view_referral",
        "fhir:service_request_vread": "casework.view_referral",
        "fhir:patient": "casework.view_referral",
        "fhir:communication": "casework.view_discharge",
        "fhir:communication_search": "casework.view_discharge",
        "fhir:organization": "casework.fhir_read_organisation",
        "fhir:unknown": "casework.fhir_metadata",
        # JSON API
        "GET /api/v1/people": "casework.view_person",
        "POST /api/v1/people": "casework.register_person",
        "POST /api/v1/people/search": "casework.view_person",
        "GET /api/v1/people/{person_id}": "casework.view_person",
        "PATCH /api/v1/people/{person_id}": "casework.edit_person",
        "GET /api/v1/referrals": "casework.view_referral",
        "POST /api/v1/referrals": "casework.refer",
        "GET /api/v1/referrals/{referral_id}": "casework.view_referral",
        "GET /api/v1/cases": "casework.view_case",
        "GET /api/v1/cases/{case_id}": "casework.view_case",
        "POST /api/v1/cases/{case_id}/transitions": "casework.transition_case",
        "GET /api/v1/cases/{case_id}/encounters": "casework.view_case",
        "POST /api/v1/cases/{case_id}/encounters": "casework.record_encounter",
        "GET /api/v1/cases/{case_id}/goals": "casework.view_case",
        "POST /api/v1/cases/{case_id}/goals": "casework.add_goal",
        "POST /api/v1/goals/{goal_id}/progress": "casework.rate_goal",
        "GET /api/v1/cases/{case_id}/links": "casework.view_case",
        "POST /api/v1/cases/{case_id}/links": "casework.link",
        "GET /api/v1/portal/links": "casework.view_portal",
        "POST /api/v1/portal/links/{link_id}/status": "casework.respond_to_link",
    }
)
define("casework.fhir_metadata", Rule(PUBLIC))  # the CapabilityStatement: nothing personal
#: Organisations (practices, agencies) are not personal data: any staff account may read them.
define("casework.fhir_read_organisation", *(Rule(role) for role in Role))
