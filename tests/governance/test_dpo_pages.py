"""DPO pages: scoped to the DPO's organisations, closed to every other role."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from linkwork.core import audit
from linkwork.core.models import AuditEntry
from linkwork.governance import policy as actions
from linkwork.governance import selectors
from linkwork.governance.csv_export import neutralise
from tests.casework.factories import CaseFactory, PersonFactory
from tests.core.factories import make_user
from tests.governance.factories import dpo_of, two_practices

pytestmark = pytest.mark.django_db

PAGES = ["dashboard", "audit_search", "audit_export", "unusual_access", "agreement_list"]


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize(
    "role", ["link_worker", "practice_staff", "community_editor", "programme_manager", "analyst"]
)
def test_other_roles_are_refused_every_dpo_page(client, role, name):
    practice, _ = two_practices()
    client.force_login(make_user(role, organisations=(practice,)))
    assert client.get(reverse(f"governance:{name}")).status_code == 403


@pytest.mark.parametrize("name", PAGES)
def test_signed_out_people_are_sent_to_sign_in(client, name):
    response = client.get(reverse(f"governance:{name}"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_dpo_without_an_organisation_sees_nothing(client):
    client.force_login(make_user("dpo"))
    assert client.get(reverse("governance:audit_search")).status_code == 403


def test_dpo_pages_are_not_cached(client):
    practice, _ = two_practices()
    client.force_login(dpo_of(practice))
    response = client.get(reverse("governance:audit_search"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def _scenario():
    mine, theirs = two_practices()
    my_person = PersonFactory(gp_practice=mine)
    their_person = PersonFactory(gp_practice=theirs)
    my_worker = make_user("link_worker", organisations=(mine,), username="mine-lw")
    their_worker = make_user("link_worker", organisations=(theirs,), username="their-lw")
    audit.record(audit.Action.VIEW, my_person, actor=my_worker)
    audit.record(audit.Action.VIEW, their_person, actor=their_worker)
    # someone from another practice looking at one of mine: the DPO must see it
    audit.record(audit.Action.UPDATE, my_person, actor=their_worker)
    return mine, theirs, my_person, their_person


def test_audit_search_shows_only_entries_about_the_dpos_organisations(client):
    mine, _theirs, my_person, their_person = _scenario()
    dpo = dpo_of(mine)
    entries = selectors.search(dpo, selectors.AuditFilter(), actions.VIEW_AUDIT)
    seen = {(e.actor_username, e.object_id) for e in entries}
    assert ("mine-lw", str(my_person.pk)) in seen
    assert ("their-lw", str(my_person.pk)) in seen
    assert ("their-lw", str(their_person.pk)) not in seen
    client.force_login(dpo)
    response = client.get(reverse("governance:audit_search"), {"person": their_person.pk})
    assert response.status_code == 200
    assert f"casework.person {their_person.pk}<" not in response.content.decode()


def test_audit_search_filters_by_person_user_action_and_date(client):
    mine, _, my_person, _ = _scenario()
    dpo = dpo_of(mine)
    search = lambda **kw: list(  # noqa: E731
        selectors.search(dpo, selectors.AuditFilter(**kw), actions.VIEW_AUDIT)
    )
    assert {e.actor_username for e in search(person_id=my_person.pk)} == {"mine-lw", "their-lw"}
    assert {e.action for e in search(username="their-lw")} == {"update"}
    assert {e.actor_username for e in search(action="update")} == {"their-lw"}
    today = timezone.localdate()
    assert search(date_from=today + dt.timedelta(days=1)) == []
    assert len(search(date_from=today, date_to=today, person_id=my_person.pk)) == 2
    assert search(organisation_id=mine.pk)


def test_audit_search_reports_bad_input_with_an_error_summary(client):
    mine, _ = two_practices()
    client.force_login(dpo_of(mine))
    response = client.get(
        reverse("governance:audit_search"), {"date_from": "2026-02-30", "person": "x"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "ds_error-summary" in body and 'href="#id_date_from"' in body


def test_searching_the_audit_log_is_itself_audited(client):
    mine, _ = two_practices()
    dpo = dpo_of(mine, username="the-dpo")
    client.force_login(dpo)
    client.get(reverse("governance:audit_search"))
    assert AuditEntry.objects.filter(actor_username="the-dpo", detail__scope="dpo_search").exists()


def test_csv_extract_neutralises_formulas_and_is_scoped(client):
    mine, _, my_person, their_person = _scenario()
    evil = make_user("link_worker", organisations=(mine,), username="=HYPERLINK(1)")
    audit.record(audit.Action.VIEW, my_person, actor=evil)
    client.force_login(dpo_of(mine))
    response = client.get(reverse("governance:audit_export"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    users = {row[2] for row in rows[1:]}
    assert "'=HYPERLINK(1)" in users and "=HYPERLINK(1)" not in users
    assert str(their_person.pk) not in {row[5] for row in rows[1:] if row[4] == "casework.person"}
    assert AuditEntry.objects.filter(action="export", detail__format="csv").exists()


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
def test_formula_characters_are_neutralised(value):
    assert neutralise(value).startswith("'")


def test_who_has_seen_a_person_lists_every_access_and_only_for_my_people(client):
    mine, _, my_person, their_person = _scenario()
    client.force_login(dpo_of(mine))
    url = reverse("governance:person_access", args=[my_person.pk])
    body = client.get(url).content.decode()
    assert "mine-lw" in body and "their-lw" in body
    other = reverse("governance:person_access", args=[their_person.pk])
    assert client.get(other).status_code == 403


def test_person_access_panel_renders_for_the_dpo_and_nothing_for_others(rf):
    from django.template import Context, Template

    mine, _, my_person, _ = _scenario()
    template = Template("{% load governance %}{% person_access_panel person %}")
    request = rf.get("/")
    request.user = dpo_of(mine)
    html = template.render(Context({"request": request, "person": my_person}))
    assert "mine-lw" in html and reverse("governance:person_access", args=[my_person.pk]) in html
    request.user = make_user("link_worker", organisations=(mine,))
    assert template.render(Context({"request": request, "person": my_person})).strip() == ""


@override_settings(
    GOVERNANCE_OUTSIDE_CASELOAD_THRESHOLD=3,
    GOVERNANCE_ODD_HOURS_THRESHOLD=2,
    GOVERNANCE_BULK_API_READS_PER_DAY=5,
    GOVERNANCE_WORKING_HOURS=(0, 23),
)
def test_unusual_access_flags_many_people_outside_caseload_and_bulk_api_reads(client):
    mine, _ = two_practices()
    snoop = make_user("link_worker", organisations=(mine,), username="snoop")
    worker = make_user("link_worker", organisations=(mine,), username="worker")
    own_cases = [
        CaseFactory(referral__person__gp_practice=mine, link_worker=worker) for _ in range(4)
    ]
    for case in own_cases:
        audit.record(audit.Action.VIEW, case.person, actor=worker)
        audit.record(audit.Action.VIEW, case.person, actor=snoop)
    audit.record(
        audit.Action.VIEW, "casework.person", actor=worker, detail={"via": "api", "count": 6}
    )
    dpo = dpo_of(mine)
    findings = {f.username: f for f in selectors.unusual_access(dpo, actions.VIEW_UNUSUAL_ACCESS)}
    assert findings["snoop"].reasons == ["outside_caseload"]
    assert findings["snoop"].outside_caseload == 4
    assert findings["worker"].reasons == ["bulk_api"]
    client.force_login(dpo)
    body = client.get(reverse("governance:unusual_access")).content.decode()
    assert "snoop" in body


@override_settings(GOVERNANCE_WORKING_HOURS=(7, 19), GOVERNANCE_ODD_HOURS_THRESHOLD=1)
def test_unusual_access_flags_views_at_odd_hours():
    mine, _ = two_practices()
    night = make_user("link_worker", organisations=(mine,), username="night")
    person = PersonFactory(gp_practice=mine)
    at_night = timezone.localtime().replace(hour=3)
    from unittest import mock

    with mock.patch("linkwork.core.audit.timezone.now", return_value=at_night):
        audit.record(audit.Action.VIEW, person, actor=night)
    findings = selectors.unusual_access(
        dpo_of(mine), actions.VIEW_UNUSUAL_ACCESS, now=at_night + dt.timedelta(hours=1)
    )
    assert [(f.username, f.reasons) for f in findings] == [("night", ["odd_hours"])]


def test_audit_search_does_not_grow_queries_with_entries(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    mine, _ = two_practices()
    client.force_login(dpo_of(mine))

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("governance:audit_search")).status_code == 200
        return len(ctx)

    worker = make_user("link_worker", organisations=(mine,))

    def add(n: int) -> None:
        for _ in range(n):
            audit.record(audit.Action.VIEW, PersonFactory(gp_practice=mine), actor=worker)

    add(2)
    few = count()
    add(20)
    assert count() == few
