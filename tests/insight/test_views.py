"""Insight pages: who sees what (scoping), what leaves the analyst role (suppression), and
that the pages answer with a constant number of queries."""

from __future__ import annotations

import csv
import io
import random
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from linkwork.core.roles import Role
from tests.core.factories import make_user
from tests.insight import factories as f

pytestmark = pytest.mark.django_db

PAGES = ["insight:dashboard", "insight:activity", "insight:reach", "insight:outcomes"]


def get(user: object, name: str, **params: object) -> object:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client.get(reverse(name), params)


@pytest.mark.parametrize("page", PAGES)
def test_manager_sees_own_programme_pages(world: dict, page: str) -> None:
    response = get(world["manager_a"], page)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Programme A" in body
    assert "Programme B practice" not in body
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("page", PAGES)
def test_manager_of_a_cannot_open_programme_b(world: dict, page: str) -> None:
    response = get(world["manager_a"], page, programme=world["b"].pk)
    assert response.status_code == 403


@pytest.mark.parametrize(
    "roles", [(Role.LINK_WORKER,), (Role.PRACTICE_STAFF,), (Role.COMMUNITY_EDITOR,), (Role.DPO,)]
)
@pytest.mark.parametrize("page", PAGES)
def test_other_roles_are_refused(world: dict, roles: tuple[str, ...], page: str) -> None:
    user = make_user(*roles, organisations=(world["a"],))
    assert get(user, page).status_code == 403


def test_manager_without_a_programme_is_refused(world: dict) -> None:
    user = make_user(Role.PROGRAMME_MANAGER)
    assert get(user, "insight:activity").status_code == 403


def test_a_manager_who_has_left_loses_access(world: dict) -> None:
    user = world["manager_a"]
    assert get(user, "insight:activity").status_code == 200
    user.memberships.all().delete()
    assert get(user, "insight:activity").status_code == 403


def test_signed_out_people_go_to_sign_in(world: dict) -> None:
    response = Client().get(reverse("insight:activity"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_programme_b_figures_do_not_reach_programme_a(world: dict) -> None:
    response = get(world["analyst_a"], "insight:activity")
    # Charts are SVG drawn on the server: their coordinates are numbers too, so look at the text
    body = re.sub(r"<svg.*?</svg>", "", response.content.decode(), flags=re.S)
    # 42 referrals in A; B's 12 would make 54
    assert "Programme A practice 0" in body
    assert "42" in body
    assert not re.search(r">\s*54\s*<", body)  # no figure shows A and B together


def _csv(user: object) -> list[list[str]]:
    response = get(user, "insight:export_csv")
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_csv_export_suppresses_small_counts_even_for_analysts(world: dict) -> None:
    rows = _csv(world["analyst_a"])
    flat = [cell for row in rows for cell in row]
    assert "*" in flat
    for row in rows:
        for cell in row[1:]:
            if cell.isdigit():
                assert int(cell) == 0 or int(cell) >= 5, row


def test_filters_that_make_no_sense_show_an_error_summary(world: dict) -> None:
    response = get(world["manager_a"], "insight:activity", start="2025-05-01", end="2025-01-01")
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body and "must be after its start" in body


def test_manager_sees_small_counts_suppressed_analyst_does_not(world: dict) -> None:
    manager_body = get(world["manager_a"], "insight:reach").content.decode()
    analyst_body = get(world["analyst_a"], "insight:reach").content.decode()
    assert "Counts from 1 to 4" in manager_body
    assert "Counts from 1 to 4" not in analyst_body


def test_outcomes_show_dose_groups_and_model(world: dict) -> None:
    body = get(world["analyst_a"], "insight:outcomes").content.decode()
    assert "SWEMWBS" in body
    assert "3+ contact(s)" in body
    assert "Multilevel model" in body


@pytest.mark.parametrize(
    ("page", "params"),
    [
        ("insight:activity", {}),
        ("insight:reach", {}),
        ("insight:outcomes", {}),
        ("insight:gaps", {"level": "council_area"}),
        ("insight:gaps", {"level": "intermediate_zone"}),
        ("insight:report", {}),
        ("insight:export_csv", {}),
    ],
)
def test_query_count_does_not_grow_with_cases(world: dict, page: str, params: dict) -> None:
    user = world["analyst_a"]
    client = Client()
    client.force_login(user)
    with CaptureQueriesContext(connection) as before:
        assert client.get(reverse(page), params).status_code == 200
    f.populated(world["a"], random.Random(3), people=30)
    with CaptureQueriesContext(connection) as after:
        assert client.get(reverse(page), params).status_code == 200
    assert page_queries(after) == page_queries(before)


def page_queries(captured: CaptureQueriesContext) -> int:
    """The queries of a page, less those of the shared cache of drawn charts and fitted models
    and savepoints (a hit or a miss depends on what was drawn before, not on the number of
    cases; a miss writes in a savepoint)."""
    return sum(
        "linkwork_shared_cache" not in q["sql"] and "SAVEPOINT" not in q["sql"]
        for q in captured.captured_queries
    )


def test_report_page_has_summary_methods_and_references(world: dict) -> None:
    body = get(world["manager_a"], "insight:report").content.decode()
    assert "Summary" in body and "Methods" in body
    assert "Mercer SW" in body and "Garwood" in body
    assert "no comparison group" in body


def test_report_pdf_builds_without_a_browser(world: dict) -> None:
    response = get(world["manager_a"], "insight:report_pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_report_pdf_of_another_programme_is_refused(world: dict) -> None:
    response = get(world["manager_a"], "insight:report_pdf", programme=world["b"].pk)
    assert response.status_code == 403


def test_gaps_show_needs_with_demand_but_no_local_support(world: dict) -> None:
    response = get(world["manager_a"], "insight:gaps", level="hscp", programme=world["a"].pk)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Test HSCP" in body
    # 40 referrals for social isolation and no befriending services in the directory
    assert "Social connection and befriending" in body
    assert '<strong class="ds_tag">gap</strong>' in body


def test_gaps_table_sorts_without_javascript(world: dict) -> None:
    response = get(world["manager_a"], "insight:gaps", level="hscp", sort="population")
    assert 'aria-sort="descending"' in response.content.decode()


def test_gaps_of_another_programme_are_refused(world: dict) -> None:
    assert get(world["manager_a"], "insight:gaps", programme=world["b"].pk).status_code == 403
