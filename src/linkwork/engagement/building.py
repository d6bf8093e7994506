"""Building a consultation on the web: a draft's details and questions, their order, and
publishing it. Each write checks the policy once, runs in one transaction and is audited.

A consultation's questions can change only while it is a draft: once people answer, changing
a question or its options would change what their answers mean. After publishing, only the
closing date can move (to close early or keep it open longer).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from linkwork.core import audit, policy
from linkwork.engagement import policy as actions
from linkwork.engagement.models import (
    CONSULTATION_LANGUAGES,
    Consultation,
    ConsultationTranslation,
    Question,
    QuestionTranslation,
)
from linkwork.engagement.services import QuestionSpec

if TYPE_CHECKING:
    from linkwork.core.models import User

#: Fields of a consultation the builder edits.
DETAIL_FIELDS = (
    "title", "summary", "consent_text", "privacy_notice", "anonymous", "ask_profile",
    "opens_at", "closes_at",
)  # fmt: skip
CHOICE_KINDS = (Question.Kind.SINGLE, Question.Kind.MULTIPLE)
#: Languages the builder translates a consultation into (every one but the original English).
TRANSLATION_LANGUAGES = tuple(code for code, _name in CONSULTATION_LANGUAGES if code != "en")
TRANSLATED_DETAILS = ("title", "summary", "consent_text", "privacy_notice")


def language_names() -> list[tuple[str, str]]:
    """(code, name) of every language a consultation can be translated into, each site
    language named in itself (as on the language switcher)."""
    own = dict(settings.LANGUAGES)
    return [(code, own.get(code) or _("Easy Read English")) for code in TRANSLATION_LANGUAGES]


def _check_draft(actor: User, consultation: Consultation) -> None:
    policy.check(actor, actions.EDIT_CONSULTATION, consultation)
    if not consultation.is_draft:
        raise ValidationError(
            _("This consultation is published, so its questions can no longer change.")
        )


def check_dates(opens_at: datetime, closes_at: datetime | None) -> None:
    if closes_at is not None and closes_at <= opens_at:
        raise ValidationError({"closes_at": _("The closing date must be after the opening date")})


@transaction.atomic
def update_details(
    *, actor: User, consultation: Consultation, changes: dict[str, object]
) -> Consultation:
    """Change a consultation's details; once it is published, only its closing date."""
    policy.check(actor, actions.EDIT_CONSULTATION, consultation)
    allowed = DETAIL_FIELDS if consultation.is_draft else ("closes_at",)
    unknown = set(changes) - set(allowed)
    if unknown:
        raise ValidationError(_("These details can no longer change: %(fields)s") % {
            "fields": ", ".join(sorted(unknown))
        })  # fmt: skip
    for name, value in changes.items():
        setattr(consultation, name, value)
    check_dates(consultation.opens_at, consultation.closes_at)
    consultation.full_clean()
    consultation.save()
    audit.record(audit.Action.UPDATE, consultation, actor=actor, detail={"fields": sorted(changes)})
    return consultation


def validate_question(spec: QuestionSpec) -> None:
    """The problems with a question as written, by field (raised as a ValidationError)."""
    errors: dict[str, str] = {}
    if spec.kind not in Question.Kind.values:
        errors["kind"] = _("Choose what kind of question this is")
    if not spec.text.strip():
        errors["text"] = _("Enter the question")
    if spec.kind in CHOICE_KINDS:
        options = [o.strip() for o in spec.choices]
        if len([o for o in options if o]) < 2:
            errors["choices"] = _("Enter at least two options, one on each line")
        elif len(set(options)) != len(options):
            errors["choices"] = _("Each option must be different")
        elif any(len(o) > 200 for o in options):
            errors["choices"] = _("Keep each option to 200 characters or fewer")
        elif len(options) > 30:
            errors["choices"] = _("A question can have at most 30 options")
    if spec.kind == Question.Kind.SCALE and not (
        0 <= spec.scale_min < spec.scale_max <= 10 and spec.scale_max - spec.scale_min <= 10
    ):
        errors["scale_max"] = _(
            "The scale must go up from its lowest point, between 0 and 10 (for example 1 to 5)"
        )
    if errors:
        raise ValidationError(errors)


def _apply(question: Question, spec: QuestionSpec, labels: tuple[str, str], symbol: str) -> None:
    question.kind = spec.kind
    question.text = spec.text.strip()
    question.help_text = spec.help_text.strip()
    question.required = spec.required
    question.choices = [o.strip() for o in spec.choices] if spec.kind in CHOICE_KINDS else []
    question.scale_min = spec.scale_min
    question.scale_max = spec.scale_max
    scale = spec.kind == Question.Kind.SCALE
    question.scale_min_label, question.scale_max_label = labels if scale else ("", "")
    question.symbol = symbol


