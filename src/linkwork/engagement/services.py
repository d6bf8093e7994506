"""Writes in engagement: each one checks the policy once, runs in one transaction, audits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from linkwork.core import audit, policy
from linkwork.core.models import Organisation
from linkwork.engagement import policy as actions
from linkwork.engagement.models import (
    Answer,
    Consultation,
    Event,
    Question,
    RespondentProfile,
    Response,
    Story,
    Theme,
    ThemeAssignment,
    ThemeRun,
)
from linkwork.engagement.themes import Embed, extract_themes

if TYPE_CHECKING:
    from linkwork.core.models import User

PROFILE_FIELDS = ("council_area", "age_band", "ethnicity", "disability", "carer")


@dataclass(frozen=True)
class QuestionSpec:
    kind: str
    text: str
    choices: list[str] = field(default_factory=list)
    required: bool = False
    help_text: str = ""
    scale_min: int = 1
    scale_max: int = 5


@dataclass(frozen=True)
class AnswerValue:
    text: str = ""
    choices: list[str] = field(default_factory=list)
    scale_value: int | None = None


@transaction.atomic
def create_consultation(
    *,
    actor: User,
    organisation: Organisation,
    title: str,
    slug: str,
    consent_text: str,
    privacy_notice: str,
    questions: Sequence[QuestionSpec],
    summary: str = "",
    anonymous: bool = True,
    ask_profile: bool = True,
    opens_at: datetime | None = None,
    closes_at: datetime | None = None,
    languages: Sequence[str] = (),
    draft: bool = False,
) -> Consultation:
    """A consultation with its questions; a ``draft`` is not public until it is published."""
    consultation = Consultation(
        organisation=organisation,
        title=title,
        slug=slug,
        summary=summary,
        consent_text=consent_text,
        privacy_notice=privacy_notice,
        anonymous=anonymous,
        ask_profile=ask_profile,
        opens_at=opens_at or timezone.now(),
        closes_at=closes_at,
        languages=list(languages),
        is_draft=draft,
        created_by=actor,
    )
    policy.check(actor, actions.CREATE_CONSULTATION, consultation)
    consultation.full_clean()
    consultation.save()
    for position, spec in enumerate(questions, start=1):
        Question.objects.create(
            consultation=consultation,
            position=position,
            kind=spec.kind,
            text=spec.text,
            help_text=spec.help_text,
            required=spec.required,
            choices=list(spec.choices),
            scale_min=spec.scale_min,
            scale_max=spec.scale_max,
        )
    audit.record(audit.Action.CREATE, consultation, actor=actor, detail={"count": len(questions)})
    return consultation


@transaction.atomic
def save_response(
    *,
    consultation: Consultation,
    answers: dict[int, AnswerValue],
    profile: dict[str, str],
    submit: bool,
    language: str = "en",
    response: Response | None = None,
    consented: bool = False,
    respondent_name: str = "",
    respondent_email: str = "",
) -> tuple[Response, str | None]:
    """Save a public answer (in progress or sent). Returns the response and, when a new one is
    started, its resume token (shown once; only its hash is kept)."""
    policy.check(None, actions.RESPOND)
    token = None
    if response is None:
        response = Response(consultation=consultation, language=language)
        token = response.new_resume_token()
    elif response.consultation_id != consultation.pk or response.status != "in_progress":
        raise ValueError("this response cannot be changed")
    response.language = language
    response.consented = consented
    if not consultation.anonymous:
        response.respondent_name = respondent_name
        response.respondent_email = respondent_email
    if submit:
        response.status = Response.Status.SUBMITTED
        response.submitted_at = timezone.now()
        response.resume_token_hash = ""  # a sent response cannot be reopened
    response.save()
    _store_answers(response, answers)
    _store_profile(response, profile)
    audit.record(
        audit.Action.CREATE if token else audit.Action.UPDATE,
        response,
        detail={"status": response.status, "via": "public_form"},
    )
    return response, token


def _store_answers(response: Response, answers: dict[int, AnswerValue]) -> None:
    for question_id, value in answers.items():
        Answer.objects.update_or_create(
            response=response,
            question_id=question_id,
            defaults={
                "text": value.text,
                "choices": list(value.choices),
                "scale_value": value.scale_value,
            },
        )


def _store_profile(response: Response, profile: dict[str, str]) -> None:
    values = {k: (profile.get(k) or "")[:100] for k in PROFILE_FIELDS}
    if any(values.values()) or hasattr(response, "profile"):
        RespondentProfile.objects.update_or_create(response=response, defaults=values)


@transaction.atomic
def run_themes(
    *,
    actor: User,
    question: Question,
    n_themes: int | None = None,
    seed: int = 0,
    embed: Embed | None = None,
) -> ThemeRun:
    """Draw themes out of the sent answers to an open question and keep the machine's result."""
    policy.check(actor, actions.ANALYSE, question.consultation)
    run = record_theme_run(
        question=question, actor=actor, n_themes=n_themes, seed=seed, embed=embed
    )
    audit.record(audit.Action.CREATE, run, actor=actor, detail={"count": run.assignments.count()})
    return run


