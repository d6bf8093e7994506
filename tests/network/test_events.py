"""Learning events: places, the waiting list and promotion, attendance, reminders, calendars."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from linkwork.core.models import AuditEntry
from linkwork.network.models import Registration
from linkwork.network.services import events as services
from linkwork.network.services.members import profile_for
from tests.network.factories import EventFactory, member, moderator

pytestmark = pytest.mark.django_db

CONFIRMED, WAITING, CANCELLED = "confirmed", "waiting", "cancelled"


def test_registration_past_capacity_goes_to_the_waiting_list_and_is_promoted_on_cancel() -> None:
    event = EventFactory(capacity=2)
    first, second, third, fourth = (member() for _ in range(4))
    first.email, third.email = "first@example.org", "third@example.org"
    r1 = services.register(actor=first, event=event)
    r2 = services.register(actor=second, event=event)
    r3 = services.register(actor=third, event=event)
    r4 = services.register(actor=fourth, event=event)
    assert [r1.status, r2.status, r3.status, r4.status] == [CONFIRMED, CONFIRMED, WAITING, WAITING]

    promoted = services.cancel(actor=first, registration=r1)
    assert promoted is not None and promoted.pk == r3.pk  # first come, first served
    r3.refresh_from_db()
    r4.refresh_from_db()
    assert (r3.status, r4.status) == (CONFIRMED, WAITING)
    assert Registration.objects.filter(event=event, status=CONFIRMED).count() == 2


def test_the_promoted_member_is_emailed(django_capture_on_commit_callbacks: object) -> None:
    event = EventFactory(capacity=1)
    holder, waiting = member(), member(email="waiting@example.org")
    r1 = services.register(actor=holder, event=event)
    services.register(actor=waiting, event=event)
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        services.cancel(actor=holder, registration=r1)
    assert [m.to for m in mail.outbox] == [["waiting@example.org"]]
    assert event.title in mail.outbox[0].subject


def test_leaving_the_waiting_list_promotes_nobody() -> None:
    event = EventFactory(capacity=1)
    services.register(actor=member(), event=event)
    waiting = services.register(actor=member(), event=event)
    assert services.cancel(actor=waiting.user, registration=waiting) is None


def test_registering_twice_keeps_one_registration() -> None:
    event = EventFactory(capacity=1)
    worker = member()
    services.register(actor=worker, event=event)
    services.register(actor=worker, event=event)
    assert Registration.objects.filter(event=event).count() == 1


def test_a_cancelled_member_who_registers_again_joins_the_end_of_the_queue() -> None:
    event = EventFactory(capacity=1)
    holder, other = member(), member()
    r1 = services.register(actor=holder, event=event)
    services.register(actor=other, event=event)
    services.cancel(actor=holder, registration=r1)
    again = services.register(actor=holder, event=event)
    assert again.status == WAITING


def test_nobody_can_register_for_a_finished_event() -> None:
    past = timezone.now() - dt.timedelta(days=3)
    event = EventFactory(starts_at=past, ends_at=past + dt.timedelta(hours=1))
    with pytest.raises(ValidationError):
        services.register(actor=member(), event=event)


def test_a_member_cannot_cancel_someone_elses_place() -> None:
    event = EventFactory()
    registration = services.register(actor=member(), event=event)
    with pytest.raises(PermissionDenied):
        services.cancel(actor=member(), registration=registration)


def test_a_moderator_records_attendance() -> None:
    event = EventFactory(capacity=3)
    came = services.register(actor=member(), event=event)
    absent = services.register(actor=member(), event=event)
    assert services.record_attendance(actor=moderator(), event=event, attended_ids={came.pk}) == 1
    came.refresh_from_db()
    absent.refresh_from_db()
    assert (came.attended, absent.attended) == (True, False)
    with pytest.raises(PermissionDenied):
        services.record_attendance(actor=member(), event=event, attended_ids=set())


def test_reminders_go_once_to_people_with_a_place_at_events_starting_within_a_day() -> None:
    soon = EventFactory(
        capacity=1,
        starts_at=timezone.now() + dt.timedelta(hours=5),
        ends_at=timezone.now() + dt.timedelta(hours=7),
    )
    later = EventFactory(capacity=1)
    services.register(actor=member(email="a@example.org"), event=soon)
    services.register(actor=member(email="b@example.org"), event=soon)  # waiting: no reminder
    services.register(actor=member(email="c@example.org"), event=later)
    assert services.send_reminders() == 1
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    assert services.send_reminders() == 0


def test_the_reminder_command_sends_reminders() -> None:
    from django.core.management import call_command

    soon = EventFactory(
        starts_at=timezone.now() + dt.timedelta(hours=2),
        ends_at=timezone.now() + dt.timedelta(hours=3),
    )
    services.register(actor=member(email="a@example.org"), event=soon)
    call_command("network-event-reminders")
    assert len(mail.outbox) == 1


def test_the_register_page_flow_fills_places_then_the_waiting_list() -> None:
    event = EventFactory(capacity=1)
    first, second = Client(), Client()
    first.force_login(member())
    second.force_login(member())
    url = reverse("network:event_register", args=[event.pk])
    assert first.post(url).status_code == 302
    second.post(url)
    page = second.get(reverse("network:event_detail", args=[event.pk])).content.decode()
    assert "number 1 on the waiting list" in page
    assert Registration.objects.filter(event=event, status=WAITING).count() == 1


def test_event_calendar_file_is_valid_icalendar() -> None:
    event = EventFactory(title="Peer learning: loneliness")
    client = Client()
    client.force_login(member())
    response = client.get(reverse("network:event_ics", args=[event.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    [item] = calendar.walk("VEVENT")
    assert str(item["SUMMARY"]) == "Peer learning: loneliness"


def test_personal_feed_lists_my_events_by_token_without_personal_data() -> None:
    worker = member(first_name="Morag", last_name="Macleod", email="morag@example.org")
    mine, not_mine = EventFactory(), EventFactory()
    services.register(actor=worker, event=mine)
    token = profile_for(worker).feed_token
    response = Client().get(reverse("network:personal_feed", args=[token]))
    assert response.status_code == 200
    body = response.content.decode()
    assert mine.title in body and not_mine.title not in body
    assert "Morag" not in body and "morag@" not in body and worker.username not in body
    assert worker.username not in reverse("network:personal_feed", args=[token])


def test_a_wrong_or_renewed_feed_token_finds_nothing() -> None:
    from linkwork.network.services.members import renew_feed_token

    worker = member()
    profile = profile_for(worker)
    old = profile.feed_token
    assert Client().get(reverse("network:personal_feed", args=["x" * 43])).status_code == 404
    renew_feed_token(actor=worker, profile=profile)
    assert Client().get(reverse("network:personal_feed", args=[old])).status_code == 404


def test_a_member_who_lost_their_role_has_no_feed() -> None:
    worker = member()
    token = profile_for(worker).feed_token
    worker.groups.clear()
    assert Client().get(reverse("network:personal_feed", args=[token])).status_code == 404


def test_registration_is_audited_without_content() -> None:
    event = EventFactory()
    registration = services.register(actor=member(), event=event)
    entry = AuditEntry.objects.get(
        object_type="network.registration", object_id=str(registration.pk)
    )
    assert entry.detail == {"status": "confirmed"}
