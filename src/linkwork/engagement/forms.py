"""The public response form, built from a consultation's questions in the chosen language."""

from __future__ import annotations

import time
from typing import Any

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from linkwork.engagement.forms_builder import style
from linkwork.engagement.models import Consultation, Question, QuestionTranslation, Response
from linkwork.engagement.services import AnswerValue

#: A person cannot read and answer a form this fast; a script can.
MIN_SECONDS = 3
_SIGNER_SALT = "engagement.form-started"

COUNCIL_AREAS = [
    "Aberdeen City", "Aberdeenshire", "Angus", "Argyll and Bute", "City of Edinburgh",
    "Clackmannanshire", "Dumfries and Galloway", "Dundee City", "East Ayrshire",
    "East Dunbartonshire", "East Lothian", "East Renfrewshire", "Falkirk", "Fife",
    "Glasgow City", "Highland", "Inverclyde", "Midlothian", "Moray", "Na h-Eileanan Siar",
    "North Ayrshire", "North Lanarkshire", "Orkney Islands", "Perth and Kinross", "Renfrewshire",
    "Scottish Borders", "Shetland Islands", "South Ayrshire", "South Lanarkshire", "Stirling",
    "West Dunbartonshire", "West Lothian",
]  # fmt: skip
AGE_BANDS = ["Under 18", "18-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75 and over"]
YES_NO: list[tuple[str, Any]] = [
    ("yes", _("Yes")),
    ("no", _("No")),
    ("prefer_not", _("Prefer not to say")),
]
ETHNICITIES = [
    "White Scottish", "White other British", "White Polish", "White other", "Mixed or multiple",
    "Asian, Asian Scottish or Asian British", "African, Scottish African or British African",
    "Caribbean or Black", "Arab, Scottish Arab or British Arab", "Other ethnic group",
]  # fmt: skip


def _choices(values: list[str]) -> list[tuple[str, Any]]:
    return [("", _("Prefer not to say")), *[(v, v) for v in values]]


def sign_started() -> str:
    return signing.dumps(time.time(), salt=_SIGNER_SALT)


