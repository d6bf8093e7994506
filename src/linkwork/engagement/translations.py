"""A consultation's own words in the reader's language: the title, introduction, questions,
choices, consent text and privacy notice a programme wrote in English, and the translations it
gave for some of them (`ConsultationTranslation`, `QuestionTranslation`).

The public form is in the page's language (the language switcher and the browser choose it,
decision 0011). Each piece of the consultation's text is shown in that language where the
programme translated it and in English otherwise, piece by piece: a missing Polish privacy
notice does not hide the Polish questions. English shown on a page in another language is
marked with its own `lang` (and `dir="ltr"` inside Arabic) so screen readers switch voice.
The Easy Read form prefers the consultation's Easy Read English wording ("en-easy") over the
standard English.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from linkwork.engagement.models import (
    Consultation,
    ConsultationTranslation,
    Question,
    QuestionTranslation,
)

#: The consultation's Easy Read English wording (a translation like any other).
EASY_READ = "en-easy"
#: The language consultations are written in.
ORIGINAL = "en"
#: Languages a consultation can be translated into on the builder: the site's languages.
TRANSLATABLE = tuple(code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE)


class Shown(str):
    """One piece of text and the language it is in. A `str`, so forms and filters take it as
    it is; rendered in a template, text in another language than the page's is wrapped in a
    span carrying its `lang` (templates call `__html__` on strings that have it)."""

    language: str
    page_language: str

    def __new__(cls, text: str, language: str, page_language: str = ORIGINAL) -> Shown:
        shown = super().__new__(cls, text)
        shown.language = language
        shown.page_language = page_language
        return shown

    @property
    def text(self) -> str:
        return str.__str__(self)

    @property
    def fallback(self) -> bool:
        return _primary(self.language) != _primary(self.page_language)

    @property
    def attrs(self) -> SafeString:
        """` lang=".." dir="ltr"` for an element holding this text when it is in another
        language than the page (for text shown through filters such as `linebreaks`)."""
        if not self.fallback:
            return SafeString("")
        tag = "en-gb" if _primary(self.language) == "en" else self.language
        return format_html(' lang="{}" dir="ltr"', tag)

    def __html__(self) -> SafeString:
        if not self.fallback or not self.text:
            return format_html("{}", self.text)
        return format_html("<span{}>{}</span>", self.attrs, self.text)


@dataclass(frozen=True)
class QuestionText:
    """A question as the reader sees it: its wording, hint, choice labels and scale labels."""

    text: Shown
    help_text: Shown
    choices: list[Shown] = field(default_factory=list)
    scale_min_label: Shown | None = None
    scale_max_label: Shown | None = None


@dataclass(frozen=True)
class ConsultationText:
    title: Shown
    summary: Shown
    consent_text: Shown
    privacy_notice: Shown


def _primary(code: str) -> str:
    return code.split("-")[0].lower() if code else ORIGINAL


def page_language() -> str:
    """The language of the page being rendered, as consultations name it ("en" for English)."""
    language = (get_language() or settings.LANGUAGE_CODE).lower()
    return ORIGINAL if _primary(language) == "en" else language


def chain(language: str, *, easy_read: bool = False) -> list[str]:
    """Where to look for each piece of text, best first (the original English comes last)."""
    found = [] if _primary(language) == "en" else [language]
    return [*found, EASY_READ] if easy_read else found


def _pick(page: str, candidates: Iterable[tuple[str, str]], original: str) -> Shown:
    for language, text in candidates:
        if text.strip():
            return Shown(text, language, page)
    return Shown(original, ORIGINAL, page)


def consultation_text(consultation: Consultation, languages: Sequence[str]) -> ConsultationText:
    page = page_language()
    found = {
        t.language: t
        for t in ConsultationTranslation.objects.filter(
            consultation=consultation, language__in=languages
        )
    }
    ordered = [found[code] for code in languages if code in found]

    def pick(name: str) -> Shown:
        candidates = [(t.language, str(getattr(t, name))) for t in ordered]
        return _pick(page, candidates, str(getattr(consultation, name)))

    return ConsultationText(
        title=pick("title"),
        summary=pick("summary"),
        consent_text=pick("consent_text"),
        privacy_notice=pick("privacy_notice"),
    )


def question_texts(
    questions: Sequence[Question], languages: Sequence[str]
) -> dict[int, QuestionText]:
    """Each question's text in the first of `languages` that has it, piece by piece (a choice
    left blank in a translation falls back on its own)."""
    page = page_language()
    by_question: dict[int, dict[str, QuestionTranslation]] = {}
    for translation in QuestionTranslation.objects.filter(
        question__in=[q.pk for q in questions], language__in=languages
    ):
        by_question.setdefault(translation.question_id, {})[translation.language] = translation
    out: dict[int, QuestionText] = {}
    for question in questions:
        found = by_question.get(question.pk, {})
        ordered = [found[code] for code in languages if code in found]

        def pick(name: str, original: str, ordered: list[QuestionTranslation] = ordered) -> Shown:
            return _pick(page, [(t.language, str(getattr(t, name))) for t in ordered], original)

        choices = []
        for index, choice in enumerate(question.choices):
            candidates = [
                (t.language, t.choices[index] if index < len(t.choices) else "") for t in ordered
            ]
            choices.append(_pick(page, candidates, choice))
        scale = question.kind == Question.Kind.SCALE
        out[question.pk] = QuestionText(
            text=pick("text", question.text),
            help_text=pick("help_text", question.help_text),
            choices=choices,
            scale_min_label=pick("scale_min_label", question.scale_min_label) if scale else None,
            scale_max_label=pick("scale_max_label", question.scale_max_label) if scale else None,
        )
    return out
