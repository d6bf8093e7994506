"""Every case list pages with the true count, sorts and filters; finding a person works by
name, CHI number or date of birth within scope, by POST, audited; managers oversee their
programme's caseloads and move cases between workers (audited). Queries stay constant."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from linkwork.casework.guards import service_writes
from linkwork.casework.models import Case, ServiceLink
from linkwork.core.models import AuditEntry, Organisation
from linkwork.core.roles import Role
from tests.casework.factories import CaseFactory, PracticeFactory, make_service
from tests.core.factories import OrganisationFactory, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme() -> dict:
    prog = OrganisationFactory(name="Perth programme", kind=Organisation.Kind.PROGRAMME)
    practice = PracticeFactory(name="Riverside", programme=prog)
    other_prog = OrganisationFactory(name="Other programme", kind=Organisation.Kind.PROGRAMME)
    other_practice = PracticeFactory(name="Hillside", programme=other_prog)
    return {
        "practice": practice,
        "other_practice": other_practice,
        "worker": make_user(
            Role.LINK_WORKER, organisations=(practice,), first_name="Ailsa", last_name="Grant"
        ),
        "colleague": make_user(
            Role.LINK_WORKER, organisations=(practice,), first_name="Calum", last_name="Ross"
        ),
        "outsider": make_user(Role.LINK_WORKER, organisations=(other_practice,)),
        "manager": make_user(Role.PROGRAMME_MANAGER, organisations=(prog,)),
        "other_manager": make_user(Role.PROGRAMME_MANAGER, organisations=(other_prog,)),
    }


def _cases(n: int, practice: Organisation, worker: object, **kw: object) -> list[Case]:
    return [
        CaseFactory(
            referral__person__gp_practice=practice, status="active", link_worker=worker, **kw
        )
        for _ in range(n)
    ]


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_caseload_shows_the_true_count_not_fifty(client: Client, programme: dict) -> None:
    _cases(60, programme["practice"], programme["worker"])
    client.force_login(programme["worker"])
    page = client.get("/casework/").content.decode()
    assert "Active cases (60)" in page and "All my cases (60)" in page
    listing = client.get("/casework/my-cases/").content.decode()
    assert "60 in all" in listing and "Page 1 of 3" in listing
    assert "Page 3 of 3" in client.get("/casework/my-cases/?page=3").content.decode()
    assert "no-store" in client.get("/casework/my-cases/").headers["Cache-Control"]


def test_my_cases_filters_and_sorts(client: Client, programme: dict) -> None:
    today = timezone.localdate()
    late = _cases(
        2, programme["practice"], programme["worker"], next_follow_up=today - dt.timedelta(days=3)
    )
    _cases(
        3, programme["practice"], programme["worker"], next_follow_up=today + dt.timedelta(days=2)
    )
    _cases(1, programme["practice"], programme["colleague"])
    client.force_login(programme["worker"])
    overdue = client.get("/casework/my-cases/?follow_up=overdue").content.decode()
    assert "2 in all" in overdue
    assert all(c.person.display_name in overdue for c in late)
    week = client.get("/casework/my-cases/?follow_up=week").content.decode()
    assert "3 in all" in week
    by_name = client.get("/casework/my-cases/?sort=name").context["page"].object_list
    names = [(c.person.family_name, c.person.given_name) for c in by_name]
    assert names == sorted(names)
    # nonsense in the query string falls back to defaults rather than failing
    assert client.get("/casework/my-cases/?sort=evil&page=x&practice=a").status_code == 200


def test_caseload_separates_overdue_from_this_week(client: Client, programme: dict) -> None:
    today = timezone.localdate()
    _cases(
        1, programme["practice"], programme["worker"], next_follow_up=today - dt.timedelta(days=9)
    )
    _cases(
        2, programme["practice"], programme["worker"], next_follow_up=today + dt.timedelta(days=1)
    )
    client.force_login(programme["worker"])
    page = client.get("/casework/").content.decode()
    assert "Overdue follow-ups (1)" in page and "Follow-ups due this week (2)" in page


def test_case_list_queries_stay_constant(client: Client, programme: dict) -> None:
    _cases(3, programme["practice"], programme["worker"])
    client.force_login(programme["worker"])
    few = _queries(client, "/casework/my-cases/")
    few_caseload = _queries(client, "/casework/")
    _cases(40, programme["practice"], programme["worker"])
    assert _queries(client, "/casework/my-cases/") == few
    assert _queries(client, "/casework/") == few_caseload


# --- find a person ----------------------------------------------------------------------


def test_find_person_by_name_chi_and_date_of_birth(client: Client, programme: dict) -> None:
    (case,) = _cases(1, programme["practice"], programme["worker"])
    person = case.person
    client.force_login(programme["worker"])
    for text in (
        f"{person.given_name} {person.family_name}",
        person.family_name.lower(),
        f"{person.chi[:6]} {person.chi[6:]}",
        person.date_of_birth.strftime("%d/%m/%Y"),
    ):
        response = client.post("/casework/find/", {"query": text})
        assert response.status_code == 200
        assert person.full_name in response.content.decode(), text
        assert "no-store" in response.headers["Cache-Control"]


def test_find_person_is_scoped_audited_and_never_in_the_url(
    client: Client, programme: dict
) -> None:
    (theirs,) = _cases(1, programme["other_practice"], programme["outsider"])
    client.force_login(programme["worker"])
    response = client.post("/casework/find/", {"query": theirs.person.chi})
    assert theirs.person.full_name not in response.content.decode()
    assert "0 people found" in response.content.decode()
    entry = AuditEntry.objects.filter(object_type="casework.person", action="view").latest("at")
    assert entry.detail == {"query_kind": "chi", "count": 0}
    assert theirs.person.chi not in str(entry.detail)
    # a GET only shows the form; the form posts to a URL without the query
    page = client.get("/casework/find/?query=" + theirs.person.chi).content.decode()
    assert theirs.person.full_name not in page and 'method="post"' in page


def test_find_person_needs_a_query_and_a_staff_role(client: Client, programme: dict) -> None:
    client.force_login(programme["worker"])
    response = client.post("/casework/find/", {"query": ""})
    assert response.status_code == 422
    assert "Enter a name, a CHI number or a date of birth." in response.content.decode()
    client.force_login(make_user(Role.PRACTICE_STAFF, organisations=(programme["practice"],)))
    assert client.post("/casework/find/", {"query": "Morgan"}).status_code == 403
    client.logout()
    assert client.post("/casework/find/", {"query": "Morgan"}).status_code == 302


def test_manager_finds_people_across_the_programme_only(client: Client, programme: dict) -> None:
    (mine,) = _cases(1, programme["practice"], programme["worker"])
    (theirs,) = _cases(1, programme["other_practice"], programme["outsider"])
    client.force_login(programme["manager"])
    page = client.post("/casework/find/", {"query": "Morgan"}).content.decode()
    assert mine.person.full_name in page and theirs.person.full_name not in page


# --- oversight and reallocation -----------------------------------------------------------


def test_manager_sees_each_workers_caseload(client: Client, programme: dict) -> None:
    today = timezone.localdate()
    _cases(
        3, programme["practice"], programme["worker"], next_follow_up=today - dt.timedelta(days=1)
    )
    _cases(2, programme["practice"], programme["colleague"])
    (stalled,) = _cases(1, programme["practice"], programme["colleague"])
    with service_writes():
        ServiceLink.objects.create(
            case=stalled,
            service=make_service(),
            kind=ServiceLink.Kind.SUPPORTED,
            status=ServiceLink.Status.SENT,
            sent_at=timezone.now() - dt.timedelta(days=30),
        )
    CaseFactory(referral__person__gp_practice=programme["practice"], status="waiting")
    _cases(4, programme["other_practice"], programme["outsider"])
    client.force_login(programme["manager"])
    response = client.get("/casework/oversight/")
    assert response.status_code == 200
    rows = {r.worker.pk: r for r in response.context["o"].workers}
    assert set(rows) == {programme["worker"].pk, programme["colleague"].pk}
    assert rows[programme["worker"].pk].open == 3 and rows[programme["worker"].pk].overdue == 3
    assert rows[programme["colleague"].pk].open == 3
    assert rows[programme["colleague"].pk].stalled == 1
    assert [(w.practice, w.waiting) for w in response.context["o"].waiting] == [("Riverside", 1)]
    assert "Ailsa Grant" in response.content.decode()


def test_oversight_is_for_managers_of_the_programme(client: Client, programme: dict) -> None:
    client.force_login(programme["worker"])
    assert client.get("/casework/oversight/").status_code == 403
    client.force_login(programme["other_manager"])
    assert client.get(f"/casework/oversight/workers/{programme['worker'].pk}/").status_code == 404


def test_manager_moves_a_case_between_workers_audited(client: Client, programme: dict) -> None:
    (case,) = _cases(1, programme["practice"], programme["worker"])
    client.force_login(programme["manager"])
    page = client.get(f"/casework/oversight/workers/{programme['worker'].pk}/").content.decode()
    assert "Move to another worker" in page
    response = client.post(
        f"/casework/oversight/cases/{case.pk}/reallocate/",
        {"link_worker": programme["colleague"].pk, "reason": "absence", "version": case.version},
    )
    assert response.status_code == 302, response.context["form"].errors
    case.refresh_from_db()
    assert case.link_worker == programme["colleague"]
    entry = AuditEntry.objects.filter(object_type="casework.case", object_id=str(case.pk)).latest(
        "at"
    )
    assert entry.detail["reason_code"] == "absence"
    assert entry.detail["related_id"] == programme["colleague"].pk


def test_reallocation_refuses_outsiders_and_workers_elsewhere(
    client: Client, programme: dict
) -> None:
    (case,) = _cases(1, programme["practice"], programme["worker"])
    url = f"/casework/oversight/cases/{case.pk}/reallocate/"
    client.force_login(programme["other_manager"])
    assert (
        client.post(url, {"link_worker": programme["outsider"].pk, "reason": "other"}).status_code
        == 404
    )
    client.force_login(programme["worker"])
    assert (
        client.post(url, {"link_worker": programme["colleague"].pk, "reason": "other"}).status_code
        == 403
    )
    client.force_login(programme["manager"])
    response = client.post(url, {"link_worker": programme["outsider"].pk, "reason": "other"})
    assert response.status_code == 422
    case.refresh_from_db()
    assert case.link_worker == programme["worker"]


def test_oversight_queries_stay_constant(client: Client, programme: dict) -> None:
    _cases(2, programme["practice"], programme["worker"])
    client.force_login(programme["manager"])
    few = _queries(client, "/casework/oversight/")
    few_worker = _queries(client, f"/casework/oversight/workers/{programme['worker'].pk}/")
    more = PracticeFactory(programme=programme["practice"].programme)
    extra = make_user(Role.LINK_WORKER, organisations=(more,))
    _cases(30, programme["practice"], programme["worker"])
    _cases(10, more, extra)
    assert _queries(client, "/casework/oversight/") == few
    assert _queries(client, f"/casework/oversight/workers/{programme['worker'].pk}/") == few_worker
