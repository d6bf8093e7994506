"""Turning directory records into plain words for people: opening times, staleness, cost."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import formats, timezone
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from linkwork.directory.models import Schedule, Service

STALE_AFTER = timedelta(days=365)
DAY_NAMES = {
    "MO": gettext_lazy("Mondays"),
    "TU": gettext_lazy("Tuesdays"),
    "WE": gettext_lazy("Wednesdays"),
    "TH": gettext_lazy("Thursdays"),
    "FR": gettext_lazy("Fridays"),
    "SA": gettext_lazy("Saturdays"),
    "SU": gettext_lazy("Sundays"),
}
WEEKDAY_CHOICES = [
    (1, gettext_lazy("Monday")),
    (2, gettext_lazy("Tuesday")),
    (3, gettext_lazy("Wednesday")),
    (4, gettext_lazy("Thursday")),
    (5, gettext_lazy("Friday")),
    (6, gettext_lazy("Saturday")),
    (7, gettext_lazy("Sunday")),
]


def _clock(value: str) -> str:
    """ "13:30:00" -> "1:30pm"; "10:00" -> "10am"; anything else as given."""
    for fmt in ("%H:%M:%S", "%H:%M"):
        try:
            t = datetime.strptime(value.strip(), fmt).time()
        except ValueError:
            continue
        return _time_words(t)
    return value


def _time_words(t: time) -> str:
    if t == time(12, 0):
        return _("midday")
    if not (get_language() or "en").startswith("en"):
        return formats.time_format(t)  # the reader's own clock (pl, uk, ar, zh: 24-hour)
    hour = t.hour % 12 or 12
    suffix = "am" if t.hour < 12 else "pm"
    return f"{hour}{suffix}" if t.minute == 0 else f"{hour}:{t.minute:02d}{suffix}"


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return _("%(first)s and %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


def schedule_text(schedule: Schedule) -> str:
    """One opening in plain words, e.g. "Mondays and Wednesdays, 10am to 12pm"."""
    hours = ""
    if schedule.opens_at and schedule.closes_at:
        hours = _("%(opens)s to %(closes)s") % {
            "opens": _clock(schedule.opens_at),
            "closes": _clock(schedule.closes_at),
        }
    elif schedule.opens_at:
        hours = _("from %s") % _clock(schedule.opens_at)
    if schedule.freq == "WEEKLY" and schedule.byday:
        days = [
            str(DAY_NAMES.get(d.strip()[-2:], d)) for d in schedule.byday.split(",") if d.strip()
        ]
        when = _join(days)
        if schedule.interval and schedule.interval > 1:
            when = _("every %(n)d weeks on %(days)s") % {"n": int(schedule.interval), "days": when}
    elif schedule.freq == "MONTHLY":
        when = _("monthly")
    elif schedule.dtstart or schedule.valid_from:
        raw = schedule.dtstart or schedule.valid_from
        try:
            when = date.fromisoformat(raw[:10]).strftime("%A %-d %B %Y")
        except ValueError:
            when = raw
    else:
        when = ""
    text = ", ".join(p for p in (when, hours) if p)
    if schedule.description and not text:
        return schedule.description
    return text[:1].upper() + text[1:] if text else ""


def is_stale(record: Service, now: datetime | None = None) -> bool:
    """Not checked for 12 months (or never): we say so on the page."""
    now = now or timezone.now()
    checked = record.last_reviewed_at
    return checked is None or now - checked > STALE_AFTER


def checked_text(record: Service) -> str:
    if record.last_reviewed_at is None:
        return _("This information has not been checked yet.")
    days = (timezone.now() - record.last_reviewed_at).days
    months = days // 30
    when = formats.date_format(record.last_reviewed_at, "j F Y")  # month named for the reader
    if is_stale(record):
        return ngettext(
            "Last checked %(when)s, more than %(n)d month ago. It may be out of date.",
            "Last checked %(when)s, more than %(n)d months ago. It may be out of date.",
            months,
        ) % {"when": when, "n": months}
    return _("Last checked %s.") % when


def cost_text(service: Service) -> str:
    if service.is_free:
        return _("Free")
    if service.fees_description:
        return service.fees_description
    if service.is_free is False:
        return _("There is a charge.")
    return ""


def distance_text(metres: float | None) -> str:
    if metres is None:
        return ""
    if metres < 1000:
        return _("%d metres away") % (round(metres / 10) * 10)
    miles = metres / 1609.344
    return _("%(km).1f km (%(mi).1f miles) away") % {"km": metres / 1000, "mi": miles}
