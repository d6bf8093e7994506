"""Attack test (2026-11-29): consultations and stories as the public, an analyst or manager
of another programme, and an analyst who must never see who answered."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from linkwork.core.models import Membership, Organisation
from linkwork.core.roles import Role
from linkwork.engagement.models import Story
from tests.core.factories import OrganisationFactory, make_user
from tests.engagement.factories import ConsultationFactory, submitted, with_questions

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered():  # type: ignore[no-untyped-def]
    consultation = ConsultationFactory(anonymous=False)
    questions = with_questions(consultation)
    submitted(
        consultation,
        {questions["open"]: {"text": '=HYPERLINK("https://evil.example","x")'}},
        name="Rhona Secret",
    )
    return consultation


def test_an_analyst_never_sees_who_answered(client: Client, answered) -> None:  # type: ignore[no-untyped-def]
    client.force_login(make_user(Role.ANALYST, organisations=(answered.organisation,)))
    for url in (
        f"/engagement/{answered.pk}/",
        f"/engagement/{answered.pk}/report/",
        f"/engagement/{answered.pk}/export.csv",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"Rhona Secret" not in response.content, url


def test_the_response_export_defuses_formulas(client: Client, answered) -> None:  # type: ignore[no-untyped-def]
    client.force_login(make_user(Role.PROGRAMME_MANAGER, organisations=(answered.organisation,)))
    body = client.get(f"/engagement/{answered.pk}/export.csv").content.decode()
    assert "'=HYPERLINK" in body
    assert ",=HYPERLINK" not in body and ',"=HYPERLINK' not in body


@pytest.mark.parametrize("role", [Role.ANALYST, Role.PROGRAMME_MANAGER])
def test_another_programmes_consultation_is_refused(client: Client, answered, role: Role) -> None:  # type: ignore[no-untyped-def]
    other = OrganisationFactory(kind=Organisation.Kind.PROGRAMME)
    client.force_login(make_user(role, organisations=(other,)))
    for url in (
        f"/engagement/{answered.pk}/",
        f"/engagement/{answered.pk}/report/",
        f"/engagement/{answered.pk}/report.pdf",
        f"/engagement/{answered.pk}/export.csv",
        f"/engagement/{answered.pk}/import/",
    ):
        assert client.get(url).status_code in (403, 404), url
    assert answered.title.encode() not in client.get("/engagement/").content


def test_a_manager_who_left_the_programme_loses_the_responses(client: Client, answered) -> None:  # type: ignore[no-untyped-def]
    manager = make_user(Role.PROGRAMME_MANAGER, organisations=(answered.organisation,))
    client.force_login(manager)
    assert client.get(f"/engagement/{answered.pk}/export.csv").status_code == 200
    Membership.objects.filter(user=manager).delete()
    assert client.get(f"/engagement/{answered.pk}/export.csv").status_code in (403, 404)


def test_a_resume_link_with_a_wrong_token_reveals_no_answers(client: Client, answered) -> None:  # type: ignore[no-untyped-def]
    response = client.get(f"/consultations/{answered.slug}/resume/guessed-token/")
    assert response.status_code == 404


def test_unpublished_stories_are_not_public(client: Client) -> None:
    org = OrganisationFactory(kind=Organisation.Kind.COMMUNITY)
    Story.objects.create(
        organisation=org, title="Draft story", slug="draft-story", summary="s", body="b"
    )
    assert client.get("/stories/draft-story/").status_code == 404
    assert b"Draft story" not in client.get("/stories/").content


def test_a_consultation_not_yet_open_reveals_nothing(client: Client) -> None:
    ConsultationFactory(
        slug="future-plans",
        title="Closing the Wick practice",
        opens_at=timezone.now() + dt.timedelta(days=30),
    )
    for url in ("/consultations/future-plans/", "/consultations/future-plans/thanks/"):
        assert b"Closing the Wick practice" not in client.get(url).content, url
