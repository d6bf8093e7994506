"""Event feedback is an engagement consultation and case studies are engagement stories:
linked records, scoped by the one policy, with the demo wired the same way."""

from __future__ import annotations

import datetime as dt
import random
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from linkwork.core.models import Organisation, User
from linkwork.core.roles import DEMO_USERNAMES, Role
from linkwork.engagement.models import Story
from linkwork.network import demo
from linkwork.network.models import CaseStudyLink, Event
from linkwork.network.services import events as event_services
from linkwork.network.services import resources as resource_services
from tests.core.factories import OrganisationFactory, make_user
from tests.engagement.factories import ConsultationFactory
from tests.network.factories import EventFactory, member

pytestmark = pytest.mark.django_db


def _programme() -> Organisation:
    return OrganisationFactory(kind=Organisation.Kind.PROGRAMME)


def _manager(programme: Organisation, **kwargs: object) -> User:
    return make_user(Role.PROGRAMME_MANAGER, organisations=(programme,), **kwargs)


def _story(programme: Organisation, status: str = Story.Status.PUBLISHED) -> Story:
    return Story.objects.create(
        organisation=programme,
        title="A warm welcome",
        slug=f"warm-welcome-{status}",
        summary="A church hall became a warm space.",
        body="It started with one conversation.",
        status=status,
        published_at=timezone.now() if status == Story.Status.PUBLISHED else None,
    )


def _event_form(consultation_pk: object = "") -> dict[str, object]:
    start = timezone.localtime() + dt.timedelta(days=7)
    return {
        "title": "Peer learning",
        "description": "Share what works.",
        "format": "online",
        "online_url": "https://meet.example.org/x",
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + dt.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "capacity": 10,
        "feedback_consultation": consultation_pk,
    }


def test_an_event_takes_feedback_through_its_own_programmes_consultation() -> None:
    programme = _programme()
    consultation = ConsultationFactory(organisation=programme)
    client = Client()
    client.force_login(_manager(programme))
    response = client.post(reverse("network:event_new"), _event_form(consultation.pk))
    assert response.status_code == 302
    assert Event.objects.get(title="Peer learning").feedback_consultation == consultation


def test_another_programmes_consultation_is_neither_offered_nor_accepted() -> None:
    theirs = ConsultationFactory(organisation=_programme(), title="Their private survey")
    manager = _manager(_programme())
    client = Client()
    client.force_login(manager)
    assert "Their private survey" not in client.get(reverse("network:event_new")).content.decode()
    response = client.post(reverse("network:event_new"), _event_form(theirs.pk))
    assert response.status_code == 400
    assert not Event.objects.filter(title="Peer learning").exists()
    with pytest.raises(ValidationError):
        event_services.create_event(
            actor=manager,
            title="Direct",
            description="x",
            format="online",
            starts_at=timezone.now() + dt.timedelta(days=1),
            ends_at=timezone.now() + dt.timedelta(days=1, hours=1),
            capacity=5,
            feedback_consultation=theirs,
        )


def test_after_the_event_members_are_asked_for_feedback_and_only_its_programme_reads_it() -> None:
    programme = _programme()
    consultation = ConsultationFactory(organisation=programme)
    past = timezone.now() - dt.timedelta(days=2)
    event = EventFactory(
        starts_at=past, ends_at=past + dt.timedelta(hours=2), feedback_consultation=consultation
    )
    url = reverse("network:event_detail", args=[event.pk])
    respond = reverse("engagement:respond", args=[consultation.slug])
    themes = reverse("engagement:consultation_detail", args=[consultation.pk])

    attendee = Client()
    attendee.force_login(member())
    page = attendee.get(url).content.decode()
    assert respond in page and themes not in page

    own = Client()
    own.force_login(_manager(programme))
    assert themes in own.get(url).content.decode()

    other = Client()
    other.force_login(_manager(_programme()))
    assert themes not in other.get(url).content.decode()


def test_no_feedback_link_before_the_event_or_once_the_consultation_has_closed() -> None:
    consultation = ConsultationFactory(closes_at=timezone.now() - dt.timedelta(hours=1))
    past = timezone.now() - dt.timedelta(days=2)
    closed = EventFactory(
        starts_at=past, ends_at=past + dt.timedelta(hours=1), feedback_consultation=consultation
    )
    upcoming = EventFactory(feedback_consultation=ConsultationFactory())
    client = Client()
    client.force_login(member())
    for event in (closed, upcoming):
        page = client.get(reverse("network:event_detail", args=[event.pk])).content.decode()
        assert "/consultations/" not in page


def test_a_case_study_is_a_published_story_linked_from_the_library() -> None:
    programme = _programme()
    story = _story(programme)
    client = Client()
    client.force_login(_manager(programme))
    response = client.post(
        reverse("network:case_study_new"), {"title": "Warm spaces", "story": story.pk}
    )
    assert response.status_code == 302
    assert CaseStudyLink.objects.get(title="Warm spaces").story == story
    page = client.get(reverse("network:case_study_list")).content.decode()
    assert reverse("engagement:story_detail", args=[story.slug]) in page


def test_an_unpublished_story_cannot_be_linked() -> None:
    programme = _programme()
    draft = _story(programme, status=Story.Status.IN_REVIEW)
    manager = _manager(programme)
    client = Client()
    client.force_login(manager)
    response = client.post(reverse("network:case_study_new"), {"title": "Early", "story": draft.pk})
    assert response.status_code == 400
    with pytest.raises(ValidationError):
        resource_services.add_case_study(actor=manager, title="Early", story=draft)
    assert not CaseStudyLink.objects.exists()


def test_a_story_withdrawn_later_is_no_longer_linked() -> None:
    programme = _programme()
    story = _story(programme)
    resource_services.add_case_study(actor=_manager(programme), title="Warm spaces", story=story)
    Story.objects.filter(pk=story.pk).update(status=Story.Status.IN_REVIEW)
    client = Client()
    client.force_login(member())
    page = client.get(reverse("network:case_study_list")).content.decode()
    assert "Warm spaces" in page
    assert reverse("engagement:story_detail", args=[story.slug]) not in page


def test_the_demo_wires_past_events_to_feedback_and_stories_to_case_studies() -> None:
    programme = _programme()
    _manager(programme, username=DEMO_USERNAMES[Role.PROGRAMME_MANAGER])
    story = _story(programme)
    demo.generate(scale="small", rng=random.Random(1), stdout=StringIO())
    now = timezone.now()
    past = Event.objects.filter(ends_at__lt=now)
    assert past.exists()
    assert all(e.feedback_consultation is not None for e in past)
    assert {e.feedback_consultation.organisation for e in past} == {programme}  # type: ignore[union-attr]
    assert not Event.objects.filter(ends_at__gt=now, feedback_consultation__isnull=False).exists()
    assert CaseStudyLink.objects.filter(story=story).exists()
