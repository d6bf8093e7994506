"""Questionnaire forms built from an instrument definition, reading like the paper form: one
question per item, its answers as radios in printed order. Licensed wording appears when it has
been loaded; otherwise each answer is its printed value, for entry from a licensed paper copy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from linkwork.casework.dates import not_in_future
from linkwork.core.forms import DesignSystemFormMixin
from linkwork.outcomes.definitions import Instrument, Item
from linkwork.outcomes.models import InstrumentText, TimePoint


@dataclass
class Question:
    item: Item
    field: forms.BoundField
    legend: str
    hint: str
    is_range: bool


def _field_name(item: Item) -> str:
    return f"item_{item.number}"


def _legend(item: Item, text: InstrumentText | None) -> tuple[str, str]:
    if text is not None:
        return text.item(item.number)["text"], ""
    if item.text:
        return item.text, ""
    label = item.label or ""
    hint = ""
    if item.subscale:
        hint = _("Counts towards %(subscale)s.") % {"subscale": _(item.subscale)}
    title = _("Item %(number)s") % {"number": item.number}
    return (f"{title}: {label}" if label else title), hint


def _option_labels(item: Item, text: InstrumentText | None) -> list[str | None]:
    if text is not None:
        return list(text.item(item.number)["options"])
    return [o.label for o in item.response_set.options]


class _ItemFields(forms.Form):
    """Builds one field per item before the design-system mixin decorates the fields."""

    def __init__(
        self, *args: Any, instrument: Instrument, text: InstrumentText | None, **kwargs: Any
    ) -> None:
        self.instrument = instrument
        self.text = text
        super().__init__(*args, **kwargs)
        for item in instrument.items:
            rs = item.response_set
            name = _field_name(item)
            if rs.is_range:
                self.fields[name] = forms.IntegerField(
                    required=False, min_value=rs.low, max_value=rs.high
                )
                continue
            labels = _option_labels(item, text)
            anchors_only = text is None and any(o.label is None for o in rs.options)
            choices = []
            for option, label in zip(rs.options, labels, strict=False):
                if not label:
                    shown = str(option.value)
                elif anchors_only:  # a 0-10 scale labelled only at its ends
                    shown = f"{option.value}: {label}"
                else:
                    shown = label
                choices.append((str(option.value), shown))
            self.fields[name] = forms.TypedChoiceField(
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect(attrs={"class": "ds_radio__input"}),
            )


class QuestionnaireForm(DesignSystemFormMixin, _ItemFields):
    """The items of one instrument. Every item may be left unanswered: a missing item is
    handled by the instrument's own rule, as on paper."""

    instrument: Instrument
    text: InstrumentText | None

    def questions(self) -> list[Question]:
        out = []
        for item in self.instrument.items:
            legend, hint = _legend(item, self.text)
            if item.response_set.is_range:
                labels = _option_labels(item, self.text) if self.text else []
                low, high = item.response_set.low, item.response_set.high
                hint = _("A whole number from %(low)s to %(high)s.") % {"low": low, "high": high}
                if len(labels) == 2:
                    hint += " " + _("%(low)s = %(a)s; %(high)s = %(b)s.") % {
                        "low": low, "high": high, "a": labels[0], "b": labels[1]
                    }  # fmt: skip
            out.append(
                Question(
                    item=item,
                    field=self[_field_name(item)],
                    legend=legend,
                    hint=hint,
                    is_range=item.response_set.is_range,
                )
            )
        return out

    def answers(self) -> list[int | None]:
        return [self.cleaned_data.get(_field_name(item)) for item in self.instrument.items]


class _CaseChoices(forms.Form):
    """Fills the case choices before the design-system mixin validates and decorates."""

    def __init__(self, *args: Any, cases: Sequence[Any] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["case"].choices = [("", _("Not linked to a case"))] + [  # type: ignore[attr-defined]
            (str(c.pk), _("Case opened %(date)s") % {"date": c.opened_at.date().isoformat()})
            for c in cases
        ]


class AdministrationDetailsForm(DesignSystemFormMixin, _CaseChoices):
    """When and where in the person's support the questionnaire was completed."""

    time_point = forms.ChoiceField(
        label=gettext_lazy("Time point"), choices=TimePoint.choices, initial=TimePoint.BASELINE
    )
    follow_up_months = forms.IntegerField(
        label=gettext_lazy("Months after discharge (follow-up only)"),
        required=False,
        min_value=1,
        max_value=120,
    )
    case = forms.TypedChoiceField(
        label=gettext_lazy("Case"), required=False, coerce=int, empty_value=None
    )
    administered_on = forms.DateField(
        label=gettext_lazy("Date completed"),
        required=False,
        validators=[not_in_future],
        help_text=gettext_lazy("Leave empty for today. For example, 27 3 2025 as 2025-03-27."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    #: Case ids that already have a baseline of this instrument (set by the view).
    baseline_cases: frozenset[int] = frozenset()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("time_point") == TimePoint.BASELINE and data.get("case") in self.baseline_cases:
            self.add_error(
                "time_point",
                _(
                    "This case already has a baseline for this questionnaire. Choose “Review” "
                    "or “Discharge”, or record it against another case."
                ),
            )
        if data.get("time_point") == TimePoint.FOLLOW_UP and not data.get("follow_up_months"):
            self.add_error(
                "follow_up_months", _("Enter how many months after discharge this follow-up is.")
            )
        return data
