"""The email digest of new network activity, daily or weekly as each member chooses."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from linkwork.core import audit
from linkwork.network.choices import DigestFrequency
from linkwork.network.models import Event, MemberProfile, Post, Resource, Topic
from linkwork.network.selectors import is_member

PERIODS = {
    DigestFrequency.DAILY: dt.timedelta(days=1),
    DigestFrequency.WEEKLY: dt.timedelta(days=7),
}


@dataclass
class Digest:
    since: dt.datetime
    topics: list[Topic] = field(default_factory=list)
    replies: list[Post] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    mentions: list[Post] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.topics or self.replies or self.resources or self.events or self.mentions)


def build(profile: MemberProfile, *, now: dt.datetime) -> Digest:
    """What is new for this member since their last digest (or one period back)."""
    period = PERIODS.get(DigestFrequency(profile.digest), PERIODS[DigestFrequency.WEEKLY])
    since = profile.last_digest_at or now - period
    user = profile.user
    new_topics = Topic.objects.filter(created_at__gt=since, hidden=False).exclude(author=user)
    replies = (
        Post.objects.filter(created_at__gt=since, hidden=False, topic__hidden=False)
        .exclude(author=user)
        .exclude(topic__created_at__gt=since)  # a new topic's opening post is the topic itself
        .select_related("topic", "author")
    )
    return Digest(
        since=since,
        topics=list(new_topics.order_by("created_at")[:20]),
        replies=list(replies.order_by("created_at")[:20]),
        resources=list(
            Resource.objects.filter(
                status=Resource.Status.PUBLISHED, published_at__gt=since
            ).order_by("title")[:20]
        ),
        events=list(Event.objects.filter(created_at__gt=since, ends_at__gt=now)[:20]),
        mentions=list(
            Post.objects.filter(created_at__gt=since, hidden=False, mentions=user).select_related(
                "topic", "author"
            )[:20]
        ),
    )


def due_profiles(frequency: str, *, now: dt.datetime) -> list[MemberProfile]:
    period = PERIODS[DigestFrequency(frequency)]
    # A little slack so a digest run at the same time each day is not skipped by seconds.
    cutoff = now - period + dt.timedelta(minutes=30)
    profiles = (
        MemberProfile.objects.filter(digest=frequency, user__is_active=True)
        .exclude(user__email="")
        .exclude(last_digest_at__gt=cutoff)
        .select_related("user")
        .order_by("pk")
    )
    return [p for p in profiles if is_member(p.user)]


def send_digests(frequency: str, *, now: dt.datetime | None = None) -> int:
    """Send each due member their digest; nothing when nothing is new. Returns emails sent."""
    now = now or timezone.now()
    sent = 0
    for profile in due_profiles(frequency, now=now):
        digest = build(profile, now=now)
        with transaction.atomic():
            MemberProfile.objects.filter(pk=profile.pk).update(last_digest_at=now)
            if digest.empty:
                continue
            with translation.override(settings.LANGUAGE_CODE):
                body = render_to_string(
                    "network/digest_email.txt", {"digest": digest, "profile": profile}
                )
                subject = _("New in the link worker network")
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [profile.user.email])
            audit.record(
                audit.Action.EXPORT,
                profile,
                actor=profile.user,
                detail={"via": "digest", "format": frequency},
            )
            sent += 1
    return sent
