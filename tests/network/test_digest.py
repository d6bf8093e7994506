"""The email digest: what is new since the member's last one, daily or weekly."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from linkwork.network.digest import send_digests
from linkwork.network.models import MemberProfile
from linkwork.network.services import discussions
from linkwork.network.services.members import profile_for
from tests.network.factories import EventFactory, ResourceFactory, TopicFactory, member, moderator

pytestmark = pytest.mark.django_db


def _reader(frequency: str = "weekly") -> MemberProfile:
    profile = profile_for(member(username="reader", email="reader@example.org"))
    profile.digest = frequency
    profile.last_digest_at = timezone.now() - dt.timedelta(days=8)
    profile.save()
    return profile


def test_digest_lists_new_topics_replies_resources_events_and_mentions() -> None:
    reader = _reader()
    author = member()
    topic = discussions.start_topic(actor=author, title="Welfare rights referrals", body="How?")
    discussions.reply(
        actor=moderator(), topic=TopicFactory(title="Older thread"), body="@reader see this"
    )
    ResourceFactory(title="Data sharing agreement", published_at=timezone.now())
    EventFactory(title="Peer learning in Fife")
    hidden = TopicFactory(title="Hidden thread", hidden=True)
    assert send_digests("weekly") == 1
    [message] = mail.outbox
    assert message.to == ["reader@example.org"]
    for expected in [
        "Welfare rights referrals",
        "Older thread",
        "Data sharing agreement",
        "Peer learning in Fife",
        "You were mentioned",
    ]:
        assert expected in message.body
    assert hidden.title not in message.body
    assert f"/network/discussions/{topic.pk}/" in message.body
    reader.refresh_from_db()
    assert reader.last_digest_at is not None


def test_no_email_when_nothing_is_new_and_nothing_twice() -> None:
    _reader()
    assert send_digests("weekly") == 0
    TopicFactory(title="New thing")
    assert send_digests("weekly") == 0  # last digest was just now (even though nothing was sent)


def test_daily_and_never_members_get_only_what_they_chose() -> None:
    _reader("never")
    TopicFactory(title="Something new")
    assert send_digests("daily") == 0 and send_digests("weekly") == 0


def test_the_digest_leaves_out_the_readers_own_posts() -> None:
    reader = _reader()
    discussions.start_topic(actor=reader.user, title="My own question", body="Anyone?")
    assert send_digests("weekly") == 0


def test_the_command_sends_due_digests() -> None:
    _reader("daily")
    TopicFactory(title="Fresh")
    call_command("network-digest")
    assert len(mail.outbox) == 1 and "Fresh" in mail.outbox[0].body
