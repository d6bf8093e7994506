"""Dates of things that have happened cannot be in the future (a PHQ-9 dated next January was
once accepted and shown as a second baseline). Used by every form where an event is dated."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

#: Clocks differ a little between a phone and the server.
SKEW = dt.timedelta(minutes=10)


def not_in_future(value: dt.date | dt.datetime | None) -> None:
    if value is None:
        return
    if isinstance(value, dt.datetime):
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        if value > timezone.now() + SKEW:
            raise ValidationError(
                _("The date and time cannot be in the future: enter when it happened."),
                code="future",
            )
        return
    if value > timezone.localdate():
        raise ValidationError(
            _("The date cannot be in the future: enter when it happened."), code="future"
        )
