"""Outcome pages: scoped to staff who may see the person (owner, colleague, outsider),
audited, and forms that read like the paper questionnaire."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from linkwork.casework.models import SafeguardingConcern
from linkwork.core.models import AuditEntry
from linkwork.core.roles import Role
from linkwork.outcomes.models import Administration, InstrumentText, SelfCompletionLink
from tests.core.factories import make_user
from tests.outcomes.factories import CaseFactory, PracticeFactory, record

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    practice, other = PracticeFactory(), PracticeFactory()
    case = CaseFactory(referral__person__gp_practice=practice, practice=practice)
    owner = make_user(Role.LINK_WORKER, organisations=(practice,))
    colleague = make_user(Role.LINK_WORKER, organisations=(practice,))
    outsider = make_user(Role.LINK_WORKER, organisations=(other,))
    return {"case": case, "person": case.person, "owner": owner, "colleague": colleague,
            "outsider": outsider}  # fmt: skip


def login(client: Client, user) -> Client:
    client.force_login(user)
    return client


@pytest.mark.parametrize("who,status", [("owner", 200), ("colleague", 200), ("outsider", 404)])
def test_person_outcomes_page_is_for_staff_who_may_see_the_person(
    client: Client, world, who: str, status: int
) -> None:
    record(world["person"], "phq9", [1] * 9)
    url = reverse("outcomes:person_outcomes", args=[world["person"].pk])
    response = login(client, world[who]).get(url)
    assert response.status_code == status
    views = AuditEntry.objects.filter(action="view", object_type="casework.person")
    assert views.count() == (1 if status == 200 else 0)
    if status == 200:
        assert views.get().detail == {"scope": "outcomes", "count": 1}


@pytest.mark.parametrize("role", [Role.ANALYST, Role.PRACTICE_STAFF, Role.COMMUNITY_EDITOR])
def test_roles_without_records_cannot_see_scores(client: Client, world, role: Role) -> None:
    user = make_user(role, organisations=(world["case"].practice,))
    url = reverse("outcomes:person_outcomes", args=[world["person"].pk])
    assert login(client, user).get(url).status_code in (403, 404)


def test_signed_out_goes_to_login(client: Client, world) -> None:
    url = reverse("outcomes:person_outcomes", args=[world["person"].pk])
    assert client.get(url).status_code == 302


@pytest.mark.parametrize("who,status", [("owner", 200), ("colleague", 200), ("outsider", 404)])
def test_result_page_is_scoped_and_audited(client: Client, world, who: str, status: int) -> None:
    a = record(world["person"], "gad7", [2] * 7)
    response = login(client, world[who]).get(reverse("outcomes:administration_detail", args=[a.pk]))
    assert response.status_code == status
    assert AuditEntry.objects.filter(
        action="view", object_type="outcomes.administration"
    ).count() == (1 if status == 200 else 0)


def test_history_page_shows_change_and_mid(client: Client, world) -> None:
    import datetime as dt

    from django.utils import timezone

    person = world["person"]
    record(person, "phq9", [2] * 9, administered_at=timezone.now() - dt.timedelta(days=60))
    record(person, "phq9", [1] * 9, time_point="review")
    html = (
        login(client, world["owner"])
        .get(reverse("outcomes:person_outcomes", args=[person.pk]))
        .content.decode()
    )
    assert "moderately severe" in html and "mild" in html
    assert "-9 from baseline" in html
    assert "Improved by at least the minimal important difference" in html


def test_history_page_queries_do_not_grow_with_administrations(
    client: Client, world, django_assert_max_num_queries
) -> None:
    for _ in range(30):
        record(world["person"], "phq9", [1] * 9, time_point="review", actor=world["owner"])
    client = login(client, world["owner"])
    url = reverse("outcomes:person_outcomes", args=[world["person"].pk])
    with django_assert_max_num_queries(16):  # 30 administrations, a fixed number of queries
        assert client.get(url).status_code == 200


def test_paper_form_reads_like_the_questionnaire(client: Client, world) -> None:
    url = reverse("outcomes:administer", args=[world["person"].pk, "phq9"])
    html = login(client, world["owner"]).get(url).content.decode()
    main = html.split('id="main-content"', 1)[1]  # the header holds the language switcher
    assert main.count("<fieldset") == 9
    assert '<legend class="ds_label">Little interest or pleasure in doing things</legend>' in html
    assert "More than half the days" in html


def test_licensed_form_without_wording_says_which_licence_and_takes_values(
    client: Client, world
) -> None:
    url = reverse("outcomes:administer", args=[world["person"].pk, "hads"])
    client = login(client, world["owner"])
    html = client.get(url).content.decode()
    assert "needs a HADS licence (GL Assessment)" in html
    assert "value printed beside the answer" in html
    # radios in printed order: item 1 prints 3,2,1,0, item 2 prints 0,1,2,3
    values = re.findall(r'name="item_1" value="(\d)"', html)
    assert values == ["3", "2", "1", "0"]
    assert re.findall(r'name="item_2" value="(\d)"', html) == ["0", "1", "2", "3"]
    data = {f"item_{n}": "1" for n in range(1, 15)} | {"time_point": "baseline"}
    response = client.post(url, data)
    assert response.status_code == 302
    assert Administration.objects.get().result["scores"] == {"anxiety": 7, "depression": 7}


def test_loaded_wording_replaces_item_numbers(client: Client, world) -> None:
    InstrumentText.objects.create(
        instrument="ucla3", licence_reference="x", items=[
            {"number": n, "text": f"Placeholder question {n}", "options": ["P", "Q", "R"]}
            for n in (1, 2, 3)])  # fmt: skip
    url = reverse("outcomes:administer", args=[world["person"].pk, "ucla3"])
    html = login(client, world["owner"]).get(url).content.decode()
    assert "Placeholder question 2" in html and ">Q</label>" in html


def test_recording_phq9_with_item9_alerts_at_once(client: Client, world) -> None:
    url = reverse("outcomes:administer", args=[world["person"].pk, "phq9"])
    data = {f"item_{n}": "0" for n in range(1, 9)} | {"item_9": "2", "time_point": "baseline",
                                                       "case": str(world["case"].pk)}  # fmt: skip
    client = login(client, world["owner"])
    response = client.post(url, data, follow=True)
    html = response.content.decode()
    assert response.status_code == 200, re.findall(r'error-message"[^>]*>([^<]+)', html)
    assert "Act now: possible risk of self-harm" in html
    assert "NHS 24 on 111" in html  # the (default) local safety procedure
    concern = SafeguardingConcern.objects.get(person=world["person"])
    assert concern.case == world["case"] and concern.raised_by == world["owner"]


def test_form_errors_are_summarised_and_linked(client: Client, world) -> None:
    url = reverse("outcomes:administer", args=[world["person"].pk, "eq5d5l"])
    data = {"item_6": "150", "time_point": "follow_up"}
    response = login(client, world["owner"]).post(url, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "ds_error-summary" in html
    assert 'href="#id_item_6"' in html and 'href="#id_follow_up_months"' in html
    assert not Administration.objects.exists()


def test_outsider_cannot_record(client: Client, world) -> None:
    url = reverse("outcomes:administer", args=[world["person"].pk, "gad7"])
    assert login(client, world["outsider"]).get(url).status_code == 404


def test_self_link_flow_without_login(client: Client, world) -> None:
    client = login(client, world["owner"])
    response = client.post(
        reverse("outcomes:self_link_new", args=[world["person"].pk]),
        {"instrument": "gad7", "time_point": "review", "case": ""},
    )
    url = re.search(r'value="(http://testserver/questionnaire/[^"]+)"', response.content.decode())[
        1
    ]
    path = url.removeprefix("http://testserver")
    assert path.count("/") == 3  # /questionnaire/<token>/: nothing but the token
    public = Client()
    page = public.get(path)
    assert page.status_code == 200
    assert world["person"].family_name not in page.content.decode()
    done = public.post(path, {f"item_{n}": "1" for n in range(1, 8)})
    assert "your answers have been sent" in done.content.decode()
    a = Administration.objects.get()
    assert a.completed_via == "self_link" and a.result["scores"] == {"total": 7}
    assert public.get(path).status_code == 404  # one time only
    assert SelfCompletionLink.objects.get().used_at is not None


def test_self_link_offers_only_instruments_with_wording(client: Client, world) -> None:
    html = (
        login(client, world["owner"])
        .get(reverse("outcomes:self_link_new", args=[world["person"].pk]))
        .content.decode()
    )
    assert 'value="phq9"' in html and 'value="wemwbs"' not in html


def test_self_completion_with_item9_shows_support(client: Client, world) -> None:
    from linkwork.casework.guards import service_writes
    from linkwork.outcomes import services

    with service_writes():
        issued = services.create_self_completion_link(
            person=world["person"], instrument="phq9", time_point="review", actor=world["owner"]
        )
    response = Client().post(
        f"/questionnaire/{issued.token}/", {f"item_{n}": "0" for n in range(1, 9)} | {"item_9": "1"}
    )
    html = response.content.decode()
    assert "Samaritans on 116 123" in html
    assert SafeguardingConcern.objects.filter(person=world["person"]).exists()


@pytest.mark.parametrize("role,status", [(Role.LINK_WORKER, 200), (Role.ANALYST, 200),
                                         (Role.PRACTICE_STAFF, 403)])  # fmt: skip
def test_instrument_pages_for_link_workers_and_analysts(client: Client, role, status) -> None:
    client = login(client, make_user(role))
    assert client.get(reverse("outcomes:instrument_list")).status_code == status
    detail = client.get(reverse("outcomes:instrument_detail", args=["swemwbs"]))
    assert detail.status_code == status
    if status == 200:
        assert "32.55" in detail.content.decode()


def test_licence_notes_are_for_admins(client: Client) -> None:
    assert (
        login(client, make_user(Role.LINK_WORKER))
        .get(reverse("outcomes:licence_notes"))
        .status_code
        == 403
    )
    html = login(client, make_user(Role.ADMIN)).get(reverse("outcomes:licence_notes")).content
    assert b"WEMWBS registration (Warwick Medical School)" in html


def test_menu_shows_outcome_measures_to_link_workers(client: Client) -> None:
    html = login(client, make_user(Role.LINK_WORKER)).get(reverse("outcomes:instrument_list"))
    assert b'href="/outcomes/"' in html.content


def test_empty_self_completion_does_not_use_up_the_link(client: Client, world) -> None:
    from linkwork.casework.guards import service_writes
    from linkwork.outcomes import services

    with service_writes():
        issued = services.create_self_completion_link(
            person=world["person"], instrument="ucla3", time_point="review", actor=world["owner"]
        )
    response = Client().post(f"/questionnaire/{issued.token}/", {})
    assert response.status_code == 400
    assert "Answer at least one question" in response.content.decode()
    assert not Administration.objects.exists()
    assert Client().get(f"/questionnaire/{issued.token}/").status_code == 200