class ResponseForm(forms.Form):
    """One field per question (``q_<id>``), the optional profile, consent and spam traps."""

    # Spam traps: a field people never see (bots fill it) and when the form was first shown.
    website = forms.CharField(required=False, label=_("Leave this empty"))
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(
        self,
        *args: Any,
        consultation: Consultation,
        language: str = "en",
        submitting: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.consultation = consultation
        self.submitting = submitting
        self.questions = list(consultation.questions.order_by("position", "id"))
        translations = {
            t.question_id: t
            for t in QuestionTranslation.objects.filter(
                question__consultation=consultation, language=language
            )
        }
        for question in self.questions:
            self.fields[f"q_{question.pk}"] = self._field(question, translations.get(question.pk))
        if not consultation.anonymous:
            self.fields["respondent_name"] = forms.CharField(
                label=_("Your name"), required=False, max_length=200
            )
            self.fields["respondent_email"] = forms.EmailField(
                label=_("Your email address"), required=False
            )
        if consultation.ask_profile:
            self.fields["council_area"] = forms.ChoiceField(
                label=_("Which council area do you live in?"), required=False,
                choices=_choices(COUNCIL_AREAS),
            )  # fmt: skip
            self.fields["age_band"] = forms.ChoiceField(
                label=_("Your age"), required=False, choices=_choices(AGE_BANDS)
            )
            self.fields["ethnicity"] = forms.ChoiceField(
                label=_("Your ethnic group"), required=False, choices=_choices(ETHNICITIES)
            )
            self.fields["disability"] = forms.ChoiceField(
                label=_("Do you have a disability or long-term condition?"),
                required=False, choices=YES_NO, widget=forms.RadioSelect,
            )  # fmt: skip
            self.fields["carer"] = forms.ChoiceField(
                label=_("Do you look after someone as an unpaid carer?"),
                required=False, choices=YES_NO, widget=forms.RadioSelect,
            )  # fmt: skip
        self.fields["consent"] = forms.BooleanField(
            label=_("I agree to my answers being used as described"), required=False
        )
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        style(self)

    def _field(self, question: Question, translation: QuestionTranslation | None) -> forms.Field:
        label = translation.text if translation else question.text
        hint = (
            translation.help_text if translation and translation.help_text else question.help_text
        )
        shown = (
            translation.choices
            if translation and len(translation.choices) == len(question.choices)
            else question.choices
        )
        required = question.required and self.submitting
        common: dict[str, Any] = {"label": label, "help_text": hint, "required": required}
        if question.kind == Question.Kind.OPEN:
            return forms.CharField(
                widget=forms.Textarea(attrs={"rows": 5}), max_length=5000, **common
            )
        if question.kind == Question.Kind.SCALE:
            values = range(question.scale_min, question.scale_max + 1)
            return forms.TypedChoiceField(
                choices=[(str(v), str(v)) for v in values], coerce=int, empty_value=None,
                widget=forms.RadioSelect, **common,
            )  # fmt: skip
        choices = list(zip(question.choices, shown, strict=True))
        if question.kind == Question.Kind.MULTIPLE:
            return forms.MultipleChoiceField(
                choices=choices, widget=forms.CheckboxSelectMultiple, **common
            )
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)

    def question_fields(self) -> list[tuple[Question, forms.BoundField]]:
        return [(q, self[f"q_{q.pk}"]) for q in self.questions]

    def profile_fields(self) -> list[forms.BoundField]:
        names = ("council_area", "age_band", "ethnicity", "disability", "carer")
        return [self[n] for n in names if n in self.fields]

    def identity_fields(self) -> list[forms.BoundField]:
        return [self[n] for n in ("respondent_name", "respondent_email") if n in self.fields]

    def clean_website(self) -> str:
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("This form could not be sent. Please try again."))
        return ""

    def clean_started(self) -> str:
        value: str = self.cleaned_data["started"]
        try:
            started = float(signing.loads(value, salt=_SIGNER_SALT, max_age=60 * 60 * 24 * 30))
        except (signing.BadSignature, TypeError, ValueError):
            raise forms.ValidationError(_("This form has expired. Please start again.")) from None
        if self.submitting and time.time() - started < MIN_SECONDS:
            raise forms.ValidationError(
                _("That was very quick. Please check your answers and send them again.")
            )
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.submitting and not data.get("consent"):
            self.add_error("consent", _("Tick the box to agree before you send your answers"))
        return data

    def answers(self) -> dict[int, AnswerValue]:
        out: dict[int, AnswerValue] = {}
        for question in self.questions:
            value = self.cleaned_data.get(f"q_{question.pk}")
            if value in (None, "", []):
                continue
            if question.kind == Question.Kind.OPEN:
                out[question.pk] = AnswerValue(text=str(value).strip())
            elif question.kind == Question.Kind.SCALE:
                out[question.pk] = AnswerValue(scale_value=int(value))
            elif question.kind == Question.Kind.MULTIPLE:
                out[question.pk] = AnswerValue(choices=list(value))
            else:
                out[question.pk] = AnswerValue(choices=[str(value)])
        return out

    def profile(self) -> dict[str, str]:
        names = ("council_area", "age_band", "ethnicity", "disability", "carer")
        return {n: str(self.cleaned_data.get(n) or "") for n in names}


def initial_from(response: Response) -> dict[str, Any]:
    """A saved response's answers as the form's initial values (to carry on later)."""
    initial: dict[str, Any] = {"consent": response.consented}
    for answer in response.answers.select_related("question"):
        kind = answer.question.kind
        key = f"q_{answer.question_id}"
        if kind == Question.Kind.OPEN:
            initial[key] = answer.text
        elif kind == Question.Kind.SCALE:
            initial[key] = str(answer.scale_value) if answer.scale_value is not None else None
        elif kind == Question.Kind.MULTIPLE:
            initial[key] = answer.choices
        else:
            initial[key] = answer.choices[0] if answer.choices else None
    profile = getattr(response, "profile", None)
    if profile is not None:
        for name in ("council_area", "age_band", "ethnicity", "disability", "carer"):
            initial[name] = getattr(profile, name)
    return initial
