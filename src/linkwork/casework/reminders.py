"""Appointment reminders to people (SMS or email) through a pluggable backend.

Set `CASEWORK_REMINDER_BACKEND` to a dotted path of a class with
`send(*, channel: str, to: str, text: str) -> None`; the default prints to the console
(never any part of the address), which is what the demo uses.

A reminder is a message left for the person, so it goes only to someone who has said it is
safe to leave them a message, by a way they chose (SMS to their mobile, email), while they
agree to be contacted. Run `linkwork casework-reminders`
from a scheduler (e.g. every hour).
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any, Protocol

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from linkwork.casework.choices import YesNoUnknown
from linkwork.casework.consent import may_contact
from linkwork.casework.guards import service
from linkwork.casework.models import Encounter, Person
from linkwork.casework.states import OPEN


class ReminderBackend(Protocol):
    def send(self, *, channel: str, to: str, text: str) -> None: ...


class ConsoleBackend:
    """Prints reminders instead of sending them (demo and development)."""

    def __init__(self, stream: Any = None) -> None:
        self.stream = stream or sys.stdout

    def send(self, *, channel: str, to: str, text: str) -> None:
        self.stream.write(f"[reminder by {channel}] {text}\n")


def get_backend() -> ReminderBackend:
    path = getattr(settings, "CASEWORK_REMINDER_BACKEND", "")
    return import_string(path)() if path else ConsoleBackend()


def _channel(person: Person) -> tuple[str, str] | None:
    """The way to send a reminder, or None when the person has not agreed to one: only when
    they said it is safe to leave a message, and only by a way they chose."""
    if person.safe_to_leave_message != YesNoUnknown.YES:
        return None
    methods = set(person.contact_methods or [])
    if "sms" in methods and person.mobile:
        return "sms", person.mobile
    if "email" in methods and person.email:
        return "email", person.email
    return None


@service
@transaction.atomic
def send_appointment_reminders(
    *,
    now: dt.datetime | None = None,
    within_hours: int = 24,
    backend: ReminderBackend | None = None,
) -> int:
    """Remind people of booked contacts in the next `within_hours`, once each, only by a way
    they chose and only while they agree to be contacted."""
    now = now or timezone.now()
    backend = backend or get_backend()
    due = (
        Encounter.objects.select_for_update()
        .filter(
            attendance=Encounter.Attendance.BOOKED,
            reminder_sent_at__isnull=True,
            occurred_at__gt=now,
            occurred_at__lte=now + dt.timedelta(hours=within_hours),
            case__status__in=OPEN,
        )
        .select_related("case__person", "case__practice")
    )
    sent = 0
    for encounter in due:
        person = encounter.case.person
        route = _channel(person)
        if route is None or not may_contact(person=person):
            continue
        when = timezone.localtime(encounter.occurred_at)
        text = _("Reminder: you have a %(mode)s with your link worker on %(when)s.") % {
            "mode": encounter.get_mode_display().lower(),
            "when": when.strftime("%A %d %B at %H:%M"),
        }
        backend.send(channel=route[0], to=route[1], text=text)
        Encounter.objects.filter(pk=encounter.pk).update(reminder_sent_at=now)
        sent += 1
    return sent
