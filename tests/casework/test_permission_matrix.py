"""Every casework and outcomes page, API operation and FHIR interaction x every role x own
practice / another practice of the programme / another programme / a member who has left,
for reads and writes, held to the rule its action declares in the core policy.

How it works:

- each app declares which action guards each of its URL names and API operations with
  ``linkwork.core.policy.declare_urls`` (casework/policy.py, outcomes/policy.py; insight,
  engagement, network and governance declare theirs in their own policy.py);
- ``test_every_url_and_api_operation_names_its_action`` fails for any URL pattern or API
  operation that is not declared (apps outside casework/outcomes that predate the policy are
  listed in ``NOT_YET_DECLARED``; that list may only shrink);
- ``test_permission_matrix`` requests each casework/outcomes/FHIR entry of ``ENDPOINTS`` as
  every actor and expects: signed out -> login page (pages) or 401 (API, FHIR); no role the
  action allows -> 403; a role but the object outside its scope -> 403/404 and, for writes,
  nothing written; otherwise the request gets past authorisation (200 for reads);
- ``SPOT_CHECKS`` pins the policy itself for the cells that matter most, so a rule cannot be
  loosened without a test saying so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import models
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from linkwork.api import api
from linkwork.casework import services
from linkwork.casework.fhir import last_updated as fhir_last_updated
from linkwork.casework.fhir_server import version_of
from linkwork.casework.guards import service_writes
from linkwork.core import policy
from linkwork.core.models import AuditEntry, Membership
from linkwork.core.roles import Role
from linkwork.core.tokens import create_token
from linkwork.outcomes import services as outcome_services
from tests.casework.factories import (
    CaseFactory,
    CommunityOrgFactory,
    GoalFactory,
    PracticeFactory,
    make_service,
)
from tests.casework.test_fhir import service_request
from tests.core.factories import OrganisationFactory, make_user

pytestmark = pytest.mark.django_db

ACTORS = [
    "anonymous",
    "lw_own",
    "lw_sister",
    "lw_far",
    "lw_stale",
    "staff_own",
    "staff_far",
    "staff_stale",
    "editor_own",
    "editor_far",
    "editor_stale",
    "manager_own",
    "manager_far",
    "manager_stale",
    "analyst",
    "dpo",
    "admin",
]

#: URL names not yet declared (the search API, declared by the search app's own policy).
#: Frozen: a new URL anywhere must be declared with ``policy.declare_urls``.
NOT_YET_DECLARED: set[str] = set()
#: Whole namespaces outside the policy's reach: Django admin (its own permission system),
#: the HSDS API (public directory data) and the API documents themselves.
OUTSIDE_NAMESPACES = ("admin:", "api-v1:", "hsds:", "api-hsds:")


def _walk(patterns: list[Any], namespace: str, prefix: str) -> list[str]:
    out: list[str] = []
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            out += _walk(p.url_patterns, ns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            out.append(f"{namespace}{p.name}" if p.name else prefix + str(p.pattern))
    return out


def all_url_keys() -> set[str]:
    """Every URL pattern (by namespaced name) and every application API operation."""
    keys = {
        k
        for k in _walk(get_resolver().url_patterns, "", "")
        if not k.startswith(OUTSIDE_NAMESPACES)
    }
    for path, operations in api.get_openapi_schema()["paths"].items():
        keys |= {f"{method.upper()} {path}" for method in operations}
    return {k for k in keys if not k.startswith(("api/", "admin/"))}


def test_every_url_and_api_operation_names_its_action() -> None:
    keys = all_url_keys()  # loads every URLconf first: some apps declare beside their patterns
    declared = policy.url_actions()
    missing = sorted(keys - set(declared) - NOT_YET_DECLARED)
    assert not missing, (
        "declare these with linkwork.core.policy.declare_urls in your app's policy.py: "
        + ", ".join(missing)
    )
    undefined = sorted({a for a in declared.values() if a not in policy.actions()})
    assert not undefined, f"declared URLs name undefined actions: {undefined}"
    stale = sorted(NOT_YET_DECLARED & set(declared))
    assert not stale, f"now declared, remove from NOT_YET_DECLARED: {stale}"


#: API operations other apps hold to their rules in their own tests.
API_TESTED_ELSEWHERE = (
    "/api/v1/insight/",  # tests/insight/test_api.py
    "/api/v1/directory/",  # tests/directory/test_policy_matrix.py
    "/api/v1/places/",  # public reference data: tests/places
    "/api/v1/me",  # the caller's own account: tests/core
    "/api/v1/search",  # public: tests/search/test_api.py
    "/api/v1/match",  # link workers only: tests/search/test_api.py
)


def test_every_casework_and_outcomes_entry_is_in_the_matrix() -> None:
    ours = {
        k
        for k in policy.url_actions()
        if k.split(":")[0] in ("casework", "outcomes", "fhir")
        or ("/api/v1/" in k and not k.split(" ")[1].startswith(API_TESTED_ELSEWHERE))
    }
    assert ours - {e.key for e in ENDPOINTS} == set()


@pytest.fixture
def world() -> dict[str, Any]:
    prog, far_prog = OrganisationFactory(kind="programme"), OrganisationFactory(kind="programme")
    own = PracticeFactory(programme=prog, code="11111")
    sister = PracticeFactory(programme=prog)
    far = PracticeFactory(programme=far_prog)
    c_own, c_far = CommunityOrgFactory(programme=prog), CommunityOrgFactory(programme=far_prog)
    agency = OrganisationFactory(kind="agency", programme=prog)
    users = {
        "lw_own": make_user(Role.LINK_WORKER, organisations=(own,)),
        "lw_sister": make_user(Role.LINK_WORKER, organisations=(sister,)),
        "lw_far": make_user(Role.LINK_WORKER, organisations=(far,)),
        "lw_stale": make_user(Role.LINK_WORKER, organisations=(own,)),
        "staff_own": make_user(Role.PRACTICE_STAFF, organisations=(own,)),
        "staff_far": make_user(Role.PRACTICE_STAFF, organisations=(far,)),
        "staff_stale": make_user(Role.PRACTICE_STAFF, organisations=(own,)),
        "editor_own": make_user(Role.COMMUNITY_EDITOR, organisations=(c_own,)),
        "editor_far": make_user(Role.COMMUNITY_EDITOR, organisations=(c_far,)),
        "editor_stale": make_user(Role.COMMUNITY_EDITOR, organisations=(c_own,)),
        "manager_own": make_user(Role.PROGRAMME_MANAGER, organisations=(prog,)),
        "manager_far": make_user(Role.PROGRAMME_MANAGER, organisations=(far_prog,)),
        "manager_stale": make_user(Role.PROGRAMME_MANAGER, organisations=(prog,)),
        "analyst": make_user(Role.ANALYST, organisations=(prog,)),
        "dpo": make_user(Role.DPO, organisations=(prog,)),
        "admin": make_user(Role.ADMIN),
    }
    lw = users["lw_own"]
    case = CaseFactory(referral__person__gp_practice=own, status="active", link_worker=lw)
    person = case.person
    goal = GoalFactory(case=case)
    services.record_consent(person=person, purpose="sharing", decision="given", actor=lw)
    service = make_service(owner=c_own)
    link = services.create_link(case=case, service_obj=service, kind="supported", actor=lw)
    concern = services.raise_concern(person=person, kind="risk_to_self", actor=lw)
    closed = CaseFactory(referral__person__gp_practice=own, status="active")
    discharge = services.discharge(case=closed, actor=lw, reason="goals_met", summary="Done.")
    duplicate = CaseFactory(
        referral__person__gp_practice=own,
        referral__person__given_name=person.given_name,
        referral__person__family_name=person.family_name,
        referral__person__chi="",
    ).person
    with service_writes():
        administration = outcome_services.administer(
            person=person, instrument="ons4", answers=[5, 5, 5, 5], time_point="baseline", actor=lw
        )
    for who in ("lw_stale", "staff_stale", "editor_stale", "manager_stale"):
        Membership.objects.filter(user=users[who]).delete()  # they have left
    return {
        "users": users,
        "own": own,
        "agency": agency,
        "case": case,
        "person": person,
        "goal": goal,
        "link": link,
        "service": service,
        "concern": concern,
        "closed": closed,
        "discharge": discharge,
        "duplicate": duplicate,
        "administration": administration,
    }


W = dict[str, Any]


@dataclass(frozen=True)
class Endpoint:
    key: str  # URL name or "<METHOD> <path>" as declared in the policy
    url: Callable[[W], str]
    obj: Callable[[W], models.Model | None] = lambda w: None
    method: str = "get"
    body: Callable[[W], Any] | None = None
    kind: str = "page"  # page | api | fhir


def _p(name: str, *args: Callable[[W], Any]) -> Callable[[W], str]:
    return lambda w: reverse(name, args=[a(w) for a in args])


def case_id(w: W) -> int:
    return int(w["case"].pk)


def person_id(w: W) -> int:
    return int(w["person"].pk)


def _case(w: W) -> Any:
    return w["case"]


def _person(w: W) -> Any:
    return w["person"]


NOW = timezone.now().replace(microsecond=0)
PAGE, API, FHIR = "page", "api", "fhir"

ENDPOINTS: list[Endpoint] = [
    # Referrals in
    Endpoint("casework:referral_new", _p("casework:referral_new")),
    Endpoint(
        "casework:referral_new",
        _p("casework:referral_new"),
        lambda w: w["own"],
        "post",
        lambda w: {
            "practice": w["own"].pk,
            "given_name": "Ann",
            "family_name": "Other",
            "reasons": ["social_isolation"],
            "person_agreed": "on",
        },
    ),
    # Refused (403) to practice staff who are not members of an agency.
    Endpoint(
        "casework:agency_referral_new", _p("casework:agency_referral_new"), lambda w: w["agency"]
    ),
    Endpoint("casework:practice_referrals", _p("casework:practice_referrals")),
    Endpoint("casework:self_referral", _p("casework:self_referral")),
    Endpoint("casework:self_referral_done", _p("casework:self_referral_done")),
    Endpoint("casework:self_referral_easy_read", _p("casework:self_referral_easy_read")),
    # Lists
    Endpoint("casework:caseload", _p("casework:caseload")),
    Endpoint("casework:triage", _p("casework:triage")),
    Endpoint("casework:portal", _p("casework:portal")),
    # A person's record and person-level data
    Endpoint("casework:person_detail", _p("casework:person_detail", person_id), _person),
    Endpoint("casework:person_edit", _p("casework:person_edit", person_id), _person),
    Endpoint("casework:person_edit", _p("casework:person_edit", person_id), _person, "post", dict),
    Endpoint("casework:person_merge", _p("casework:person_merge", person_id), _person),
    Endpoint(
        "casework:person_merge",
        _p("casework:person_merge", person_id),
        _person,
        "post",
        lambda w: {"duplicate_id": w["duplicate"].pk},
    ),
    Endpoint("casework:consent_new", _p("casework:consent_new", person_id), _person),
    Endpoint(
        "casework:consent_new",
        _p("casework:consent_new", person_id),
        _person,
        "post",
        lambda w: {"purpose": "sharing", "decision": "withdrawn"},
    ),
    Endpoint("casework:concern_new", _p("casework:concern_new", person_id), _person),
    Endpoint(
        "casework:concern_new",
        _p("casework:concern_new", person_id),
        _person,
        "post",
        lambda w: {"kind": "other", "description": "Worried."},
    ),
    Endpoint(
        "casework:concern_close",
        _p("casework:concern_close", person_id, lambda w: w["concern"].pk),
        lambda w: w["concern"],
        "post",
        lambda w: {"action_taken": "Called the GP."},
    ),
    Endpoint("casework:household_new", _p("casework:household_new", person_id), _person),
    Endpoint(
        "casework:household_new",
        _p("casework:household_new", person_id),
        _person,
        "post",
        lambda w: {"related_person_id": w["duplicate"].pk, "relationship": "parent"},
    ),
    # A case
    Endpoint("casework:case_detail", _p("casework:case_detail", case_id), _case),
    Endpoint("casework:triage_case", _p("casework:triage_case", case_id), _case),
    Endpoint(
        "casework:triage_case",
        _p("casework:triage_case", case_id),
        _case,
        "post",
        lambda w: {"action": "triage", "decision": "triaged", "version": 1},
    ),
    Endpoint(
        "casework:case_transition",
        _p("casework:case_transition", case_id),
        _case,
        "post",
        lambda w: {"to_status": "closed", "version": w["case"].version},
    ),
    Endpoint("casework:encounter_new", _p("casework:encounter_new", case_id), _case),
    Endpoint(
        "casework:encounter_new",
        _p("casework:encounter_new", case_id),
        _case,
        "post",
        lambda w: {
            "occurred_at": NOW.strftime("%Y-%m-%dT%H:%M"),
            "mode": "phone",
            "attendance": "attended",
        },
    ),
    Endpoint("casework:what_matters_new", _p("casework:what_matters_new", case_id), _case),
    Endpoint(
        "casework:what_matters_new",
        _p("casework:what_matters_new", case_id),
        _case,
        "post",
        lambda w: {"text": "Walking."},
    ),
    Endpoint("casework:goal_new", _p("casework:goal_new", case_id), _case),
    Endpoint(
        "casework:goal_new",
        _p("casework:goal_new", case_id),
        _case,
        "post",
        lambda w: {"what": "Walk weekly"},
    ),
    Endpoint(
        "casework:goal_rate",
        _p("casework:goal_rate", case_id, lambda w: w["goal"].pk),
        lambda w: w["goal"],
    ),
    Endpoint(
        "casework:goal_rate",
        _p("casework:goal_rate", case_id, lambda w: w["goal"].pk),
        lambda w: w["goal"],
        "post",
        lambda w: {"rating": 6},
    ),
    Endpoint(
        "casework:goal_status",
        _p("casework:goal_status", case_id, lambda w: w["goal"].pk),
        lambda w: w["goal"],
        "post",
        lambda w: {"status": "achieved", "version": 1},
    ),
    Endpoint("casework:find_services", _p("casework:find_services", case_id), _case),
    Endpoint(
        "casework:find_services",
        _p("casework:find_services", case_id),
        _case,
        "post",
        lambda w: {"service_id": w["service"].pk, "kind": "signposted"},
    ),
    Endpoint(
        "casework:link_update",
        _p("casework:link_update", case_id, lambda w: w["link"].pk),
        lambda w: w["link"],
        "post",
        lambda w: {"to_status": "withdrawn"},
    ),
    Endpoint("casework:discharge_new", _p("casework:discharge_new", case_id), _case),
    Endpoint(
        "casework:discharge_new",
        _p("casework:discharge_new", case_id),
        _case,
        "post",
        lambda w: {"reason": "goals_met", "summary": "Done.", "version": w["case"].version},
    ),
    Endpoint(
        "casework:discharge_letter",
        _p("casework:discharge_letter", lambda w: w["closed"].pk),
        lambda w: w["discharge"],
    ),
    Endpoint(
        "casework:discharge_letter_pdf",
        _p("casework:discharge_letter_pdf", lambda w: w["closed"].pk),
        lambda w: w["discharge"],
    ),
    # The community organisation's portal
    Endpoint(
        "casework:portal_link",
        _p("casework:portal_link", lambda w: w["link"].pk),
        lambda w: w["link"],
    ),
    Endpoint(
        "casework:portal_link",
        _p("casework:portal_link", lambda w: w["link"].pk),
        lambda w: w["link"],
        "post",
        lambda w: {"to_status": "accepted", "version": w["link"].version},
    ),
    # Outcomes
    Endpoint("outcomes:instrument_list", _p("outcomes:instrument_list")),
    Endpoint("outcomes:instrument_detail", _p("outcomes:instrument_detail", lambda w: "ons4")),
    Endpoint("outcomes:licence_notes", _p("outcomes:licence_notes")),
    Endpoint("outcomes:person_outcomes", _p("outcomes:person_outcomes", person_id), _person),
    Endpoint(
        "outcomes:administer",
        _p("outcomes:administer", person_id, lambda w: "ons4"),
        _person,
    ),
    Endpoint(
        "outcomes:administer",
        _p("outcomes:administer", person_id, lambda w: "ons4"),
        _person,
        "post",
        dict,
    ),
    Endpoint("outcomes:self_link_new", _p("outcomes:self_link_new", person_id), _person),
    Endpoint(
        "outcomes:self_link_new",
        _p("outcomes:self_link_new", person_id),
        _person,
        "post",
        lambda w: {"instrument": "ons4", "time_point": "baseline"},
    ),
    Endpoint(
        "outcomes:administration_detail",
        _p("outcomes:administration_detail", lambda w: w["administration"].pk),
        lambda w: w["administration"],
    ),
    Endpoint("outcomes:self_complete", _p("outcomes:self_complete", lambda w: "not-a-token")),
    # JSON API
    Endpoint("GET /api/v1/people", lambda w: "/api/v1/people", kind=API),
    Endpoint(
        "POST /api/v1/people",
        lambda w: "/api/v1/people",
        lambda w: w["own"],
        "post",
        lambda w: {"practice_id": w["own"].pk, "given_name": "Ann"},
        API,
    ),
    Endpoint(
        "POST /api/v1/people/search",
        lambda w: "/api/v1/people/search",
        method="post",
        body=lambda w: {"family_name_starts": "M"},
        kind=API,
    ),
    Endpoint(
        "GET /api/v1/people/{person_id}",
        lambda w: f"/api/v1/people/{w['person'].pk}",
        _person,
        kind=API,
    ),
    Endpoint(
        "PATCH /api/v1/people/{person_id}",
        lambda w: f"/api/v1/people/{w['person'].pk}",
        _person,
        "patch",
        lambda w: {"version": 1, "preferred_name": "Al"},
        API,
    ),
    Endpoint("GET /api/v1/referrals", lambda w: "/api/v1/referrals", kind=API),
    Endpoint(
        "GET /api/v1/referrals/{referral_id}",
        lambda w: f"/api/v1/referrals/{w['case'].referral_id}",
        lambda w: w["case"].referral,
        kind=API,
    ),
    Endpoint(
        "POST /api/v1/referrals",
        lambda w: "/api/v1/referrals",
        lambda w: w["own"],
        "post",
        lambda w: {
            "practice_id": w["own"].pk,
            "person": {"given_name": "Ann"},
            "reasons": ["social_isolation"],
            "person_agreed": True,
        },
        API,
    ),
    Endpoint("GET /api/v1/cases", lambda w: "/api/v1/cases", kind=API),
    Endpoint(
        "GET /api/v1/cases/{case_id}", lambda w: f"/api/v1/cases/{case_id(w)}", _case, kind=API
    ),
    Endpoint(
        "POST /api/v1/cases/{case_id}/transitions",
        lambda w: f"/api/v1/cases/{case_id(w)}/transitions",
        _case,
        "post",
        lambda w: {"to_status": "closed", "version": w["case"].version},
        API,
    ),
    Endpoint(
        "GET /api/v1/cases/{case_id}/encounters",
        lambda w: f"/api/v1/cases/{case_id(w)}/encounters",
        _case,
        kind=API,
    ),
    Endpoint(
        "POST /api/v1/cases/{case_id}/encounters",
        lambda w: f"/api/v1/cases/{case_id(w)}/encounters",
        _case,
        "post",
        lambda w: {"occurred_at": NOW.isoformat(), "mode": "phone"},
        API,
    ),
    Endpoint(
        "GET /api/v1/cases/{case_id}/goals",
        lambda w: f"/api/v1/cases/{case_id(w)}/goals",
        _case,
        kind=API,
    ),
    Endpoint(
        "POST /api/v1/cases/{case_id}/goals",
        lambda w: f"/api/v1/cases/{case_id(w)}/goals",
        _case,
        "post",
        lambda w: {"what": "Walk weekly"},
        API,
    ),
    Endpoint(
        "POST /api/v1/goals/{goal_id}/progress",
        lambda w: f"/api/v1/goals/{w['goal'].pk}/progress",
        lambda w: w["goal"],
        "post",
        lambda w: {"rating": 5},
        API,
    ),
    Endpoint(
        "GET /api/v1/cases/{case_id}/links",
        lambda w: f"/api/v1/cases/{case_id(w)}/links",
        _case,
        kind=API,
    ),
    Endpoint(
        "POST /api/v1/cases/{case_id}/links",
        lambda w: f"/api/v1/cases/{case_id(w)}/links",
        _case,
        "post",
        lambda w: {"service_id": str(w["service"].pk), "kind": "signposted"},
        API,
    ),
    Endpoint("GET /api/v1/portal/links", lambda w: "/api/v1/portal/links", kind=API),
    Endpoint(
        "POST /api/v1/portal/links/{link_id}/status",
        lambda w: f"/api/v1/portal/links/{w['link'].pk}/status",
        lambda w: w["link"],
        "post",
        lambda w: {"to_status": "accepted"},
        API,
    ),
    Endpoint(
        "GET /api/v1/outcomes/instruments", lambda w: "/api/v1/outcomes/instruments", kind=API
    ),
    Endpoint(
        "GET /api/v1/outcomes/instruments/{code}",
        lambda w: "/api/v1/outcomes/instruments/ons4",
        kind=API,
    ),
    Endpoint(
        "POST /api/v1/outcomes/score",
        lambda w: "/api/v1/outcomes/score",
        method="post",
        body=lambda w: {"instrument": "ons4", "answers": [5, 5, 5, 5]},
        kind=API,
    ),
    # FHIR (bearer tokens only)
    Endpoint("fhir:metadata", _p("fhir:metadata"), kind=FHIR),
    Endpoint(
        "fhir:service_request",
        _p("fhir:service_request"),
        lambda w: w["own"],
        "post",
        lambda w: service_request(practice_code=w["own"].code),
        FHIR,
    ),
    Endpoint(
        "fhir:task",
        _p("fhir:task", lambda w: w["case"].referral_id),
        lambda w: w["case"].referral,
        kind=FHIR,
    ),
    Endpoint(
        "fhir:task_search",
        lambda w: reverse("fhir:task_search") + f"?based-on=ServiceRequest/{w['case'].referral_id}",
        kind=FHIR,
    ),
    Endpoint(
        "fhir:communication",
        _p("fhir:communication", lambda w: f"discharge-{w['discharge'].pk}"),
        lambda w: w["discharge"],
        kind=FHIR,
    ),
    Endpoint(
        "fhir:communication_search",
        lambda w: (
            reverse("fhir:communication_search")
            + f"?based-on=ServiceRequest/{w['closed'].referral_id}"
        ),
        kind=FHIR,
    ),
    Endpoint(
        "fhir:service_request_read",
        _p("fhir:service_request_read", lambda w: w["case"].referral_id),
        lambda w: w["case"].referral,
        kind=FHIR,
    ),
    Endpoint(
        "fhir:service_request_vread",
        lambda w: reverse(
            "fhir:service_request_vread",
            args=[
                w["case"].referral_id,
                version_of(fhir_last_updated(w["case"].referral)),
            ],
        ),
        lambda w: w["case"].referral,
        kind=FHIR,
    ),
    Endpoint(
        "fhir:patient",
        _p("fhir:patient", lambda w: w["case"].person_id),
        lambda w: w["case"].referral,
        kind=FHIR,
    ),
    Endpoint("fhir:organization", _p("fhir:organization", lambda w: w["own"].pk), kind=FHIR),
    Endpoint("fhir:unknown", lambda w: reverse("fhir:unknown", args=["Nope/1"]), kind=FHIR),
    # Everyday casework pages (lists, finding a person, oversight, the practice's letter)
    Endpoint("casework:my_cases", _p("casework:my_cases")),
    Endpoint("casework:find_person", _p("casework:find_person")),
    Endpoint("casework:oversight", _p("casework:oversight")),
    Endpoint(
        "casework:oversight_worker",
        _p("casework:oversight_worker", lambda w: w["users"]["lw_own"].pk),
        lambda w: w["own"],  # the worker's practice
    ),
    Endpoint("casework:reallocate", _p("casework:reallocate", case_id), _case),
    Endpoint(
        "casework:practice_letter",
        _p("casework:practice_letter", lambda w: w["closed"].pk),
        lambda w: w["discharge"],
    ),
    Endpoint(
        "casework:practice_letter_pdf",
        _p("casework:practice_letter_pdf", lambda w: w["closed"].pk),
        lambda w: w["discharge"],
    ),
    Endpoint(
        "casework:concern_keep_open",
        _p("casework:concern_keep_open", person_id, lambda w: w["concern"].pk),
        lambda w: w["concern"],
    ),
]


def _public(action: str) -> bool:
    return any(rule.role == "public" for rule in policy.rules_for(action))


def _request(client: Client, e: Endpoint, w: W, token: str | None) -> int:
    url = e.url(w)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    if e.method == "get":
        return client.get(url, **headers).status_code
    body = e.body(w) if e.body else {}
    if e.kind == PAGE:
        return client.post(url, body, **headers).status_code
    import json

    send = getattr(client, e.method)
    ctype = "application/fhir+json" if e.kind == FHIR else "application/json"
    return send(url, json.dumps(body), content_type=ctype, **headers).status_code


def _wrote(user: Any, since: int) -> bool:
    return AuditEntry.objects.filter(
        pk__gt=since,
        actor=user,
        action__in=(AuditEntry.Action.CREATE, AuditEntry.Action.UPDATE, AuditEntry.Action.DELETE),
    ).exists()


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=[f"{e.method} {e.key}" for e in ENDPOINTS])
def test_permission_matrix(endpoint: Endpoint, world: W) -> None:
    e = endpoint
    action = policy.url_actions()[e.key]
    wrong: list[str] = []
    for actor in ACTORS:
        client = Client()
        user = world["users"].get(actor)
        token = None
        if user is not None:
            if e.kind == FHIR:
                token = create_token(user=user)[1]
            else:
                client.force_login(user)
        last = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        got = _request(client, e, world, token)
        obj = e.obj(world)
        if _public(action):
            ok = got not in (401, 403) and got < 500
            want = "public"
        elif user is None:
            want = "login" if e.kind == PAGE else "401"
            ok = got == 302 if e.kind == PAGE else got == 401
        elif not policy.holds_role_for(user, action):
            want, ok = "403", got == 403
        elif obj is not None and not policy.can(user, action, obj):
            want = "refused"
            ok = got in (403, 404) or (e.method != "get" and e.kind == PAGE and got == 422)
        else:
            want = "allowed"
            ok = got not in (401, 403, 404) and got < 500 and (e.method != "get" or got == 200)
        if e.method != "get" and want != "allowed" and user is not None and _wrote(user, last):
            ok, want = False, want + " (and nothing written)"
        if not ok:
            wrong.append(f"{actor}: got {got}, expected {want}")
    assert not wrong, f"{e.method.upper()} {e.key}\n" + "\n".join(wrong)


# (action, object key, actor) -> may? The policy's most important cells, pinned by hand.
SPOT_CHECKS = [
    ("casework.view_person", "person", "lw_own", True),
    ("casework.view_person", "person", "lw_sister", False),
    ("casework.view_person", "person", "lw_far", False),
    ("casework.view_person", "person", "lw_stale", False),
    ("casework.view_person", "person", "staff_own", False),
    ("casework.view_person", "person", "editor_own", False),
    ("casework.view_person", "person", "manager_own", True),
    ("casework.view_person", "person", "manager_far", False),
    ("casework.view_person", "person", "manager_stale", False),
    ("casework.view_person", "person", "analyst", False),
    ("casework.view_person", "person", "dpo", False),
    ("casework.view_person", "person", "admin", True),
    ("casework.edit_person", "person", "manager_own", False),
    ("casework.merge_people", "person", "lw_own", False),
    ("casework.merge_people", "person", "manager_own", True),
    ("casework.view_referral", "referral", "staff_own", True),
    ("casework.view_referral", "referral", "staff_far", False),
    ("casework.view_referral", "referral", "staff_stale", False),
    ("casework.respond_to_link", "link", "editor_own", True),
    ("casework.respond_to_link", "link", "editor_far", False),
    ("casework.respond_to_link", "link", "lw_own", False),
    ("casework.discharge", "case", "lw_own", True),
    ("casework.discharge", "case", "manager_own", False),
    ("outcomes.view_person_outcomes", "administration", "lw_sister", False),
    ("outcomes.view_person_outcomes", "administration", "manager_own", True),
]


def test_policy_spot_checks(world: W) -> None:
    world["referral"] = world["case"].referral
    wrong = [
        f"{actor} {action} {key}: expected {may}"
        for action, key, actor, may in SPOT_CHECKS
        if policy.can(world["users"][actor], action, world[key]) is not may
    ]
    assert not wrong, "\n".join(wrong)


def test_lists_hold_only_what_the_user_may_see(world: W) -> None:
    client = Client()
    for actor, expected in [
        ("lw_own", 3),
        ("lw_sister", 0),
        ("lw_far", 0),
        ("lw_stale", 0),
        ("manager_own", 3),
        ("manager_far", 0),
        ("manager_stale", 0),
        ("admin", 3),
    ]:
        client.force_login(world["users"][actor])
        assert client.get("/api/v1/people").json()["count"] == expected, actor
        assert client.get("/api/v1/cases").json()["count"] == expected, actor
    for actor, expected in [("editor_far", 0), ("editor_stale", 0), ("editor_own", 1)]:
        client.force_login(world["users"][actor])
        assert client.get("/api/v1/portal/links").json()["count"] == expected, actor


def test_api_pages_have_a_ceiling(client: Client, world: W) -> None:
    client.force_login(world["users"]["admin"])
    assert client.get("/api/v1/people?limit=100000").status_code == 422
    assert client.get("/api/v1/people?limit=100").status_code == 200


def test_other_organisation_cannot_answer_a_referral_via_portal(client: Client, world: W) -> None:
    client.force_login(world["users"]["editor_far"])
    url = reverse("casework:portal_link", args=[world["link"].pk])
    assert client.post(url, {"to_status": "accepted", "version": 1}).status_code == 404
    world["link"].refresh_from_db()
    assert world["link"].status == "sent"
