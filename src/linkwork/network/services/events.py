"""Learning events: registration with a waiting list, cancellation with promotion, attendance,
reminders.

Registration and cancellation lock the event row first (``select_for_update``; on SQLite the
whole write transaction is serialised by ``transaction_mode = IMMEDIATE``), so two members
asking for the last place at once cannot both get it, and a freed place goes to exactly one
person on the waiting list.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from linkwork.core import audit
from linkwork.core import policy as core_policy
from linkwork.core.models import User
from linkwork.engagement import policy as engagement_policy
from linkwork.engagement.models import Consultation
from linkwork.network import policy
from linkwork.network.models import Event, Registration

logger = logging.getLogger(__name__)

Status = Registration.Status


@transaction.atomic
def create_event(
    *,
    actor: User,
    title: str,
    description: str,
    format: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    capacity: int,
    location: str = "",
    online_url: str = "",
    feedback_consultation: Consultation | None = None,
) -> Event:
    core_policy.check(actor, policy.MANAGE_EVENT)
    if feedback_consultation is not None and not core_policy.can(
        actor, engagement_policy.VIEW_RESPONSES, feedback_consultation
    ):
        raise ValidationError(
            {"feedback_consultation": _("Choose a consultation your programme runs.")}
        )
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The event must end after it starts.")})
    if format == Event.Format.IN_PERSON and not location:
        raise ValidationError({"location": _("Enter the venue of an in-person event.")})
    event = Event(
        title=title,
        description=description,
        format=format,
        starts_at=starts_at,
        ends_at=ends_at,
        capacity=capacity,
        location=location,
        online_url=online_url,
        feedback_consultation=feedback_consultation,
        organiser=actor,
    )
    event.full_clean()
    event.save()
    audit.record(audit.Action.CREATE, event, actor=actor)
    return event


def _lock(event: Event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


def _confirmed_count(event: Event) -> int:
    return Registration.objects.filter(event=event, status=Status.CONFIRMED).count()


@transaction.atomic
def register(*, actor: User, event: Event) -> Registration:
    """A place if one is free, otherwise the end of the waiting list."""
    core_policy.check(actor, policy.REGISTER_FOR_EVENT, event)
    event = _lock(event)
    if event.is_past:
        raise ValidationError(_("This event has finished."))
    existing = Registration.objects.filter(event=event, user=actor).first()
    if existing and existing.status != Status.CANCELLED:
        return existing
    status = Status.CONFIRMED if _confirmed_count(event) < event.capacity else Status.WAITING
    if existing:
        existing.status = status
        existing.queued_at = timezone.now()
        existing.save(update_fields=["status", "queued_at"])
        registration = existing
    else:
        registration = Registration.objects.create(event=event, user=actor, status=status)
    audit.record(audit.Action.CREATE, registration, actor=actor, detail={"status": status})
    return registration


@transaction.atomic
def cancel(*, actor: User, registration: Registration) -> Registration | None:
    """Give up a place (or leave the waiting list). Returns whoever was promoted, if anyone."""
    if registration.user_id != actor.pk:
        core_policy.check(actor, policy.MANAGE_EVENT, registration.event)
    else:
        core_policy.check(actor, policy.REGISTER_FOR_EVENT, registration.event)
    event = _lock(registration.event)
    registration.refresh_from_db()
    was = registration.status
    if was == Status.CANCELLED:
        return None
    registration.status = Status.CANCELLED
    registration.save(update_fields=["status"])
    audit.record(
        audit.Action.UPDATE,
        registration,
        actor=actor,
        detail={"from_status": was, "to_status": Status.CANCELLED},
    )
    return _promote(event, actor)


def _promote(event: Event, actor: User) -> Registration | None:
    if _confirmed_count(event) >= event.capacity:
        return None
    promoted = (
        Registration.objects.filter(event=event, status=Status.WAITING)
        .order_by("queued_at", "id")
        .select_related("user")
        .first()
    )
    if promoted is None:
        return None
    promoted.status = Status.CONFIRMED
    promoted.save(update_fields=["status"])
    audit.record(
        audit.Action.UPDATE,
        promoted,
        actor=actor,
        detail={"from_status": Status.WAITING, "to_status": Status.CONFIRMED, "via": "promotion"},
    )
    email = promoted.user.email
    if email:
        subject = _("A place is free for you: %(title)s") % {"title": event.title}
        body = _(
            "A place has become free at %(title)s on %(when)s and it is now yours. If you can no "
            "longer come, please cancel so the next person can have it."
        ) % {
            "title": event.title,
            "when": timezone.localtime(event.starts_at).strftime("%d %b %Y %H:%M"),
        }
        transaction.on_commit(
            lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email])
        )
    return promoted


@transaction.atomic
def record_attendance(*, actor: User, event: Event, attended_ids: set[int]) -> int:
    """Mark who came (the others with a place did not). Returns how many came."""
    core_policy.check(actor, policy.MANAGE_EVENT, event)
    confirmed = Registration.objects.filter(event=event, status=Status.CONFIRMED)
    confirmed.filter(pk__in=attended_ids).update(attended=True)
    confirmed.exclude(pk__in=attended_ids).update(attended=False)
    came = confirmed.filter(attended=True).count()
    audit.record(
        audit.Action.UPDATE, event, actor=actor, detail={"fields": ["attended"], "count": came}
    )
    return came


def send_reminders(
    *, now: dt.datetime | None = None, ahead: dt.timedelta = dt.timedelta(days=1)
) -> int:
    """Email everyone with a place at an event starting within `ahead`, once. Returns count."""
    now = now or timezone.now()
    due = (
        Registration.objects.filter(
            status=Status.CONFIRMED,
            reminded_at__isnull=True,
            event__starts_at__gt=now,
            event__starts_at__lte=now + ahead,
        )
        .select_related("event", "user")
        .order_by("event__starts_at", "id")
    )
    sent = 0
    for registration in due:
        event = registration.event
        with transaction.atomic():
            claimed = Registration.objects.filter(
                pk=registration.pk, reminded_at__isnull=True
            ).update(reminded_at=now)
            if not claimed or not registration.user.email:
                continue
            where = event.online_url if event.format == Event.Format.ONLINE else event.location
            send_mail(
                _("Reminder: %(title)s") % {"title": event.title},
                _("You have a place at %(title)s on %(when)s. Where: %(where)s")
                % {
                    "title": event.title,
                    "when": timezone.localtime(event.starts_at).strftime("%d %b %Y %H:%M"),
                    "where": where,
                },
                settings.DEFAULT_FROM_EMAIL,
                [registration.user.email],
            )
            audit.record(
                audit.Action.UPDATE,
                registration,
                detail={"fields": ["reminded_at"], "via": "reminder"},
            )
            sent += 1
    return sent
