"""Discussions: topics, replies, mentions, moderation and the personal-data warning."""

from __future__ import annotations

import re
from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from linkwork.core import audit
from linkwork.core import policy as core_policy
from linkwork.core.models import User
from linkwork.network import pii, policy
from linkwork.network.models import Post, Topic

MENTION = re.compile(r"(?<![\w@])@([\w.+-]{2,150})")


class PersonalDataWarning(Exception):
    """The text looks like it holds personal data; the member must confirm before posting."""

    def __init__(self, kinds: list[str]) -> None:
        super().__init__(", ".join(kinds))
        self.kinds = kinds


def mentioned_members(text: str) -> QuerySet[User]:
    names = {m.rstrip(".") for m in MENTION.findall(text)}
    users = User.objects.filter(username__in=names, is_active=True)
    return users.filter(pk__in=[u.pk for u in users if core_policy.can(u, policy.VIEW)])


def _screen(*, actor: User, text: str, confirmed: bool) -> list[str]:
    """Warn (once) about personal data; the warning itself is audited, never its content."""
    kinds = pii.personal_data_kinds(text)
    if kinds and not confirmed:
        # Outside the caller's transaction, so the log of the warning survives the refusal.
        audit.record(
            audit.Action.CREATE,
            "network.personal_data_warning",
            actor=actor,
            detail={"reason_code": ",".join(kinds), "outcome": "warned"},
        )
        raise PersonalDataWarning(kinds)
    return kinds


def _post(*, actor: User, topic: Topic, body: str, kinds: list[str]) -> Post:
    post = Post(topic=topic, author=actor, body=body, flagged_kinds=kinds, flagged=bool(kinds))
    post.full_clean()
    post.save()
    mentioned = list(mentioned_members(body).exclude(pk=actor.pk))
    post.mentions.set(mentioned)
    Topic.objects.filter(pk=topic.pk).update(last_activity_at=post.created_at)
    detail: dict[str, object] = {"related_type": "network.topic", "related_id": topic.pk}
    if kinds:
        detail["reason_code"] = ",".join(kinds)
        detail["outcome"] = "posted_after_warning"
    audit.record(audit.Action.CREATE, post, actor=actor, detail=detail)
    _notify_mentions(actor, topic, mentioned)
    return post


def _notify_mentions(actor: User, topic: Topic, mentioned: list[User]) -> None:
    path = reverse("network:topic_detail", args=[topic.pk])
    for user in mentioned:
        if not user.email:
            continue
        subject = _("%(name)s mentioned you in the link worker network") % {
            "name": actor.get_full_name() or actor.get_username()
        }
        body = _("You were mentioned in the discussion “%(title)s”: %(path)s") % {
            "title": topic.title,
            "path": path,
        }
        transaction.on_commit(partial(_send, subject, body, user.email))


def _send(subject: str, body: str, to: str) -> None:
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])


def start_topic(*, actor: User, title: str, body: str, confirmed: bool = False) -> Topic:
    core_policy.check(actor, policy.POST)
    kinds = _screen(actor=actor, text=f"{title}\n{body}", confirmed=confirmed)
    with transaction.atomic():
        topic = Topic(title=title, author=actor)
        topic.full_clean()
        topic.save()
        audit.record(audit.Action.CREATE, topic, actor=actor)
        _post(actor=actor, topic=topic, body=body, kinds=kinds)
    return topic


def reply(*, actor: User, topic: Topic, body: str, confirmed: bool = False) -> Post:
    core_policy.check(actor, policy.POST, topic)
    if (topic.locked or topic.hidden) and not core_policy.can(actor, policy.MODERATE):
        raise PermissionDenied(_("This discussion is closed."))
    if not body.strip():
        raise ValidationError({"body": _("Write your reply.")})
    kinds = _screen(actor=actor, text=body, confirmed=confirmed)
    with transaction.atomic():
        return _post(actor=actor, topic=topic, body=body, kinds=kinds)


@transaction.atomic
def moderate_topic(
    *, actor: User, topic: Topic, locked: bool | None = None, hidden: bool | None = None
) -> Topic:
    core_policy.check(actor, policy.MODERATE, topic)
    fields = []
    if locked is not None:
        topic.locked = locked
        fields.append("locked")
    if hidden is not None:
        topic.hidden = hidden
        fields.append("hidden")
    topic.save(update_fields=fields)
    audit.record(audit.Action.UPDATE, topic, actor=actor, detail={"fields": fields})
    return topic


@transaction.atomic
def moderate_post(
    *, actor: User, post: Post, hidden: bool | None = None, resolve_flag: bool = False
) -> Post:
    core_policy.check(actor, policy.MODERATE, post)
    fields = []
    if hidden is not None:
        post.hidden = hidden
        fields.append("hidden")
    if resolve_flag:
        post.flag_resolved = True
        fields.append("flag_resolved")
    post.save(update_fields=fields)
    audit.record(
        audit.Action.UPDATE,
        post,
        actor=actor,
        detail={"fields": fields, "outcome": "moderated", "related_id": post.topic_id},
    )
    return post
