"""Every role x every casework page and endpoint x own/other object.

Expected answers: signed out -> login (pages) or 401 (API/FHIR); without the role -> 403;
with the role but outside scope -> 404 (we do not confirm the record exists); else 200.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from linkwork.casework import services
from linkwork.core.roles import Role
from tests.casework.factories import (
    CaseFactory,
    CommunityOrgFactory,
    GoalFactory,
    PracticeFactory,
    make_service,
)
from tests.core.factories import OrganisationFactory, make_user

pytestmark = pytest.mark.django_db

ACTORS = [
    "anonymous",
    "lw_own",
    "lw_other",
    "staff_own",
    "staff_other",
    "editor_own",
    "editor_other",
    "manager_own",
    "manager_other",
    "analyst",
    "dpo",
    "admin",
]
ROLE_OF = {
    "lw": Role.LINK_WORKER,
    "staff": Role.PRACTICE_STAFF,
    "editor": Role.COMMUNITY_EDITOR,
    "manager": Role.PROGRAMME_MANAGER,
    "analyst": Role.ANALYST,
    "dpo": Role.DPO,
    "admin": Role.ADMIN,
}


@pytest.fixture
def world() -> dict[str, Any]:
    prog, prog2 = OrganisationFactory(kind="programme"), OrganisationFactory(kind="programme")
    own, other = PracticeFactory(programme=prog), PracticeFactory(programme=prog2)
    c_own, c_other = CommunityOrgFactory(programme=prog), CommunityOrgFactory(programme=prog2)
    users = {
        "lw_own": make_user(Role.LINK_WORKER, organisations=(own,)),
        "lw_other": make_user(Role.LINK_WORKER, organisations=(other,)),
        "staff_own": make_user(Role.PRACTICE_STAFF, organisations=(own,)),
        "staff_other": make_user(Role.PRACTICE_STAFF, organisations=(other,)),
        "editor_own": make_user(Role.COMMUNITY_EDITOR, organisations=(c_own,)),
        "editor_other": make_user(Role.COMMUNITY_EDITOR, organisations=(c_other,)),
        "manager_own": make_user(Role.PROGRAMME_MANAGER, organisations=(prog,)),
        "manager_other": make_user(Role.PROGRAMME_MANAGER, organisations=(prog2,)),
        "analyst": make_user(Role.ANALYST, organisations=(prog,)),
        "dpo": make_user(Role.DPO, organisations=(prog,)),
        "admin": make_user(Role.ADMIN),
    }
    case = CaseFactory(
        referral__person__gp_practice=own, status="active", link_worker=users["lw_own"]
    )
    goal = GoalFactory(case=case)
    services.record_consent(person=case.person, purpose="sharing", decision="given", actor=None)
    link = services.create_link(
        case=case, service_obj=make_service(owner=c_own), kind="supported", actor=users["lw_own"]
    )
    closed = CaseFactory(referral__person__gp_practice=own, status="active")
    services.discharge(case=closed, actor=users["lw_own"], reason="goals_met", summary="Done.")
    return {
        "users": users,
        "case": case,
        "person": case.person,
        "goal": goal,
        "link": link,
        "closed": closed,
    }


LW, PS, CE, PM = (
    Role.LINK_WORKER,
    Role.PRACTICE_STAFF,
    Role.COMMUNITY_EDITOR,
    Role.PROGRAMME_MANAGER,
)
ALL_ROLES = tuple(Role)
RECORD = {"lw_own", "manager_own", "admin"}
WORKER = {"lw_own", "admin"}

# (name, url(world), roles gate, actors allowed, kind)
ENDPOINTS: list[tuple[str, Any, tuple, set[str], str]] = [
    (
        "caseload",
        lambda w: reverse("casework:caseload"),
        (LW,),
        {"lw_own", "lw_other", "admin"},
        "page",
    ),
    (
        "triage",
        lambda w: reverse("casework:triage"),
        (LW, PM),
        {"lw_own", "lw_other", "manager_own", "manager_other", "admin"},
        "page",
    ),
    (
        "triage_case",
        lambda w: reverse("casework:triage_case", args=[w["case"].pk]),
        (LW,),
        WORKER,
        "page",
    ),
    (
        "person_detail",
        lambda w: reverse("casework:person_detail", args=[w["person"].pk]),
        (LW, PM),
        RECORD,
        "page",
    ),
    (
        "person_edit",
        lambda w: reverse("casework:person_edit", args=[w["person"].pk]),
        (LW,),
        WORKER,
        "page",
    ),
    (
        "person_merge",
        lambda w: reverse("casework:person_merge", args=[w["person"].pk]),
        (PM,),
        {"manager_own", "admin"},
        "page",
    ),
    (
        "consent_new",
        lambda w: reverse("casework:consent_new", args=[w["person"].pk]),
        (LW,),
        WORKER,
        "page",
    ),
    (
        "household_new",
        lambda w: reverse("casework:household_new", args=[w["person"].pk]),
        (LW,),
        WORKER,
        "page",
    ),
    (
        "concern_new",
        lambda w: reverse("casework:concern_new", args=[w["person"].pk]),
        (LW,),
        WORKER,
        "page",
    ),
    (
        "case_detail",
        lambda w: reverse("casework:case_detail", args=[w["case"].pk]),
        (LW, PM),
        RECORD,
        "page",
    ),
    (
        "encounter_new",
        lambda w: reverse("casework:encounter_new", args=[w["case"].pk]),
        (LW,),
        WORKER,
        "page",
    ),
    (
        "what_matters_new",
        lambda w: reverse("casework:what_matters_new", args=[w["case"].pk]),
        (LW,),
        WORKER,
        "page",
    ),
    (
        "goal_new",
        lambda w: reverse("casework:goal_new", args=[w["case"].pk]),
        (LW,),
        WORKER,
        "page",
    ),
    (
        "goal_rate",
        lambda w: reverse("casework:goal_rate", args=[w["case"].pk, w["goal"].pk]),
        (LW,),
        WORKER,
        "page",
    ),
    (
        "find_services",
        lambda w: reverse("casework:find_services", args=[w["case"].pk]),
        (LW,),
        WORKER,
        "page",
    ),
    (
        "discharge_new",
        lambda w: reverse("casework:discharge_new", args=[w["case"].pk]),
        (LW,),
        WORKER,
        "page",
    ),
    (
        "discharge_letter",
        lambda w: reverse("casework:discharge_letter", args=[w["closed"].pk]),
        (LW, PM),
        RECORD,
        "page",
    ),
    (
        "referral_new",
        lambda w: reverse("casework:referral_new"),
        (PS,),
        {"staff_own", "staff_other", "admin"},
        "page",
    ),
    (
        "practice_referrals",
        lambda w: reverse("casework:practice_referrals"),
        (PS,),
        {"staff_own", "staff_other", "admin"},
        "page",
    ),
    (
        "portal",
        lambda w: reverse("casework:portal"),
        (CE,),
        {"editor_own", "editor_other", "admin"},
        "page",
    ),
    (
        "portal_link",
        lambda w: reverse("casework:portal_link", args=[w["link"].pk]),
        (CE,),
        {"editor_own", "admin"},
        "page",
    ),
    ("self_referral", lambda w: reverse("casework:self_referral"), (), set(ACTORS), "public"),
    (
        "api_people",
        lambda w: "/api/v1/people",
        (LW, PM),
        {"lw_own", "lw_other", "manager_own", "manager_other", "admin"},
        "api",
    ),
    ("api_person", lambda w: f"/api/v1/people/{w['person'].pk}", (LW, PM), RECORD, "api"),
    (
        "api_cases",
        lambda w: "/api/v1/cases",
        (LW, PM),
        {"lw_own", "lw_other", "manager_own", "manager_other", "admin"},
        "api",
    ),
    ("api_case", lambda w: f"/api/v1/cases/{w['case'].pk}", (LW, PM), RECORD, "api"),
    (
        "api_encounters",
        lambda w: f"/api/v1/cases/{w['case'].pk}/encounters",
        (LW, PM),
        RECORD,
        "api",
    ),
    ("api_goals", lambda w: f"/api/v1/cases/{w['case'].pk}/goals", (LW, PM), RECORD, "api"),
    ("api_links", lambda w: f"/api/v1/cases/{w['case'].pk}/links", (LW, PM), RECORD, "api"),
    (
        "api_referral",
        lambda w: f"/api/v1/referrals/{w['case'].referral_id}",
        ALL_ROLES,
        RECORD | {"staff_own"},
        "api",
    ),
    (
        "api_portal",
        lambda w: "/api/v1/portal/links",
        (CE,),
        {"editor_own", "editor_other", "admin"},
        "api",
    ),
    (
        "fhir_task",
        lambda w: f"/fhir/Task/{w['case'].referral_id}",
        ALL_ROLES,
        RECORD | {"staff_own"},
        "fhir",
    ),
]


def _expected(actor: str, roles: tuple, allowed: set[str], kind: str) -> int:
    if kind == "public":
        return 200
    if actor == "anonymous":
        return 302 if kind == "page" else 401
    role = ROLE_OF[actor.split("_")[0]]
    if role != Role.ADMIN and role not in roles:
        return 403
    return 200 if actor in allowed else 404


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=[e[0] for e in ENDPOINTS])
def test_permission_matrix(client: Any, world: dict[str, Any], endpoint: tuple) -> None:
    name, url_for, roles, allowed, kind = endpoint
    url = url_for(world)
    wrong = []
    for actor in ACTORS:
        client.logout()
        if actor != "anonymous":
            client.force_login(world["users"][actor])
        got = client.get(url).status_code
        want = _expected(actor, roles, allowed, kind)
        if got != want:
            wrong.append(f"{actor}: got {got}, expected {want}")
    assert not wrong, f"{name} {url}\n" + "\n".join(wrong)


def test_lists_hold_only_what_the_user_may_see(client: Any, world: dict[str, Any]) -> None:
    for actor, expected in [
        ("lw_own", 2),
        ("lw_other", 0),
        ("manager_own", 2),
        ("manager_other", 0),
        ("admin", 2),
    ]:
        client.force_login(world["users"][actor])
        assert client.get("/api/v1/people").json()["count"] == expected, actor
        assert client.get("/api/v1/cases").json()["count"] == expected, actor
    client.force_login(world["users"]["editor_other"])
    assert client.get("/api/v1/portal/links").json()["count"] == 0
    client.force_login(world["users"]["editor_own"])
    assert client.get("/api/v1/portal/links").json()["count"] == 1


def test_other_organisation_cannot_answer_a_referral_via_portal(
    client: Any, world: dict[str, Any]
) -> None:
    client.force_login(world["users"]["editor_other"])
    url = reverse("casework:portal_link", args=[world["link"].pk])
    assert client.post(url, {"to_status": "accepted", "version": 1}).status_code == 404
    world["link"].refresh_from_db()
    assert world["link"].status == "sent"
