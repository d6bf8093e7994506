"""Attack test (2026-11-29): the link worker network as a member, a moderator, and someone
outside it: stored XSS through event fields, hidden profiles, others' suggestions, uploads."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from linkwork.core.roles import Role
from linkwork.network.choices import Visibility
from linkwork.network.models import Event, Resource
from tests.core.factories import make_user
from tests.network.factories import (
    ProfileFactory,
    ResourceFactory,
    exe_bytes,
    member,
    moderator,
)

pytestmark = pytest.mark.django_db

PAYLOAD = "javascript://%0aalert(document.cookie)"


def test_an_events_feedback_link_never_renders_a_javascript_url(client: Client) -> None:
    start = timezone.localtime() + dt.timedelta(days=3)
    client.force_login(moderator())
    response = client.post(
        "/network/events/new/",
        {
            "title": "Peer learning",
            "description": "Learning together",
            "format": "online",
            "online_url": "https://meet.example.org/x",
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start + dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            "capacity": "10",
            "feedback_consultation": PAYLOAD,
        },
    )
    assert response.status_code in (302, 400)
    event = Event.objects.filter(title="Peer learning").first()
    if event is not None:  # accepted: the page shown to every member once the event is past
        Event.objects.filter(pk=event.pk).update(
            starts_at=timezone.now() - dt.timedelta(days=2),
            ends_at=timezone.now() - dt.timedelta(days=2) + dt.timedelta(hours=1),
        )
        client.force_login(member())
        page = client.get(f"/network/events/{event.pk}/").content.decode()
        assert 'href="javascript:' not in page


def test_a_profile_visible_to_nobody_cannot_be_found_or_opened(client: Client) -> None:
    hidden = ProfileFactory(display_name="Hidden Person", visibility=Visibility.NOBODY)
    client.force_login(member())
    assert client.get(f"/network/members/{hidden.pk}/").status_code == 404
    listing = client.get("/network/members/", {"q": "Hidden"}).content.decode()
    assert "Hidden Person" not in listing


def test_a_members_suggestion_stays_private_to_them_and_moderators(client: Client) -> None:
    owner = member()
    suggestion = ResourceFactory(
        owner=owner, status=Resource.Status.SUGGESTED, title="Unvetted suggestion"
    )
    client.force_login(member())
    assert client.get(f"/network/resources/{suggestion.pk}/").status_code == 404
    assert client.get(f"/network/resources/{suggestion.pk}/download/").status_code == 404
    response = client.post(f"/network/resources/{suggestion.pk}/publish/")
    assert response.status_code in (403, 404)
    suggestion.refresh_from_db()
    assert suggestion.status == Resource.Status.SUGGESTED


def test_a_program_renamed_to_pdf_is_refused(client: Client, settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings.NETWORK_PRIVATE_ROOT = tmp_path
    client.force_login(member())
    upload = SimpleUploadedFile("checklist.pdf", exe_bytes(), content_type="application/pdf")
    response = client.post(
        "/network/resources/new/",
        {
            "kind": "document",
            "title": "Checklist",
            "summary": "A checklist",
            "audience": "everyone",
            "upload": upload,
        },
    )
    assert response.status_code == 400
    assert not Resource.objects.filter(title="Checklist").exists()
    assert not any(tmp_path.rglob("*"))


def test_html_disguised_as_a_pdf_downloads_as_an_attachment_in_a_sandbox(
    client: Client,
    settings,
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    settings.NETWORK_PRIVATE_ROOT = tmp_path
    client.force_login(moderator())
    polyglot = b"%PDF-1.4\n<html><script>alert(1)</script></html>"
    client.post(
        "/network/resources/new/",
        {
            "kind": "document",
            "title": "Polyglot",
            "summary": "x",
            "audience": "everyone",
            "upload": SimpleUploadedFile("x.html", polyglot, content_type="text/html"),
        },
    )
    resource = Resource.objects.get(title="Polyglot")
    client.force_login(member())
    response = client.get(f"/network/resources/{resource.pk}/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    response.close()  # the test client leaves the stored file open otherwise


def test_people_outside_the_network_see_nothing_of_it(client: Client) -> None:
    resource = ResourceFactory(title="Members only resource")
    urls = ("/network/", "/network/members/", f"/network/resources/{resource.pk}/")
    for url in urls:  # the public is sent to sign in
        response = client.get(url)
        assert response.status_code == 302, (url, response.status_code)
        assert response["Location"].startswith("/accounts/login/"), url
    client.force_login(make_user(username="no-role-outsider"))
    for url in urls:  # signed in, but holding no staff role
        response = client.get(url)
        assert response.status_code in (403, 404), (url, response.status_code)
        assert b"Members only resource" not in response.content, url


def test_only_moderators_moderate(client: Client) -> None:
    from tests.network.factories import TopicFactory

    topic = TopicFactory()
    client.force_login(make_user(Role.LINK_WORKER))
    response = client.post(f"/network/discussions/{topic.pk}/moderate/", {"action": "hide"})
    assert response.status_code in (403, 404)
    topic.refresh_from_db()
    assert not topic.hidden