def record_theme_run(
    *,
    question: Question,
    actor: User | None,
    n_themes: int | None = None,
    seed: int = 0,
    embed: Embed | None = None,
) -> ThemeRun:
    """Extract and store themes without a permission check: for run_themes (which checks) and
    the demo data only."""
    answers = list(
        Answer.objects.filter(question=question, response__status=Response.Status.SUBMITTED)
        .order_by("id")
        .only("id", "text")
    )
    result = extract_themes([a.text for a in answers], n_themes=n_themes, seed=seed, embed=embed)
    run = ThemeRun.objects.create(
        question=question,
        created_by=actor,
        seed=seed,
        requested_themes=n_themes,
        chosen_themes=len(result.themes),
        silhouette=result.silhouette,
        confidence=result.confidence,
        confidence_note=result.confidence_note,
    )
    themes = {
        t.id: Theme.objects.create(
            run=run, machine_label=t.label, machine_keywords=t.keywords, label=t.label
        )
        for t in result.themes
    }
    quotes = {i for t in result.themes for i in t.quotes}
    ThemeAssignment.objects.bulk_create(
        [
            ThemeAssignment(
                run=run,
                answer=answers[i],
                machine_theme=themes[theme_id],
                theme=themes[theme_id],
                secondary_theme=themes.get(result.secondary.get(i, 0)),
                representative=i in quotes,
            )
            for i, theme_id in result.assignments.items()
        ],
        batch_size=1000,
    )
    return run


def _check_theme(actor: User, theme: Theme) -> None:
    policy.check(actor, actions.ANALYSE, theme.run.question.consultation)


@transaction.atomic
def rename_theme(*, actor: User, theme: Theme, label: str) -> Theme:
    _check_theme(actor, theme)
    label = label.strip()
    if not label:
        raise ValueError("a theme needs a name")
    theme.label = label[:200]
    theme.reviewed_by = actor
    theme.save(update_fields=["label", "reviewed_by"])
    audit.record(audit.Action.UPDATE, theme, actor=actor, detail={"fields": ["label"]})
    return theme


@transaction.atomic
def merge_themes(*, actor: User, theme: Theme, into: Theme) -> Theme:
    """Move every answer of ``theme`` into ``into``; ``theme`` stays, marked as merged."""
    _check_theme(actor, theme)
    if into.run_id != theme.run_id or into.pk == theme.pk:
        raise ValueError("themes can only be merged with another theme of the same run")
    moved = ThemeAssignment.objects.filter(theme=theme).update(theme=into, moved_by=actor)
    theme.merged_into = into
    theme.reviewed_by = actor
    theme.save(update_fields=["merged_into", "reviewed_by"])
    audit.record(
        audit.Action.UPDATE,
        theme,
        actor=actor,
        detail={"fields": ["merged_into"], "count": moved, "related_id": into.pk},
    )
    return into


@transaction.atomic
def split_theme(*, actor: User, theme: Theme, seed: int = 0, embed: Embed | None = None) -> Theme:
    """Split a theme in two by clustering its answers again; returns the new theme."""
    _check_theme(actor, theme)
    members = list(
        ThemeAssignment.objects.filter(theme=theme).select_related("answer").order_by("id")
    )
    if len(members) < 2:
        raise ValueError("a theme with fewer than two answers cannot be split")
    result = extract_themes([m.answer.text for m in members], n_themes=2, seed=seed, embed=embed)
    second = next((t for t in result.themes if t.id == 2), None)
    if second is None:
        raise ValueError("these answers are too alike to split")
    new = Theme.objects.create(
        run=theme.run,
        machine_label=second.label,
        machine_keywords=second.keywords,
        label=second.label,
        split_from=theme,
        reviewed_by=actor,
    )
    moving = [members[i].pk for i, tid in result.assignments.items() if tid == 2]
    ThemeAssignment.objects.filter(pk__in=moving).update(theme=new, moved_by=actor)
    audit.record(
        audit.Action.CREATE, new, actor=actor, detail={"count": len(moving), "related_id": theme.pk}
    )
    return new


