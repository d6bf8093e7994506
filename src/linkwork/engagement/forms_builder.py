"""Forms of the consultation builder, the event notes page and story sharing and review."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from linkwork.core.models import Organisation
from linkwork.engagement.easy_read import QUESTION_SYMBOLS
from linkwork.engagement.models import Consultation, Question
from linkwork.engagement.services import QuestionSpec


def style(form: forms.BaseForm) -> None:
    """Design-system classes on every widget (templates render them with _field.html)."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.RadioSelect):
            widget.attrs["class"] = "ds_radio__input"
        elif isinstance(widget, forms.CheckboxSelectMultiple | forms.CheckboxInput):
            widget.attrs["class"] = "ds_checkbox__input"
        elif isinstance(widget, forms.Select):
            widget.attrs["class"] = "ds_select"
        elif isinstance(widget, forms.Textarea | forms.TextInput | forms.EmailInput):
            widget.attrs.setdefault("class", "ds_input")
        elif isinstance(widget, forms.DateInput | forms.NumberInput):
            widget.attrs.setdefault("class", "ds_input ds_input--fixed-10")


def _date_widget() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def last_day(closes_at: dt.datetime | None) -> dt.date | None:
    """The last day people can answer (a consultation closes at the start of the next day)."""
    if closes_at is None:
        return None
    return (timezone.localtime(closes_at) - dt.timedelta(microseconds=1)).date()


