"""Discussions: the personal-data warning, flagged posts for moderators, moderation, mentions."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from linkwork.casework.chi import check_digit
from linkwork.core.models import AuditEntry
from linkwork.network.models import Post, Topic
from linkwork.network.pii import personal_data_kinds
from linkwork.network.selectors import flagged_posts, visible_topics
from linkwork.network.services import discussions
from tests.network.factories import TopicFactory, member, moderator

pytestmark = pytest.mark.django_db


def _valid_chi(first_nine: str = "010190123") -> str:
    digit = check_digit(first_nine)
    assert digit is not None
    return first_nine + str(digit)


def test_a_valid_chi_number_is_spotted_spaced_or_not() -> None:
    chi = _valid_chi()
    assert personal_data_kinds(f"Saw {chi} today") == ["chi"]
    assert "chi" in personal_data_kinds(f"Saw {chi[:6]} {chi[6:]} today")


def test_ten_digits_failing_the_check_digit_are_not_a_chi() -> None:
    chi = _valid_chi()
    wrong = chi[:9] + str((int(chi[9]) + 1) % 10)
    assert "chi" not in personal_data_kinds(f"reference {wrong}")


@pytest.mark.parametrize(
    "text",
    ["She was born on 3 March 1948", "DOB 03/03/1948", "date of birth: 12-11-52"],
)
def test_a_date_of_birth_is_spotted(text: str) -> None:
    assert "date_of_birth" in personal_data_kinds(text)


def test_phone_numbers_and_postcodes_are_spotted() -> None:
    assert personal_data_kinds("call him on 07700 900123") == ["phone"]
    assert personal_data_kinds("lives at 12 High Street, Leith EH6 6QU") == ["address"]


def test_ordinary_learning_posts_raise_no_warning() -> None:
    text = "Our befriending group meets on Tuesdays; 12 people came last month, up 20%."
    assert personal_data_kinds(text) == []


def test_posting_a_chi_warns_first_and_logs_the_warning_without_the_content() -> None:
    chi = _valid_chi()
    author = member()
    with pytest.raises(discussions.PersonalDataWarning) as warned:
        discussions.start_topic(actor=author, title="Help", body=f"Patient {chi} needs a hand")
    assert warned.value.kinds == ["chi"]
    assert not Topic.objects.exists()
    entry = AuditEntry.objects.get(object_type="network.personal_data_warning")
    assert entry.actor == author
    assert chi not in str(entry.detail) and entry.detail["reason_code"] == "chi"


def test_posting_anyway_after_the_warning_flags_the_post_for_moderators() -> None:
    author = member()
    topic = discussions.start_topic(
        actor=author,
        title="Tip",
        body="Born on 3 March 1948? Ask about pension credit",
        confirmed=True,
    )
    post = topic.posts.get()
    assert post.flagged and post.flagged_kinds == ["date_of_birth"]
    assert list(flagged_posts(moderator())) == [post]
    assert not flagged_posts(author).exists()  # members do not see the moderation queue
    discussions.moderate_post(actor=moderator(), post=post, hidden=True, resolve_flag=True)
    assert not flagged_posts(moderator()).exists()
    post.refresh_from_db()
    assert post.hidden


def test_the_page_shows_the_warning_and_asks_to_confirm() -> None:
    client = Client()
    client.force_login(member())
    url = reverse("network:topic_new")
    response = client.post(url, {"title": "Question", "body": "DOB 03/03/1948, any ideas?"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "a date of birth" in page and "ds_error-summary" in page
    assert not Topic.objects.exists()
    response = client.post(
        url,
        {
            "title": "Question",
            "body": "DOB 03/03/1948, any ideas?",
            "confirm_no_personal_data": "on",
        },
    )
    assert response.status_code == 302
    assert Post.objects.get().flagged


def test_a_locked_topic_takes_no_replies_from_members() -> None:
    topic = TopicFactory()
    discussions.moderate_topic(actor=moderator(), topic=topic, locked=True)
    with pytest.raises(PermissionDenied):
        discussions.reply(actor=member(), topic=topic, body="Me too")
    discussions.reply(actor=moderator(), topic=topic, body="Closing note")


def test_hidden_topics_and_posts_are_hidden_from_members_but_not_moderators() -> None:
    topic = TopicFactory()
    discussions.moderate_topic(actor=moderator(), topic=topic, hidden=True)
    assert topic not in visible_topics(member())
    assert topic in visible_topics(moderator())


def test_members_cannot_moderate() -> None:
    topic = TopicFactory()
    with pytest.raises(PermissionDenied):
        discussions.moderate_topic(actor=member(), topic=topic, locked=True)


def test_a_mentioned_member_is_notified(django_capture_on_commit_callbacks: object) -> None:
    colleague = member(username="ailsa.k", email="ailsa@example.org")
    outsider = member(username="nobody")
    outsider.groups.clear()
    topic = TopicFactory()
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        post = discussions.reply(
            actor=member(), topic=topic, body="@ailsa.k knows about this, and @nobody"
        )
    assert list(post.mentions.all()) == [colleague]
    assert [m.to for m in mail.outbox] == [["ailsa@example.org"]]