@transaction.atomic
def move_answer(*, actor: User, assignment: ThemeAssignment, to: Theme) -> ThemeAssignment:
    policy.check(actor, actions.ANALYSE, assignment.run.question.consultation)
    if to.run_id != assignment.run_id:
        raise ValueError("an answer can only move to a theme of the same run")
    assignment.theme = to
    assignment.moved_by = actor
    assignment.save(update_fields=["theme", "moved_by"])
    audit.record(audit.Action.UPDATE, assignment, actor=actor, detail={"fields": ["theme"]})
    return assignment


@transaction.atomic
def mark_quote(*, actor: User, assignment: ThemeAssignment, publish: bool) -> ThemeAssignment:
    policy.check(actor, actions.ANALYSE, assignment.run.question.consultation)
    assignment.publish_quote = publish
    assignment.save(update_fields=["publish_quote"])
    audit.record(audit.Action.UPDATE, assignment, actor=actor, detail={"fields": ["publish_quote"]})
    return assignment


@transaction.atomic
def record_event_notes(
    *,
    actor: User,
    question: Question,
    event_name: str,
    group: str,
    notes: Sequence[str],
    held_on: date | None = None,
) -> int:
    """Notes from an event (breakout groups, a focus group), one response per note, tagged by
    event and group, answering an open question: they feed the same theme analysis."""
    consultation = question.consultation
    policy.check(actor, actions.IMPORT_RESPONSES, consultation)
    if question.kind != Question.Kind.OPEN:
        raise ValueError("event notes answer an open question")
    event, _ = Event.objects.get_or_create(consultation=consultation, name=event_name.strip()[:200])
    if held_on is not None and event.held_on != held_on:
        event.held_on = held_on
        event.save(update_fields=["held_on"])
    count = 0
    for note in notes:
        if not note.strip():
            continue
        response = Response.objects.create(
            consultation=consultation,
            status=Response.Status.SUBMITTED,
            source=Response.Source.EVENT,
            submitted_at=timezone.now(),
            event=event,
            breakout_group=group.strip()[:100],
        )
        Answer.objects.create(response=response, question=question, text=note.strip())
        count += 1
    audit.record(audit.Action.CREATE, event, actor=actor, detail={"count": count, "via": "event"})
    return count


@transaction.atomic
def submit_story(
    *,
    actor: User,
    organisation: Organisation,
    title: str,
    slug: str,
    summary: str,
    body: str,
    place: str = "",
    themes: Sequence[str] = (),
    tags: Sequence[str] = (),
) -> Story:
    story = Story(
        organisation=organisation,
        title=title,
        slug=slug,
        summary=summary,
        body=body,
        place=place,
        themes=list(themes),
        tags=list(tags),
        status=Story.Status.IN_REVIEW,
        created_by=actor,
    )
    policy.check(actor, actions.SUBMIT_STORY, story)
    story.full_clean()
    story.save()
    audit.record(audit.Action.CREATE, story, actor=actor)
    return story


@transaction.atomic
def publish_story(*, actor: User, story: Story) -> Story:
    """Publish a story after review; a story from the public only with its sender's consent."""
    policy.check(actor, actions.REVIEW_STORY, story)
    if story.status == Story.Status.PUBLISHED:
        return story
    if story.status == Story.Status.DECLINED:
        raise ValueError("a story that was not published cannot be published now")
    if story.shared_by_public and not story.consent_to_publish:
        raise ValueError("the person who sent this story has not agreed to it being published")
    story.status = Story.Status.PUBLISHED
    story.reviewed_by = actor
    story.published_at = timezone.now()
    story.save(update_fields=["status", "reviewed_by", "published_at"])
    audit.record(audit.Action.UPDATE, story, actor=actor, detail={"to_status": "published"})
    return story
