"""The public response form, built from a consultation's questions in the chosen language."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from django import forms
from django.core import signing
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from linkwork.engagement.forms_builder import style
from linkwork.engagement.models import Consultation, Question, Response
from linkwork.engagement.services import AnswerValue
from linkwork.engagement.translations import QuestionText, question_texts

#: A person cannot read and answer a form this fast; a script can.
MIN_SECONDS = 3
_SIGNER_SALT = "engagement.form-started"

#: The 32 council areas: stored by their English names (as on letters and signs), shown in
#: the reader's language.
_COUNCIL_AREA_CHOICES: list[tuple[str, Promise]] = [
    ("Aberdeen City", _("Aberdeen City")),
    ("Aberdeenshire", _("Aberdeenshire")),
    ("Angus", _("Angus")),
    ("Argyll and Bute", _("Argyll and Bute")),
    ("City of Edinburgh", _("City of Edinburgh")),
    ("Clackmannanshire", _("Clackmannanshire")),
    ("Dumfries and Galloway", _("Dumfries and Galloway")),
    ("Dundee City", _("Dundee City")),
    ("East Ayrshire", _("East Ayrshire")),
    ("East Dunbartonshire", _("East Dunbartonshire")),
    ("East Lothian", _("East Lothian")),
    ("East Renfrewshire", _("East Renfrewshire")),
    ("Falkirk", _("Falkirk")),
    ("Fife", _("Fife")),
    ("Glasgow City", _("Glasgow City")),
    ("Highland", _("Highland")),
    ("Inverclyde", _("Inverclyde")),
    ("Midlothian", _("Midlothian")),
    ("Moray", _("Moray")),
    ("Na h-Eileanan Siar", _("Na h-Eileanan Siar")),
    ("North Ayrshire", _("North Ayrshire")),
    ("North Lanarkshire", _("North Lanarkshire")),
    ("Orkney Islands", _("Orkney Islands")),
    ("Perth and Kinross", _("Perth and Kinross")),
    ("Renfrewshire", _("Renfrewshire")),
    ("Scottish Borders", _("Scottish Borders")),
    ("Shetland Islands", _("Shetland Islands")),
    ("South Ayrshire", _("South Ayrshire")),
    ("South Lanarkshire", _("South Lanarkshire")),
    ("Stirling", _("Stirling")),
    ("West Dunbartonshire", _("West Dunbartonshire")),
    ("West Lothian", _("West Lothian")),
]
COUNCIL_AREAS = [value for value, _label in _COUNCIL_AREA_CHOICES]
_AGE_BAND_CHOICES: list[tuple[str, Promise | str]] = [
    ("Under 18", _("Under 18")),
    ("18-24", _("18 to 24")),
    ("25-34", _("25 to 34")),
    ("35-44", _("35 to 44")),
    ("45-54", _("45 to 54")),
    ("55-64", _("55 to 64")),
    ("65-74", _("65 to 74")),
    ("75 and over", _("75 or over")),
]
AGE_BANDS = [value for value, _label in _AGE_BAND_CHOICES]
YES_NO: list[tuple[str, Any]] = [
    ("yes", _("Yes")),
    ("no", _("No")),
    ("prefer_not", _("Prefer not to say")),
]


#: Scotland's Census 2022 ethnic groups, under the census's own headings (stored in English;
#: in their own context, as "Polish" the group is not "Polish" the language).
_ETHNIC_GROUPS: list[tuple[Promise, list[tuple[str, Promise]]]] = [
    (pgettext_lazy("ethnic group", "White"), [
        ("White Scottish", pgettext_lazy("ethnic group", "Scottish")),
        ("White Other British", pgettext_lazy("ethnic group", "Other British")),
        ("White Irish", pgettext_lazy("ethnic group", "Irish")),
        ("White Polish", pgettext_lazy("ethnic group", "Polish")),
        ("White Gypsy/Traveller", pgettext_lazy("ethnic group", "Gypsy/Traveller")),
        ("White Roma", pgettext_lazy("ethnic group", "Roma")),
        ("White Showman/Showwoman", pgettext_lazy("ethnic group", "Showman/Showwoman")),
        ("Other white ethnic group", pgettext_lazy("ethnic group", "Other white ethnic group")),
    ]),
    (pgettext_lazy("ethnic group", "Mixed or multiple ethnic groups"), [
        (
            "Mixed or multiple ethnic groups",
            pgettext_lazy("ethnic group", "Any mixed or multiple ethnic groups"),
        ),
    ]),
    (pgettext_lazy("ethnic group", "Asian, Scottish Asian or British Asian"), [
        (
            "Pakistani",
            pgettext_lazy("ethnic group", "Pakistani, Scottish Pakistani or British Pakistani"),
        ),
        ("Indian", pgettext_lazy("ethnic group", "Indian, Scottish Indian or British Indian")),
        (
            "Bangladeshi",
            pgettext_lazy(
                "ethnic group", "Bangladeshi, Scottish Bangladeshi or British Bangladeshi"
            ),
        ),
        ("Chinese", pgettext_lazy("ethnic group", "Chinese, Scottish Chinese or British Chinese")),
        ("Other Asian", pgettext_lazy("ethnic group", "Other Asian")),
    ]),
    (pgettext_lazy("ethnic group", "African, Scottish African or British African"), [
        ("African", pgettext_lazy("ethnic group", "African, Scottish African or British African")),
        ("Other African", pgettext_lazy("ethnic group", "Other African")),
    ]),
    (pgettext_lazy("ethnic group", "Caribbean or Black"), [
        (
            "Caribbean",
            pgettext_lazy("ethnic group", "Caribbean, Scottish Caribbean or British Caribbean"),
        ),
        ("Black", pgettext_lazy("ethnic group", "Black, Scottish Black or British Black")),
        ("Other Caribbean or Black", pgettext_lazy("ethnic group", "Other Caribbean or Black")),
    ]),
    (pgettext_lazy("ethnic group", "Other ethnic group"), [
        ("Arab", pgettext_lazy("ethnic group", "Arab, Scottish Arab or British Arab")),
        ("Other ethnic group", pgettext_lazy("ethnic group", "Other ethnic group")),
    ]),
]  # fmt: skip
ETHNICITIES = [value for _group, members in _ETHNIC_GROUPS for value, _label in members]


def _choices(choices: Sequence[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    return [("", _("Prefer not to say")), *choices]


def _scale_choices(question: Question, text: QuestionText) -> list[tuple[str, object]]:
    """The scale's points, the lowest and highest with their words ("1: Very hard")."""
    out: list[tuple[str, object]] = []
    for value in range(question.scale_min, question.scale_max + 1):
        words = (
            text.scale_min_label
            if value == question.scale_min
            else text.scale_max_label
            if value == question.scale_max
            else None
        )
        label = format_html("{}: {}", value, words) if words else str(value)
        out.append((str(value), label))
    return out


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
        languages: Sequence[str] = (),
        submitting: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.consultation = consultation
        self.submitting = submitting
        self.questions = list(consultation.questions.order_by("position", "id"))
        # The question's words in the first of `languages` that has them, else in English.
        self.texts = question_texts(self.questions, languages)
        for question in self.questions:
            self.fields[f"q_{question.pk}"] = self._field(question, self.texts[question.pk])
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
                choices=_choices(_COUNCIL_AREA_CHOICES),
            )  # fmt: skip
            self.fields["age_band"] = forms.ChoiceField(
                label=_("Your age"), required=False, choices=_choices(_AGE_BAND_CHOICES)
            )
            self.fields["ethnicity"] = forms.ChoiceField(
                label=_("Your ethnic group"), required=False, choices=_choices(_ETHNIC_GROUPS)
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

    def _field(self, question: Question, text: QuestionText) -> forms.Field:
        required = question.required and self.submitting
        common: dict[str, Any] = {
            "label": text.text, "help_text": text.help_text, "required": required,
        }  # fmt: skip
        if question.kind == Question.Kind.OPEN:
            return forms.CharField(
                widget=forms.Textarea(attrs={"rows": 5}), max_length=5000, **common
            )
        if question.kind == Question.Kind.SCALE:
            return forms.TypedChoiceField(
                choices=_scale_choices(question, text), coerce=int, empty_value=None,
                widget=forms.RadioSelect, **common,
            )  # fmt: skip
        choices = list(zip(question.choices, text.choices, strict=True))
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
