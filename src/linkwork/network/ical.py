"""iCalendar (RFC 5545) for learning events: one event, or a member's personal feed."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from linkwork.network.models import Event


def _calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//Linkwork//Link worker network//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    return cal


def _component(event: Event, base_url: str) -> CalendarEvent:
    item = CalendarEvent()
    host = getattr(settings, "NETWORK_CALENDAR_DOMAIN", "linkwork.scot")
    item.add("uid", f"network-event-{event.pk}@{host}")
    item.add("dtstamp", timezone.now())
    item.add("dtstart", event.starts_at)
    item.add("dtend", event.ends_at)
    item.add("summary", event.title)
    item.add("description", event.description)
    if event.format == Event.Format.ONLINE:
        item.add("location", event.online_url or gettext("Online"))
    else:
        item.add("location", event.location)
    if base_url:
        item.add("url", base_url)
    return item


def event_calendar(event: Event, *, url: str = "") -> bytes:
    cal = _calendar(event.title)
    cal.add_component(_component(event, url))
    return cal.to_ical()


def feed(events: Iterable[Event], *, name: str, url_for: dict[int, str]) -> bytes:
    cal = _calendar(name)
    for event in events:
        cal.add_component(_component(event, url_for.get(event.pk, "")))
    return cal.to_ical()
