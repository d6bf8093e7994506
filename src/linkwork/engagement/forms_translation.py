"""The builder's form for a consultation's words in one other language: every piece of text
the public form shows, each beside its English, any left blank to show the English."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from linkwork.engagement.forms_builder import style
from linkwork.engagement.models import (
    Consultation,
    ConsultationTranslation,
    Question,
    QuestionTranslation,
)

CONSULTATION_FIELDS = ("title", "summary", "consent_text", "privacy_notice")
QUESTION_FIELDS = ("text", "help_text", "choices", "scale_min_label", "scale_max_label")
_LIMITS = {"title": 200, "summary": 5000, "consent_text": 5000, "privacy_notice": 10000}


def _english(text: str) -> str:
    return str(_("In English: %(text)s") % {"text": text}) if text else ""


class TranslationForm(forms.Form):
    """Fields `title`, `summary`, ... for the consultation and `q<id>_<part>` per question."""

    def __init__(
        self,
        *args: Any,
        consultation: Consultation,
        questions: list[Question],
        text_language: str = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        labels = {
            "title": _("Title"),
            "summary": _("Introduction"),
            "consent_text": _("Consent statement"),
            "privacy_notice": _("Privacy notice"),
        }
        for name in CONSULTATION_FIELDS:
            long = name != "title"
            self.fields[name] = forms.CharField(
                label=labels[name], required=False, max_length=_LIMITS[name],
                help_text=_english(str(getattr(consultation, name))),
                widget=forms.Textarea(attrs={"rows": 4}) if long else forms.TextInput,
            )  # fmt: skip
        for n, question in enumerate(questions, start=1):
            self._question_fields(n, question)
        style(self)
        if text_language:
            # What is typed is in the language translated into; `dir="auto"` lets Arabic run
            # right to left in a left-to-right page.
            for field in self.fields.values():
                field.widget.attrs.update({"lang": text_language, "dir": "auto"})

    def _question_fields(self, n: int, question: Question) -> None:
        prefix = f"q{question.pk}_"
        self.fields[prefix + "text"] = forms.CharField(
            label=_("Question %(n)d") % {"n": n}, required=False, max_length=500,
            help_text=_english(question.text),
        )  # fmt: skip
        if question.help_text:
            self.fields[prefix + "help_text"] = forms.CharField(
                label=_("Question %(n)d: hint") % {"n": n}, required=False, max_length=500,
                help_text=_english(question.help_text),
            )  # fmt: skip
        if question.choices:
            self.fields[prefix + "choices"] = forms.CharField(
                label=_("Question %(n)d: options") % {"n": n}, required=False, max_length=6200,
                help_text=_(
                    "One on each line, in this order (leave a line empty to show the "
                    "English): %(options)s"
                ) % {"options": "; ".join(question.choices)},
                widget=forms.Textarea(attrs={"rows": max(3, len(question.choices))}),
            )  # fmt: skip
        if question.kind == Question.Kind.SCALE:
            for part, label, original in (
                ("scale_min_label", _("Question %(n)d: words for the lowest point"),
                 question.scale_min_label),
                ("scale_max_label", _("Question %(n)d: words for the highest point"),
                 question.scale_max_label),
            ):  # fmt: skip
                if original:
                    self.fields[prefix + part] = forms.CharField(
                        label=label % {"n": n}, required=False, max_length=100,
                        help_text=_english(original),
                    )  # fmt: skip

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for n, question in enumerate(self.questions, start=1):
            name = f"q{question.pk}_choices"
            if name not in self.fields or name in self.errors:
                continue
            lines = [line.strip() for line in (data.get(name) or "").splitlines()]
            while lines and not lines[-1]:
                lines.pop()
            if len(lines) > len(question.choices):
                self.add_error(name, _(
                    "Question %(n)d has %(count)d options: give at most one line for each, "
                    "in the same order"
                ) % {"n": n, "count": len(question.choices)})  # fmt: skip
            elif any(len(line) > 200 for line in lines):
                self.add_error(name, _("Keep each option to 200 characters or fewer"))
            else:
                data[name] = lines + [""] * (len(question.choices) - len(lines))
        return data

    def consultation_texts(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name, "").strip() for name in CONSULTATION_FIELDS}

    def question_texts(self) -> dict[int, dict[str, Any]]:
        out: dict[int, dict[str, Any]] = {}
        for question in self.questions:
            values: dict[str, Any] = {}
            for part in QUESTION_FIELDS:
                value = self.cleaned_data.get(f"q{question.pk}_{part}")
                if part == "choices":
                    values[part] = list(value) if value else []
                else:
                    values[part] = (value or "").strip()
            out[question.pk] = values
        return out

    @staticmethod
    def initial_for(
        translation: ConsultationTranslation | None, questions: dict[int, QuestionTranslation]
    ) -> dict[str, Any]:
        initial: dict[str, Any] = {}
        if translation is not None:
            for name in CONSULTATION_FIELDS:
                initial[name] = getattr(translation, name)
        for question_id, qt in questions.items():
            for part in QUESTION_FIELDS:
                value = getattr(qt, part)
                initial[f"q{question_id}_{part}"] = "\n".join(value) if part == "choices" else value
        return initial
