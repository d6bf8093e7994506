"""The triage queue, the waiting list and the community organisation's referral list page with
true counts (no silent cap), filter and sort by codes only, stay scoped, and do the same number
of queries whatever the page size or the amount of data. The portal speaks plainly."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from linkwork.casework import paged_lists, services
from linkwork.casework.models import Case, ServiceLink
from linkwork.core.models import Organisation, User
from linkwork.core.roles import Role
from tests.casework.factories import CaseFactory, CommunityOrgFactory, PracticeFactory, make_service
from tests.core.factories import make_user

pytestmark = pytest.mark.django_db

TRIAGE = "/casework/triage/"
PORTAL = "/portal/"


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _received(practice: Organisation, n: int, **kw: object) -> list[Case]:
    return [CaseFactory(referral__person__gp_practice=practice, **kw) for _ in range(n)]


def _links(worker: User, community: Organisation, n: int, service: object = None) -> list:
    practice = Organisation.objects.get(memberships__user=worker)
    made = []
    for _ in range(n):
        case = CaseFactory(
            referral__person__gp_practice=practice,
            referral__consent_to_share=True,
            status="active",
        )
        made.append(
            services.create_link(
                case=case,
                service_obj=service or make_service(owner=community),
                kind="supported",
                actor=worker,
            )
        )
    return made


def test_triage_and_waiting_list_page_with_true_counts(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paged_lists, "PER_PAGE", 3)
    practice, elsewhere = PracticeFactory(name="Riverside"), PracticeFactory(name="Hillside")
    worker = make_user(Role.LINK_WORKER, organisations=(practice,))
    _received(practice, 7)
    _received(practice, 4, status="waiting")
    _received(elsewhere, 5)  # another practice's referrals: never counted, never shown
    client.force_login(worker)

    page = client.get(TRIAGE).content.decode()
    assert "New referrals to triage (7)" in page and "Waiting list (4)" in page
    assert "Page 1 of 3" in page and "Page 1 of 2" in page
    assert "no-store" in client.get(TRIAGE).headers["Cache-Control"]

    # each list pages on its own and keeps the other's place
    later = client.get(f"{TRIAGE}?queue_page=3&waiting_page=2").content.decode()
    assert "Page 3 of 3" in later and "Page 2 of 2" in later
    assert "waiting_page=2&amp;queue_page=2" in later  # "previous" keeps the other list's page


def test_triage_sorts_and_filters_by_practice(client: Client) -> None:
    riverside, hillside = PracticeFactory(name="Riverside"), PracticeFactory(name="Hillside")
    worker = make_user(Role.LINK_WORKER, organisations=(riverside, hillside))
    _received(riverside, 1, referral__person__family_name="Aitken")
    _received(hillside, 1, referral__person__family_name="Zawadzki")
    client.force_login(worker)

    oldest = client.get(TRIAGE).content.decode()
    assert oldest.index("Aitken") < oldest.index("Zawadzki")
    newest = client.get(f"{TRIAGE}?sort=newest").content.decode()
    assert newest.index("Zawadzki") < newest.index("Aitken")
    only = client.get(f"{TRIAGE}?practice={hillside.pk}").content.decode()
    assert "Zawadzki" in only and "Aitken" not in only and "(1)" in only
    # nonsense in the query falls back to the defaults, never an error
    assert client.get(f"{TRIAGE}?sort=drop&practice=x&queue_page=-1").status_code == 200


def test_triage_queries_constant_in_page_size_and_data(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    practice = PracticeFactory()
    worker = make_user(Role.LINK_WORKER, organisations=(practice,))
    _received(practice, 4)
    _received(practice, 4, status="waiting")
    client.force_login(worker)
    monkeypatch.setattr(paged_lists, "PER_PAGE", 2)
    small = _queries(client, TRIAGE)
    monkeypatch.setattr(paged_lists, "PER_PAGE", 8)
    assert _queries(client, TRIAGE) == small
    _received(practice, 6)
    _received(practice, 6, status="waiting")
    assert _queries(client, TRIAGE) == small


def test_portal_pages_by_group_with_counts_and_is_scoped(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paged_lists, "PER_PAGE", 2)
    practice, community, other = PracticeFactory(), CommunityOrgFactory(), CommunityOrgFactory()
    worker = make_user(Role.LINK_WORKER, organisations=(practice,))
    editor = make_user(Role.COMMUNITY_EDITOR, organisations=(community,))
    tea = make_service(owner=community, name="Tea dance")
    walks = make_service(owner=community, name="Walking group")
    _links(worker, community, 3, service=tea)
    accepted = _links(worker, community, 1, service=walks)
    _links(worker, other, 2)  # sent to someone else
    services.update_link_status(
        link=accepted[0], to_status="accepted", actor=editor, as_organisation=True
    )
    client.force_login(editor)

    page = client.get(PORTAL).content.decode()
    assert "Waiting for your reply (3)" in page and "Accepted and attending (1)" in page
    assert "Page 1 of 2" in page and "Someone referred to Tea dance" in page
    assert "Referral 1" not in page  # a bare number is not a title
    current = client.get(f"{PORTAL}?show=current").content.decode()
    assert "Walking group" in current and "Tea dance</a>" not in current
    only_walks = client.get(f"{PORTAL}?service={walks.pk}").content.decode()
    assert "Waiting for your reply (0)" in only_walks
    assert f'value="{walks.pk}" selected' in only_walks
    assert (
        "Waiting for your reply (3)" in client.get(f"{PORTAL}?service=1%20OR%201").content.decode()
    )
    assert "no-store" in client.get(PORTAL).headers["Cache-Control"]


def test_portal_queries_constant_in_page_size_and_data(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    practice, community = PracticeFactory(), CommunityOrgFactory()
    worker = make_user(Role.LINK_WORKER, organisations=(practice,))
    editor = make_user(Role.COMMUNITY_EDITOR, organisations=(community,))
    _links(worker, community, 4)
    client.force_login(editor)
    monkeypatch.setattr(paged_lists, "PER_PAGE", 2)
    small = _queries(client, PORTAL)
    monkeypatch.setattr(paged_lists, "PER_PAGE", 8)
    assert _queries(client, PORTAL) == small
    _links(worker, community, 8)
    assert _queries(client, PORTAL) == small


def test_portal_form_asks_only_what_fits_in_plain_words(client: Client) -> None:
    practice, community = PracticeFactory(), CommunityOrgFactory()
    worker = make_user(Role.LINK_WORKER, organisations=(practice,))
    editor = make_user(Role.COMMUNITY_EDITOR, organisations=(community,))
    (link,) = _links(worker, community, 1)
    client.force_login(editor)
    url = reverse("casework:portal_link", args=[link.pk])

    sent = client.get(url).content.decode()
    assert "Can you take this person?" in sent and "Yes, we can take them" in sent
    assert "If you cannot take them, tell the link worker why" in sent
    assert "first session" not in sent  # no attendance date when accepting
    assert f"Reference {link.pk}" in sent

    refused = client.post(url, {"to_status": "declined", "reason": "", "version": link.version})
    assert refused.status_code == 422
    assert "Say why you cannot take this referral." in refused.content.decode()

    client.post(url, {"to_status": "accepted", "reason": "", "version": link.version})
    link.refresh_from_db()
    assert link.status == ServiceLink.Status.ACCEPTED
    attending = client.get(url).content.decode()
    assert "Did they come?" in attending and "Date of their first session" in attending
    assert "If you cannot take them" not in attending
