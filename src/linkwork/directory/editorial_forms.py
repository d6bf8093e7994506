"""Forms editors fill in to change their organisation's records."""

from __future__ import annotations

import copy
from typing import Any

from django import forms
from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from linkwork.core.forms import DesignSystemFormMixin
from linkwork.directory.editing import translation_key
from linkwork.directory.forms import ACCESSIBILITY, DELIVERY
from linkwork.directory.languages import TRANSLATION_LANGUAGES
from linkwork.directory.models import Service
from linkwork.directory.taxonomy import default_taxonomy_data

CHECKBOXES = forms.CheckboxSelectMultiple(attrs={"class": "ds_checkbox__input"})
DAYS = [
    ("MO", _("Monday")),
    ("TU", _("Tuesday")),
    ("WE", _("Wednesday")),
    ("TH", _("Thursday")),
    ("FR", _("Friday")),
    ("SA", _("Saturday")),
    ("SU", _("Sunday")),
]


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    """Values as JSON-ready plain types (the moderation queue stores them)."""
    out = {}
    for k, v in data.items():
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        out[k] = list(v) if isinstance(v, (list, tuple)) else v
    return out


class OrganizationForm(DesignSystemFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=500)
    description = forms.CharField(label=_("What you do"), widget=forms.Textarea(attrs={"rows": 5}))
    email = forms.EmailField(label=_("Email"), required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    def values(self) -> dict[str, Any]:
        return _clean(self.cleaned_data)


class ServiceForm(DesignSystemFormMixin, forms.Form):
    name = forms.CharField(label=_("Name of the service"), max_length=500)
    summary = forms.CharField(label=_("Summary in one sentence"), max_length=500, required=False)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )
    categories = forms.MultipleChoiceField(
        label=_("Categories"),
        required=False,
        widget=CHECKBOXES,
        choices=lambda: [(t["code"], t["name"]) for t in default_taxonomy_data()["terms"]],
    )
    status = forms.ChoiceField(label=_("Status"), choices=Service.Status.choices)
    access = forms.ChoiceField(
        label=_("How people get in"),
        required=False,
        choices=[("", _("Not stated")), *Service.Access.choices],
    )
    application_process = forms.CharField(
        label=_("How to access, in your words"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    delivery_modes = forms.MultipleChoiceField(
        label=_("How it is delivered"), choices=DELIVERY, widget=CHECKBOXES, required=False
    )
    eligibility_description = forms.CharField(label=_("Who it is for"), required=False)
    minimum_age = forms.IntegerField(
        label=_("Youngest age"), required=False, min_value=0, max_value=120
    )
    maximum_age = forms.IntegerField(
        label=_("Oldest age"), required=False, min_value=0, max_value=120
    )
    is_free = forms.TypedChoiceField(
        label=_("Cost"),
        required=False,
        empty_value=None,
        coerce=lambda v: {"yes": True, "no": False}.get(v),
        choices=[("", _("Not stated")), ("yes", _("Free")), ("no", _("There is a charge"))],
    )
    fees_description = forms.CharField(label=_("About the cost"), required=False)
    url = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    email = forms.EmailField(label=_("Email"), required=False)

    def values(self) -> dict[str, Any]:
        return _clean(self.cleaned_data)

    @staticmethod
    def initial_from(values: dict[str, Any]) -> dict[str, Any]:
        initial = dict(values)
        free = values.get("is_free")
        initial["is_free"] = "yes" if free is True else "no" if free is False else ""
        return initial


class TimesForm(DesignSystemFormMixin, forms.Form):
    """Up to three weekly openings, e.g. Mondays and Wednesdays 10:00-12:00."""

    ROWS = 3

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for i in range(self.ROWS):
            self.fields[f"days_{i}"] = forms.MultipleChoiceField(
                label=_("Days (opening %d)") % (i + 1),
                choices=DAYS,
                required=False,
                widget=CHECKBOXES,
            )
            self.fields[f"opens_{i}"] = forms.TimeField(
                label=_("Opens at"), required=False, help_text=_("For example 10:00")
            )
            self.fields[f"closes_{i}"] = forms.TimeField(label=_("Closes at"), required=False)
        # the mixin styled the fields that existed before these were added
        for field in self.fields.values():
            if isinstance(field, forms.TimeField):
                field.widget.attrs["class"] = "ds_input ds_input--fixed-10"
        for name in self.fields:
            if self.is_bound and name in self.errors:
                self.fields[name].widget.attrs["aria-invalid"] = "true"

    def rows(self) -> list[tuple[Any, Any, Any]]:
        return [
            (self[f"days_{i}"], self[f"opens_{i}"], self[f"closes_{i}"]) for i in range(self.ROWS)
        ]

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        for i in range(self.ROWS):
            days, opens, closes = (
                data.get(f"days_{i}"),
                data.get(f"opens_{i}"),
                data.get(f"closes_{i}"),
            )
            if days and not (opens and closes):
                self.add_error(
                    f"opens_{i}", _("Give the opening and closing times for these days.")
                )
            if opens and closes and closes <= opens:
                self.add_error(f"closes_{i}", _("The closing time must be after the opening time."))
        return data

    def values(self) -> dict[str, Any]:
        rows = []
        for i in range(self.ROWS):
            days = self.cleaned_data.get(f"days_{i}")
            if days:
                rows.append(
                    {
                        "byday": ",".join(d for d, _ in DAYS if d in days),
                        "opens_at": self.cleaned_data[f"opens_{i}"].strftime("%H:%M"),
                        "closes_at": self.cleaned_data[f"closes_{i}"].strftime("%H:%M"),
                    }
                )
        return {"schedules": rows}

    @classmethod
    def initial_from(cls, values: dict[str, Any]) -> dict[str, Any]:
        initial: dict[str, Any] = {}
        for i, row in enumerate(values.get("schedules", [])[: cls.ROWS]):
            initial[f"days_{i}"] = row["byday"].split(",")
            initial[f"opens_{i}"] = row["opens_at"]
            initial[f"closes_{i}"] = row["closes_at"]
        return initial


class LocationForm(DesignSystemFormMixin, forms.Form):
    name = forms.CharField(label=_("Name of the place"), required=False, max_length=500)
    address_1 = forms.CharField(label=_("Address line 1"), max_length=200)
    address_2 = forms.CharField(label=_("Address line 2"), required=False, max_length=200)
    city = forms.CharField(label=_("Town or city"), max_length=100)
    postcode = forms.CharField(label=_("Postcode"), max_length=10)
    transportation = forms.CharField(
        label=_("How to get there"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    accessibility = forms.MultipleChoiceField(
        label=_("Accessibility"), choices=ACCESSIBILITY, required=False, widget=CHECKBOXES
    )

    def clean_postcode(self) -> str:
        from linkwork.places.postcodes import InvalidPostcode, normalise_postcode

        try:
            return normalise_postcode(self.cleaned_data["postcode"])
        except InvalidPostcode as exc:
            raise forms.ValidationError(str(exc)) from None

    def values(self) -> dict[str, Any]:
        return _clean(self.cleaned_data)


class ContactsForm(DesignSystemFormMixin, forms.Form):
    """How people get in touch with a service: a phone number and a named contact."""

    phone = forms.CharField(
        label=_("Phone number"),
        required=False,
        max_length=40,
        help_text=_("For example 0131 496 0000"),
    )
    contact_name = forms.CharField(label=_("Name of the contact"), required=False, max_length=200)
    contact_title = forms.CharField(
        label=_("Their role"),
        required=False,
        max_length=200,
        help_text=_("For example Coordinator"),
    )
    contact_email = forms.EmailField(label=_("Their email"), required=False)

    def clean_phone(self) -> str:
        phone = " ".join(self.cleaned_data["phone"].split())
        digits = [c for c in phone if c.isdigit()]
        if phone and (len(digits) < 10 or any(c not in "0123456789 +()-" for c in phone)):
            raise forms.ValidationError(
                _("Enter a phone number with its area code, like 0131 496 0000.")
            )
        return phone

    def values(self) -> dict[str, Any]:
        return _clean(self.cleaned_data)


class ClaimForm(DesignSystemFormMixin, forms.Form):
    account = forms.ChoiceField(label=_("Which of your organisations is claiming it?"))

    def __init__(self, *args: Any, accounts: list[tuple[str, str]], **kwargs: Any) -> None:
        # choices must be in place before the mixin looks at errors (which validates)
        fields = copy.deepcopy(type(self).base_fields)
        account = fields["account"]
        assert isinstance(account, forms.ChoiceField)
        account.choices = accounts
        # django-stubs types base_fields as a ClassVar; Django reads it through the instance
        # (BaseForm.__init__ copies self.base_fields), so a per-instance copy is supported.
        self.base_fields = fields  # type: ignore[misc]
        super().__init__(*args, **kwargs)

    note = forms.CharField(
        label=_("How are you connected to this organisation?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DecisionForm(DesignSystemFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when you reject. The editor sees it."),
    )


def _translation_fields() -> dict[str, forms.Field]:
    """A name and a description per offered language. Each label names the language in the
    editor's language and in itself; each input is typed in that language and direction
    (lang/dir), so a translator sees Arabic right to left."""
    fields: dict[str, forms.Field] = {}
    for language in TRANSLATION_LANGUAGES:
        info = get_language_info(language)
        own_name = dict(settings.LANGUAGES).get(language, info["name_local"])
        attrs = {"lang": language, "dir": "rtl" if info["bidi"] else "ltr"}
        key = translation_key(language)
        fields[f"name_{key}"] = forms.CharField(
            label=format_lazy(
                _("Name in {language} ({own})"), language=info["name_translated"], own=own_name
            ),
            max_length=500,
            required=False,
            widget=forms.TextInput(attrs=attrs),
        )
        fields[f"description_{key}"] = forms.CharField(
            label=format_lazy(
                _("Description in {language} ({own})"),
                language=info["name_translated"],
                own=own_name,
            ),
            required=False,
            widget=forms.Textarea(attrs={**attrs, "rows": 4}),
        )
    return fields


class _TranslationValues:
    def values(self) -> dict[str, Any]:
        return {k: (v or "").strip() for k, v in self.cleaned_data.items()}  # type: ignore[attr-defined]


#: The record's name and description in each offered language (empty: no translation).
TranslationsForm = type(
    "TranslationsForm",
    (DesignSystemFormMixin, _TranslationValues, forms.Form),
    {**_translation_fields(), "__module__": __name__},
)
