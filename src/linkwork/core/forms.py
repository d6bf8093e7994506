"""Form helpers: give Django widgets the design system's classes so forms look and work alike."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from linkwork.core.two_factor import is_code_shaped, normalise_code

_WIDGET_CLASSES: list[tuple[type[forms.Widget], str]] = [
    (forms.CheckboxSelectMultiple, ""),
    (forms.RadioSelect, ""),
    (forms.CheckboxInput, ""),
    (forms.Select, "ds_select"),
    (forms.Textarea, "ds_input"),
    (forms.widgets.Input, "ds_input"),
]


class DesignSystemFormMixin:
    """Adds `ds_input`/`ds_select` classes and `aria-describedby` for hints and errors."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        for name, field in self.fields.items():  # type: ignore[attr-defined]
            for widget_type, css in _WIDGET_CLASSES:
                if isinstance(field.widget, widget_type):
                    if css:
                        existing = field.widget.attrs.get("class", "")
                        field.widget.attrs["class"] = f"{existing} {css}".strip()
                    break
            described = []
            auto_id = self[name].auto_id  # type: ignore[index]
            if field.help_text:
                described.append(f"{auto_id}-hint")
            if self.is_bound and name in self.errors:  # type: ignore[attr-defined]
                described.append(f"{auto_id}-error")
                field.widget.attrs["aria-invalid"] = "true"
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)


class LoginForm(DesignSystemFormMixin, AuthenticationForm):
    pass


class TwoFactorCodeForm(DesignSystemFormMixin, forms.Form):
    """A six-digit code from the authenticator app, or one of the recovery codes."""

    code = forms.CharField(
        label=_("Security code"),
        help_text=_(
            "The 6-digit code your authenticator app shows now, or one of your recovery codes."
        ),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autocapitalize": "off"}
        ),
    )

    def clean_code(self) -> str:
        code: str = self.cleaned_data["code"]
        if not is_code_shaped(code):
            raise forms.ValidationError(
                _("Enter the 6-digit code from your app, or one of your recovery codes.")
            )
        return normalise_code(code)


class ApiTokenForm(DesignSystemFormMixin, forms.Form):
    name = forms.CharField(
        label=_("What the token is for"),
        help_text=_("For example, the name of the script that will use it."),
        max_length=100,
    )
    days = forms.IntegerField(
        label=_("Days until it expires"),
        min_value=1,
        max_value=365,
        initial=90,
        widget=forms.NumberInput(attrs={"class": "ds_input--fixed-4"}),
    )
