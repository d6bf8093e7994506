"""Stories from the public: consent wording, spam traps and rate limit, review and moderation
by the programme's managers only, nothing published without review and consent."""

from __future__ import annotations

import time
from typing import Any

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from linkwork.core.models import AuditEntry, Organisation
from linkwork.core.roles import Role
from linkwork.engagement import services
from linkwork.engagement.models import RateCount, Story
from linkwork.engagement.selectors import published_stories
from tests.core.factories import OrganisationFactory, make_user

pytestmark = pytest.mark.django_db


def started(seconds_ago: float = 30) -> str:
    return signing.dumps(time.time() - seconds_ago, salt="engagement.form-started")


def story(target: Organisation, **extra: Any) -> dict[str, Any]:
    data = {
        "started": started(), "programme": target.pk, "title": "The Tuesday lunch club",
        "summary": "A lunch club got me out of the house",
        "body": "After my husband died I didnae go out. The lunch club changed that.",
        "place": "Leven", "contributor_name": "Jean Brodie",
        "contributor_email": "jean@example.org",
        "consent_to_publish": "on", "consent_others": "on",
    }  # fmt: skip
    data.update(extra)
    return data


def world() -> dict[str, Any]:
    programme = OrganisationFactory(kind=Organisation.Kind.PROGRAMME, name="Fife programme")
    other = OrganisationFactory(kind=Organisation.Kind.PROGRAMME, name="Other programme")
    return {
        "programme": programme, "other": other,
        "manager": make_user(Role.PROGRAMME_MANAGER, organisations=(programme,)),
        "other_manager": make_user(Role.PROGRAMME_MANAGER, organisations=(other,)),
        "analyst": make_user(Role.ANALYST, organisations=(programme,)),
    }  # fmt: skip


def test_a_shared_story_waits_for_review_and_is_published_after_moderation() -> None:
    w = world()
    url = reverse("engagement:story_share")
    page = Client().get(url)
    html = page.content.decode()
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert "may be published on this website after it has been read" in html
    assert "never published" in html
    sent = Client().post(url, story(w["programme"]))
    assert sent.status_code == 302, sent.content.decode().split("ds_error-summary")[-1][:1500]
    shared = Story.objects.get()
    assert shared.status == Story.Status.IN_REVIEW and shared.shared_by_public
    assert shared.consent_to_publish and shared.consent_others
    assert not published_stories().exists()
    assert Client().get(reverse("engagement:story_detail", args=[shared.slug])).status_code == 404
    manager = Client()
    manager.force_login(w["manager"])
    queue = manager.get(reverse("engagement:story_review_list")).content.decode()
    assert "The Tuesday lunch club" in queue
    review = reverse("engagement:story_review", args=[shared.pk])
    page = manager.get(review)
    assert "Jean Brodie" in page.content.decode() and "no-store" in page["Cache-Control"]
    assert AuditEntry.objects.filter(
        object_type="engagement.story", action="view", actor=w["manager"]
    ).exists()
    got = manager.post(review, {
        "action": "publish", "title": "The Tuesday lunch club",
        "summary": "A lunch club got someone out of the house",
        "body": "After a bereavement they did not go out. The lunch club changed that.",
        "place": "Leven", "themes": "isolation, food", "tags": "lunch club",
    })  # fmt: skip
    assert got.status_code == 302
    shared.refresh_from_db()
    assert shared.status == Story.Status.PUBLISHED and shared.themes == ["isolation", "food"]
    public = Client().get(reverse("engagement:story_detail", args=[shared.slug]))
    text = public.content.decode()
    assert "bereavement" in text and "husband" not in text
    assert "Jean" not in text and "jean@example.org" not in text
    assert list(published_stories(theme="isolation")) == [shared]


def test_consent_is_required_and_shown_in_the_error_summary() -> None:
    w = world()
    url = reverse("engagement:story_share")
    got = Client().post(url, story(w["programme"], consent_to_publish="", consent_others=""))
    html = got.content.decode()
    assert got.status_code == 400 and "ds_error-summary" in html
    assert "Tick the box to agree to your story being published" in html
    assert 'href="#id_consent_others"' in html
    assert not Story.objects.exists()


@pytest.mark.parametrize(
    "attack",
    [
        {"website": "http://spam.example"},  # the honeypot
        {"started": "just now"},  # faster than a person (signed in the test)
        {"started": "forged"},
        {"programme": "999999"},
        {"body": "x" * 20_001},
    ],
)
def test_bots_and_tampered_forms_are_refused(attack: dict[str, Any]) -> None:
    w = world()
    if attack.get("started") == "just now":
        attack = {"started": started(seconds_ago=0)}
    got = Client().post(reverse("engagement:story_share"), story(w["programme"], **attack))
    assert got.status_code == 400
    assert not Story.objects.exists()


def test_a_practice_cannot_be_chosen_instead_of_a_programme() -> None:
    w = world()
    practice = OrganisationFactory(programme=w["programme"])
    got = Client().post(
        reverse("engagement:story_share"), story(w["programme"], programme=practice.pk)
    )
    assert got.status_code == 400 and not Story.objects.exists()


def test_many_stories_from_one_address_are_slowed_down_in_the_database() -> None:
    w = world()
    url = reverse("engagement:story_share")
    codes = [Client().post(url, story(w["programme"])).status_code for _ in range(12)]
    assert codes[:10] == [302] * 10 and codes[10:] == [429, 429]
    assert Story.objects.count() == 10
    assert RateCount.objects.get().count == 12


def test_stories_are_reviewed_only_by_their_programmes_managers() -> None:
    w = world()
    Client().post(reverse("engagement:story_share"), story(w["programme"]))
    shared = Story.objects.get()
    review = reverse("engagement:story_review", args=[shared.pk])
    publish = {"action": "publish", "title": "Hijack", "summary": "s", "body": "b"}
    other = Client()
    other.force_login(w["other_manager"])
    assert other.get(review).status_code == 404
    assert other.post(review, publish).status_code == 404
    assert other.post(review, {"action": "decline", "note": "no"}).status_code == 404
    assert "Tuesday" not in other.get(reverse("engagement:story_review_list")).content.decode()
    analyst = Client()
    analyst.force_login(w["analyst"])
    assert analyst.get(review).status_code == 403
    assert analyst.post(review, publish).status_code == 403
    assert Client().get(review).status_code == 302  # to sign in
    shared.refresh_from_db()
    assert shared.status == Story.Status.IN_REVIEW and shared.title == "The Tuesday lunch club"
    manager = Client()
    manager.force_login(w["manager"])
    assert manager.post(review, {"action": "decline", "note": "Names a child"}).status_code == 302
    shared.refresh_from_db()
    assert shared.status == Story.Status.DECLINED and shared.review_note == "Names a child"
    assert not published_stories().exists()
    again = manager.post(review, publish)  # a declined story cannot be published by replay
    assert again.status_code == 400
    with pytest.raises(ValueError):
        services.publish_story(actor=w["manager"], story=shared)
    shared.refresh_from_db()
    assert shared.status == Story.Status.DECLINED


def test_the_story_page_escapes_what_people_typed() -> None:
    w = world()
    Client().post(
        reverse("engagement:story_share"),
        story(w["programme"], body="<script>alert(1)</script> and more"),
    )
    manager = Client()
    manager.force_login(w["manager"])
    shared = Story.objects.get()
    page = manager.get(reverse("engagement:story_review", args=[shared.pk])).content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