class ConsultationDetailsForm(forms.Form):
    """A draft's details: title, introduction, consent and privacy, anonymity, dates."""

    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Introduction"), required=False, max_length=5000,
        help_text=_("What the consultation is about and why it matters, in plain words."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )  # fmt: skip
    consent_text = forms.CharField(
        label=_("Consent statement"), max_length=5000,
        help_text=_("What people agree to when they send their answers."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip
    privacy_notice = forms.CharField(
        label=_("Privacy notice"), max_length=10000,
        help_text=_("Who holds the answers, for how long, and people's rights."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )  # fmt: skip
    anonymous = forms.BooleanField(
        label=_("Anonymous: do not ask for names or email addresses"), required=False
    )
    ask_profile = forms.BooleanField(
        label=_("Ask the optional 'about you' questions (council area, age, ...)"), required=False
    )
    opens_on = forms.DateField(label=_("Opens on"), widget=_date_widget())
    closes_on = forms.DateField(
        label=_("Last day to answer"), required=False, widget=_date_widget(),
        help_text=_("Leave empty to keep it open until you close it."),
    )  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("The last day must be on or after the opening day"))
        return data

    def changes(self) -> dict[str, object]:
        data = self.cleaned_data
        closes = data.get("closes_on")
        return {
            "title": data["title"].strip(),
            "summary": data.get("summary", "").strip(),
            "consent_text": data["consent_text"].strip(),
            "privacy_notice": data["privacy_notice"].strip(),
            "anonymous": bool(data.get("anonymous")),
            "ask_profile": bool(data.get("ask_profile")),
            "opens_at": start_of(data["opens_on"]),
            "closes_at": start_of(closes + dt.timedelta(days=1)) if closes else None,
        }

    @staticmethod
    def initial_for(consultation: Consultation) -> dict[str, Any]:
        return {
            "title": consultation.title, "summary": consultation.summary,
            "consent_text": consultation.consent_text,
            "privacy_notice": consultation.privacy_notice,
            "anonymous": consultation.anonymous, "ask_profile": consultation.ask_profile,
            "opens_on": timezone.localtime(consultation.opens_at).date(),
            "closes_on": last_day(consultation.closes_at),
        }  # fmt: skip


class NewConsultationForm(ConsultationDetailsForm):
    """A new draft: the details and which organisation (programme) runs it."""

    organisation = forms.ModelChoiceField(
        label=_("Run by"), queryset=Organisation.objects.none(), empty_label=None
    )
    slug = forms.SlugField(
        label=_("Web address name"), max_length=80, required=False,
        help_text=_("Letters, numbers and hyphens, for the public address. Leave empty to "
                    "make one from the title."),
    )  # fmt: skip
    field_order = ["organisation", "title", "slug"]

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.order_fields(self.field_order)
        style(self)


class ClosingDateForm(forms.Form):
    """After publishing, only the last day can move."""

    closes_on = forms.DateField(
        label=_("Last day to answer"), required=False, widget=_date_widget(),
        help_text=_("Leave empty to keep it open."),
    )  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)


class QuestionForm(forms.Form):
    """One question: its kind, words, options (one per line) or scale, and Easy Read picture."""

    kind = forms.ChoiceField(
        label=_("Kind of question"), choices=Question.Kind.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(label=_("Question"), max_length=500)
    help_text = forms.CharField(label=_("Hint (optional)"), max_length=500, required=False)
    required = forms.BooleanField(label=_("People must answer this question"), required=False)
    choices = forms.CharField(
        label=_("Options (single or multiple choice)"), required=False, max_length=6200,
        help_text=_("One option on each line."), widget=forms.Textarea(attrs={"rows": 5}),
    )  # fmt: skip
    scale_min = forms.IntegerField(
        label=_("Scale from"), initial=1, min_value=0, max_value=10, required=False
    )
    scale_max = forms.IntegerField(
        label=_("Scale to"), initial=5, min_value=0, max_value=10, required=False
    )
    scale_min_label = forms.CharField(
        label=_("Words for the lowest point (optional)"), max_length=100, required=False
    )
    scale_max_label = forms.CharField(
        label=_("Words for the highest point (optional)"), max_length=100, required=False
    )
    symbol = forms.ChoiceField(
        label=_("Picture in the Easy Read form"), required=False,
        choices=[("", _("The picture for this kind of question")),
                 *QUESTION_SYMBOLS.items()],
    )  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)

    def spec(self) -> QuestionSpec:
        data = self.cleaned_data
        options = [line.strip() for line in (data.get("choices") or "").splitlines()]
        low, high = data.get("scale_min"), data.get("scale_max")
        return QuestionSpec(
            kind=data["kind"], text=data["text"], help_text=data.get("help_text", ""),
            required=bool(data.get("required")), choices=[o for o in options if o],
            scale_min=int(low) if low is not None else 1,
            scale_max=int(high) if high is not None else 5,
        )  # fmt: skip

    def scale_labels(self) -> tuple[str, str]:
        return (self.cleaned_data.get("scale_min_label", ""),
                self.cleaned_data.get("scale_max_label", ""))  # fmt: skip

    @staticmethod
    def initial_for(question: Question) -> dict[str, Any]:
        return {
            "kind": question.kind, "text": question.text, "help_text": question.help_text,
            "required": question.required, "choices": "\n".join(question.choices),
            "scale_min": question.scale_min, "scale_max": question.scale_max,
            "scale_min_label": question.scale_min_label,
            "scale_max_label": question.scale_max_label, "symbol": question.symbol,
        }  # fmt: skip


class EventNotesForm(forms.Form):
    """Notes from an engagement event or focus group: one note per line, for one open question."""

    question = forms.ModelChoiceField(
        label=_("Which question the notes answer"), queryset=Question.objects.none(),
        empty_label=None,
    )  # fmt: skip
    event_name = forms.CharField(
        label=_("Event"), max_length=200,
        help_text=_("For example: Perth gathering, 12 March. Notes from the same event are "
                    "kept together."),
    )  # fmt: skip
    held_on = forms.DateField(label=_("Held on (optional)"), required=False, widget=_date_widget())
    group = forms.CharField(
        label=_("Breakout or focus group (optional)"), max_length=100, required=False
    )
    notes = forms.CharField(
        label=_("Notes"), max_length=200_000,
        help_text=_("One point on each line. Each line is analysed with the other answers to "
                    "the question. Do not write names or anything that could identify someone."),
        widget=forms.Textarea(attrs={"rows": 12}),
    )  # fmt: skip

    #: More lines than this is not a group's notes: import them as a CSV instead.
    MAX_NOTES = 500

    def __init__(self, *args: Any, consultation: Consultation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["question"].queryset = consultation.questions.filter(  # type: ignore[attr-defined]
            kind=Question.Kind.OPEN
        ).order_by("position", "id")
        style(self)

    def clean_notes(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["notes"].splitlines()]
        notes = [line for line in lines if line]
        if not notes:
            raise forms.ValidationError(_("Enter at least one note"))
        if len(notes) > self.MAX_NOTES:
            raise forms.ValidationError(
                _("Enter at most %(max)d notes at once (import more from a CSV file)")
                % {"max": self.MAX_NOTES}
            )
        if any(len(n) > 5000 for n in notes):
            raise forms.ValidationError(_("Keep each note to 5,000 characters or fewer"))
        return notes
