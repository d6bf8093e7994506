"""Stories sent by the public and their review: a story is published only after a programme
manager of the programme it was sent to has read it (and, where needed, taken out anything
that could identify someone), and only with the contributor's consent to publish it."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from linkwork.core import audit, policy
from linkwork.core.models import Organisation
from linkwork.engagement import policy as actions
from linkwork.engagement.models import Story

if TYPE_CHECKING:
    from linkwork.core.models import User


def _slug(title: str) -> str:
    base = slugify(title)[:60].strip("-") or "story"
    return f"{base}-{secrets.token_hex(3)}"


@transaction.atomic
def share_story(
    *,
    programme: Organisation,
    title: str,
    summary: str,
    body: str,
    place: str = "",
    contributor_name: str = "",
    contributor_email: str = "",
    consent_to_publish: bool,
    consent_others: bool,
) -> Story:
    """A story sent from the public page: waits for review by the programme's managers."""
    policy.check(None, actions.SHARE_STORY)
    if programme.kind != Organisation.Kind.PROGRAMME:
        raise ValidationError({"programme": _("Choose a programme")})
    if not (consent_to_publish and consent_others):
        raise ValidationError(_("A story can only be sent with both agreements ticked"))
    story = Story(
        organisation=programme, title=title.strip(), slug=_slug(title),
        summary=summary.strip(), body=body.strip(), place=place.strip(),
        status=Story.Status.IN_REVIEW, shared_by_public=True,
        contributor_name=contributor_name.strip(), contributor_email=contributor_email.strip(),
        consent_to_publish=True, consent_others=True, submitted_at=timezone.now(),
    )  # fmt: skip
    story.full_clean(exclude=["created_by"])  # nobody signed in
    story.save()
    audit.record(audit.Action.CREATE, story, detail={"via": "public_form"})
    return story


@transaction.atomic
def revise_story(
    *,
    actor: User,
    story: Story,
    title: str,
    summary: str,
    body: str,
    place: str,
    themes: Sequence[str],
    tags: Sequence[str],
) -> Story:
    """The reviewer's edits before publishing (shorten, take out identifying details)."""
    policy.check(actor, actions.REVIEW_STORY, story)
    if story.status != Story.Status.IN_REVIEW:
        raise ValidationError(_("Only a story waiting for review can be changed here"))
    story.title, story.summary, story.body = title.strip(), summary.strip(), body.strip()
    story.place = place.strip()
    story.themes = [t.strip() for t in themes if t.strip()][:20]
    story.tags = [t.strip() for t in tags if t.strip()][:20]
    story.full_clean(exclude=["created_by"])
    story.save()
    audit.record(
        audit.Action.UPDATE, story, actor=actor,
        detail={"fields": ["title", "summary", "body", "place", "themes", "tags"]},
    )  # fmt: skip
    return story


@transaction.atomic
def decline_story(*, actor: User, story: Story, note: str) -> Story:
    """Not published; the note says why (for the programme's records, not shown publicly)."""
    policy.check(actor, actions.REVIEW_STORY, story)
    if story.status != Story.Status.IN_REVIEW:
        raise ValidationError(_("Only a story waiting for review can be declined"))
    story.status = Story.Status.DECLINED
    story.reviewed_by = actor
    story.review_note = note.strip()[:2000]
    story.save(update_fields=["status", "reviewed_by", "review_note"])
    audit.record(audit.Action.UPDATE, story, actor=actor, detail={"to_status": "declined"})
    return story