@transaction.atomic
def add_question(
    *,
    actor: User,
    consultation: Consultation,
    spec: QuestionSpec,
    scale_labels: tuple[str, str] = ("", ""),
    symbol: str = "",
) -> Question:
    """Add a question at the end of a draft's questionnaire."""
    _check_draft(actor, consultation)
    validate_question(spec)
    last = consultation.questions.aggregate(last=Max("position"))["last"] or 0
    question = Question(consultation=consultation, position=last + 1)
    _apply(question, spec, scale_labels, symbol)
    question.full_clean()
    question.save()
    audit.record(audit.Action.CREATE, question, actor=actor, detail={"via": "builder"})
    return question


@transaction.atomic
def change_question(
    *,
    actor: User,
    question: Question,
    spec: QuestionSpec,
    scale_labels: tuple[str, str] = ("", ""),
    symbol: str = "",
) -> Question:
    _check_draft(actor, question.consultation)
    validate_question(spec)
    _apply(question, spec, scale_labels, symbol)
    question.full_clean()
    question.save()
    audit.record(audit.Action.UPDATE, question, actor=actor, detail={"via": "builder"})
    return question


@transaction.atomic
def move_question(*, actor: User, question: Question, up: bool) -> None:
    """Swap a question with the one before (up) or after it; numbers the questions 1, 2, ..."""
    consultation = question.consultation
    _check_draft(actor, consultation)
    ordered = list(consultation.questions.order_by("position", "id"))
    at = next(i for i, q in enumerate(ordered) if q.pk == question.pk)
    other = at - 1 if up else at + 1
    if 0 <= other < len(ordered):
        ordered[at], ordered[other] = ordered[other], ordered[at]
    for position, item in enumerate(ordered, start=1):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])
    audit.record(audit.Action.UPDATE, question, actor=actor, detail={"fields": ["position"]})


@transaction.atomic
def remove_question(*, actor: User, question: Question) -> None:
    consultation = question.consultation
    _check_draft(actor, consultation)
    audit.record(audit.Action.DELETE, question, actor=actor)
    question.delete()
    for position, item in enumerate(consultation.questions.order_by("position", "id"), start=1):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])


def publishing_problems(consultation: Consultation) -> list[str]:
    """What stops a draft from being published, in words for the programme manager."""
    problems = []
    questions = list(consultation.questions.all())
    if not questions:
        problems.append(_("Add at least one question"))
    for n, question in enumerate(sorted(questions, key=lambda q: (q.position, q.pk)), start=1):
        if question.kind in CHOICE_KINDS and len(question.choices) < 2:
            problems.append(_("Question %(n)d needs at least two options") % {"n": n})
    if not consultation.consent_text.strip():
        problems.append(_("Enter the consent statement"))
    if not consultation.privacy_notice.strip():
        problems.append(_("Enter the privacy notice"))
    if consultation.closes_at is not None and consultation.closes_at <= consultation.opens_at:
        problems.append(_("The closing date must be after the opening date"))
    return problems


@transaction.atomic
def publish_consultation(*, actor: User, consultation: Consultation) -> Consultation:
    """Make a draft public: people can answer it from its opening date."""
    policy.check(actor, actions.EDIT_CONSULTATION, consultation)
    if not consultation.is_draft:
        raise ValidationError(_("This consultation is already published."))
    problems = publishing_problems(consultation)
    if problems:
        raise ValidationError(problems)
    consultation.is_draft = False
    consultation.save(update_fields=["is_draft"])
    audit.record(audit.Action.UPDATE, consultation, actor=actor, detail={"to_status": "published"})
    return consultation


@transaction.atomic
def save_translation(
    *,
    actor: User,
    consultation: Consultation,
    language: str,
    texts: dict[str, str],
    questions: dict[int, dict[str, Any]],
) -> ConsultationTranslation:
    """Keep the consultation's words in one other language (blank pieces show the English).

    Allowed after publishing too: a translation says what the English says, and answers are
    stored against the English options, so correcting one changes no answer's meaning."""
    policy.check(actor, actions.EDIT_CONSULTATION, consultation)
    if language not in TRANSLATION_LANGUAGES:
        raise ValidationError(_("Consultations cannot be translated into this language."))
    translation, _created = ConsultationTranslation.objects.update_or_create(
        consultation=consultation, language=language,
        defaults={name: texts.get(name, "") for name in TRANSLATED_DETAILS},
    )  # fmt: skip
    for question in consultation.questions.filter(pk__in=list(questions)):
        values = questions[question.pk]
        choices = list(values.get("choices") or [])[: len(question.choices)]
        QuestionTranslation.objects.update_or_create(
            question=question, language=language,
            defaults={
                "text": values.get("text", ""), "help_text": values.get("help_text", ""),
                "choices": choices, "scale_min_label": values.get("scale_min_label", ""),
                "scale_max_label": values.get("scale_max_label", ""),
            },
        )  # fmt: skip
    if language not in consultation.languages:
        consultation.languages = [*consultation.languages, language]
        consultation.save(update_fields=["languages"])
    audit.record(
        audit.Action.UPDATE,
        consultation,
        actor=actor,
        detail={"fields": [f"translation:{language}"], "via": "builder"},
    )
    return translation
