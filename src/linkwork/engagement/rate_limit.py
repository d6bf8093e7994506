"""How many public sends (consultation answers, shared stories) one address may make in a
window, counted in the database so that every app process and server shares one count.

The project's Django cache is per process (no CACHES setting: local memory), so a count kept
there lets each gunicorn worker accept its own ten sends. A row per (hashed address and form,
window) incremented with an UPDATE ... SET count = count + 1 is atomic on SQLite and PostgreSQL.
Only a hash of the address is stored, and rows of past windows are deleted as new ones start.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest

from linkwork.core.signals import client_address
from linkwork.engagement.models import RateCount


def limit() -> int:
    """Sends allowed from one address to one form in one window (the project's anonymous-form
    setting, so one setting tunes every public form)."""
    return int(settings.RATE_LIMIT_ANONYMOUS_FORMS)


def window_seconds() -> int:
    return int(settings.RATE_LIMIT_WINDOW_SECONDS)


def _key(request: HttpRequest, form: str) -> str:
    secret = settings.SECRET_KEY.encode()
    raw = f"{form}:{client_address(request)}".encode()
    return hashlib.sha256(secret + b"\0" + raw).hexdigest()


def over_limit(request: HttpRequest, form: str, *, now: float | None = None) -> bool:
    """Count this send against its address and form; True once the window is full."""
    window = int((time.time() if now is None else now) // window_seconds())
    key = _key(request, form)
    with transaction.atomic():
        updated = RateCount.objects.filter(key=key, window=window).update(count=F("count") + 1)
        if not updated:
            try:
                with transaction.atomic():
                    RateCount.objects.create(key=key, window=window, count=1)
            except IntegrityError:  # another process started this window first
                RateCount.objects.filter(key=key, window=window).update(count=F("count") + 1)
            RateCount.objects.filter(window__lt=window - 1).delete()
        count = RateCount.objects.filter(key=key, window=window).values_list("count", flat=True)
        return (count.first() or 0) > limit()
