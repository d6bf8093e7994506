"""The caseload and case pages do a fixed number of queries however much data there is."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from linkwork.casework import services
from linkwork.core.roles import Role
from tests.casework.factories import (
    CaseFactory,
    CommunityOrgFactory,
    EncounterFactory,
    GoalFactory,
    PracticeFactory,
    WhatMattersFactory,
    make_service,
)
from tests.core.factories import make_user

pytestmark = pytest.mark.django_db


def _grow_case(case, worker, community, n: int) -> None:
    for _ in range(n):
        EncounterFactory(case=case)
        WhatMattersFactory(case=case)
        goal = GoalFactory(case=case)
        services.rate_goal(goal=goal, actor=worker, rating=4)
        services.rate_goal(goal=goal, actor=worker, rating=6)
        services.create_link(
            case=case, service_obj=make_service(owner=community), kind="supported", actor=worker
        )
    services.raise_concern(person=case.person, kind="risk_to_self", actor=worker)


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_case_page_queries_do_not_grow_with_the_record(
    client, django_assert_max_num_queries
) -> None:
    practice, community = PracticeFactory(), CommunityOrgFactory()
    worker = make_user(Role.LINK_WORKER, organisations=(practice,))
    small = CaseFactory(referral__person__gp_practice=practice, status="active", link_worker=worker)
    big = CaseFactory(referral__person__gp_practice=practice, status="active", link_worker=worker)
    for case in (small, big):
        services.record_consent(
            person=case.person, purpose="sharing", decision="given", actor=worker
        )
    _grow_case(small, worker, community, 1)
    _grow_case(big, worker, community, 12)
    client.force_login(worker)
    few = _count(client, reverse("casework:case_detail", args=[small.pk]))
    many = _count(client, reverse("casework:case_detail", args=[big.pk]))
    assert few == many
    with django_assert_max_num_queries(30):
        client.get(reverse("casework:case_detail", args=[big.pk]))


def test_caseload_queries_do_not_grow_with_the_caseload(
    client, django_assert_max_num_queries
) -> None:
    practice, community = PracticeFactory(), CommunityOrgFactory()
    worker = make_user(Role.LINK_WORKER, organisations=(practice,))
    client.force_login(worker)

    def add_cases(n: int) -> None:
        for i in range(n):
            case = CaseFactory(
                referral__person__gp_practice=practice,
                status="active",
                link_worker=worker,
                next_follow_up=dt.date.today() + dt.timedelta(days=i % 5),
            )
            CaseFactory(referral__person__gp_practice=practice, status="waiting")
            CaseFactory(referral__person__gp_practice=practice)
            services.record_consent(
                person=case.person, purpose="sharing", decision="given", actor=worker
            )
            services.create_link(
                case=case, service_obj=make_service(owner=community), kind="supported", actor=worker
            )

    add_cases(2)
    few = _count(client, reverse("casework:caseload"))
    add_cases(20)
    many = _count(client, reverse("casework:caseload"))
    assert few == many
    # the fixed cost includes the second-factor check and the audit entry naming the list
    with django_assert_max_num_queries(24):
        client.get(reverse("casework:caseload"))


def test_triage_and_portal_queries_do_not_grow(client) -> None:
    practice, community = PracticeFactory(), CommunityOrgFactory()
    worker = make_user(Role.LINK_WORKER, organisations=(practice,))
    editor = make_user(Role.COMMUNITY_EDITOR, organisations=(community,))

    def add(n: int) -> None:
        for _ in range(n):
            CaseFactory(referral__person__gp_practice=practice)
            case = CaseFactory(referral__person__gp_practice=practice, status="active")
            services.record_consent(
                person=case.person, purpose="sharing", decision="given", actor=worker
            )
            services.create_link(
                case=case, service_obj=make_service(owner=community), kind="supported", actor=worker
            )

    add(2)
    client.force_login(worker)
    t1 = _count(client, reverse("casework:triage"))
    client.force_login(editor)
    p1 = _count(client, reverse("casework:portal"))
    add(15)
    client.force_login(worker)
    assert _count(client, reverse("casework:triage")) == t1
    client.force_login(editor)
    assert _count(client, reverse("casework:portal")) == p1
