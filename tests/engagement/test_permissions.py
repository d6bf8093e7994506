"""Who may create consultations and see responses: every role, another programme, a member who
has left; analysts never see who answered."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from linkwork.core.models import Membership, Organisation
from linkwork.core.roles import Role
from linkwork.engagement import services
from linkwork.engagement.models import Consultation, Story
from linkwork.engagement.selectors import consultations_for, published_stories
from linkwork.engagement.services import QuestionSpec
from tests.core.factories import OrganisationFactory, make_user
from tests.engagement.factories import ConsultationFactory, submitted, with_questions

pytestmark = pytest.mark.django_db


def world() -> dict[str, Any]:
    programme = OrganisationFactory(kind=Organisation.Kind.PROGRAMME)
    other = OrganisationFactory(kind=Organisation.Kind.PROGRAMME)
    practice = OrganisationFactory(programme=programme)
    community = OrganisationFactory(kind=Organisation.Kind.COMMUNITY, programme=programme)
    consultation = ConsultationFactory(organisation=programme, anonymous=False)
    questions = with_questions(consultation)
    submitted(
        consultation, {questions["open"]: {"text": "the bus never comes"}}, name="Morag Campbell"
    )
    return {
        "programme": programme, "other": other, "consultation": consultation,
        "manager": make_user(Role.PROGRAMME_MANAGER, organisations=(programme,)),
        "analyst": make_user(Role.ANALYST, organisations=(programme,)),
        "other_manager": make_user(Role.PROGRAMME_MANAGER, organisations=(other,)),
        "other_analyst": make_user(Role.ANALYST, organisations=(other,)),
        "link_worker": make_user(Role.LINK_WORKER, organisations=(practice,)),
        "practice_staff": make_user(Role.PRACTICE_STAFF, organisations=(practice,)),
        "editor": make_user(Role.COMMUNITY_EDITOR, organisations=(community,)),
        "dpo": make_user(Role.DPO, organisations=(programme,)),
        "community": community,
    }  # fmt: skip


def _create(user: Any, organisation: Organisation, slug: str) -> Consultation:
    return services.create_consultation(
        actor=user, organisation=organisation, title="Have your say", slug=slug,
        consent_text="c", privacy_notice="p", questions=[QuestionSpec("open", "Tell us")],
    )  # fmt: skip


def test_only_a_manager_of_the_programme_creates_its_consultations() -> None:
    w = world()
    created = _create(w["manager"], w["programme"], "ok")
    assert created.questions.count() == 1
    refused = ["analyst", "other_manager", "link_worker", "practice_staff", "editor", "dpo"]
    for n, name in enumerate(refused):
        with pytest.raises(PermissionDenied):
            _create(w[name], w["programme"], f"no-{n}")
    with pytest.raises(PermissionDenied):
        _create(w["manager"], w["other"], "elsewhere")


PAGES = ["consultation_detail", "report", "export_csv", "import_responses"]


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("manager", True), ("analyst", True), ("other_manager", False), ("other_analyst", False),
        ("link_worker", False), ("practice_staff", False), ("editor", False), ("dpo", False),
    ],
)  # fmt: skip
def test_responses_are_seen_only_by_the_programmes_managers_and_analysts(
    who: str, allowed: bool
) -> None:
    w = world()
    client = Client()
    client.force_login(w[who])
    for page in PAGES:
        got = client.get(reverse(f"engagement:{page}", args=[w["consultation"].pk]))
        assert (got.status_code == 200) is allowed, (who, page, got.status_code)
        if not allowed:
            assert got.status_code == 403
    listed = list(consultations_for(w[who]))
    assert (w["consultation"] in listed) is allowed


def test_signed_out_visitors_are_sent_to_sign_in_for_staff_pages() -> None:
    w = world()
    for page in PAGES:
        got = Client().get(reverse(f"engagement:{page}", args=[w["consultation"].pk]))
        assert got.status_code == 302 and "/accounts/login/" in got["Location"]


def test_a_member_who_has_left_loses_access_at_once() -> None:
    w = world()
    client = Client()
    client.force_login(w["analyst"])
    url = reverse("engagement:consultation_detail", args=[w["consultation"].pk])
    assert client.get(url).status_code == 200
    Membership.objects.filter(user=w["analyst"]).delete()
    assert client.get(url).status_code == 403


def test_analysts_never_see_names_managers_of_a_named_consultation_do() -> None:
    w = world()
    url = reverse("engagement:export_csv", args=[w["consultation"].pk])
    analyst, manager = Client(), Client()
    analyst.force_login(w["analyst"])
    manager.force_login(w["manager"])
    assert "Morag" not in analyst.get(url).content.decode()
    assert "Morag Campbell" in manager.get(url).content.decode()
    w["consultation"].anonymous = True
    w["consultation"].save()
    assert "Morag" not in manager.get(url).content.decode()


def test_theme_runs_and_review_are_refused_to_another_programme() -> None:
    w = world()
    question = w["consultation"].questions.get(kind="open")
    with pytest.raises(PermissionDenied):
        services.run_themes(actor=w["other_analyst"], question=question, n_themes=1)
    run = services.run_themes(actor=w["analyst"], question=question, n_themes=1)
    theme = run.themes.get()
    with pytest.raises(PermissionDenied):
        services.rename_theme(actor=w["other_manager"], theme=theme, label="Buses")
    client = Client()
    client.force_login(w["other_analyst"])
    review = reverse("engagement:theme_review", args=[w["consultation"].pk, question.pk])
    assert client.get(review).status_code == 403
    assert (
        client.post(review, {"action": "rename", "theme": theme.pk, "label": "x"}).status_code
        == 403
    )
    theme.refresh_from_db()
    assert theme.label == theme.machine_label


def test_stories_are_public_only_after_a_programme_manager_publishes_them() -> None:
    w = world()
    story = services.submit_story(
        actor=w["editor"], organisation=w["community"], title="Warm space in Leven",
        slug="warm-space", summary="A hall opened its doors", body="Every Tuesday...",
        place="Leven", themes=["Isolation"], tags=["warm spaces"],
    )  # fmt: skip
    assert story.status == Story.Status.IN_REVIEW
    assert not published_stories().exists()
    assert Client().get(reverse("engagement:story_detail", args=["warm-space"])).status_code == 404
    for name in ("editor", "analyst", "other_manager"):
        with pytest.raises(PermissionDenied):
            services.publish_story(actor=w[name], story=story)
    with pytest.raises(PermissionDenied):
        services.submit_story(
            actor=w["editor"], organisation=w["other"], title="x", slug="x", summary="x", body="x"
        )
    services.publish_story(actor=w["manager"], story=story)
    assert list(published_stories(query="leven", theme="isolation")) == [story]
    assert not published_stories(theme="transport").exists()
    page = Client().get(reverse("engagement:story_list") + "?q=warm")
    assert b"Warm space in Leven" in page.content
