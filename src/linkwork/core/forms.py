"""Form helpers: give Django widgets the design system's classes so forms look and work alike."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm

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
