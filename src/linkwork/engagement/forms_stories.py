"""Forms for sharing a story (public) and reviewing it (programme managers)."""

from __future__ import annotations

import time
from typing import Any

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from linkwork.core.models import Organisation
from linkwork.engagement.forms import _SIGNER_SALT, MIN_SECONDS
from linkwork.engagement.forms_builder import style


class ShareStoryForm(forms.Form):
    """A member of the public's story, with the two agreements and the same spam traps as the
    consultation form (a hidden field bots fill, and a minimum time to write)."""

    website = forms.CharField(required=False, label=_("Leave this empty"))
    started = forms.CharField(widget=forms.HiddenInput)
    programme = forms.ModelChoiceField(
        label=_("Which programme is your story for?"),
        queryset=Organisation.objects.filter(kind=Organisation.Kind.PROGRAMME).order_by("name"),
        empty_label=None,
    )
    title = forms.CharField(label=_("A title for your story"), max_length=200)
    summary = forms.CharField(
        label=_("Your story in one sentence"), max_length=300,
        help_text=_("This is shown in the list of stories."),
    )  # fmt: skip
    body = forms.CharField(
        label=_("Your story"), max_length=20_000, widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("What happened, what helped, what changed. Please do not use other "
                    "people's names."),
    )  # fmt: skip
    place = forms.CharField(label=_("Town or area (optional)"), max_length=100, required=False)
    contributor_name = forms.CharField(
        label=_("Your name (optional)"), max_length=200, required=False,
        help_text=_("So we can thank you. It is not published unless you ask us to."),
    )  # fmt: skip
    contributor_email = forms.EmailField(
        label=_("Your email address (optional)"), required=False,
        help_text=_("Only if you are happy for us to contact you about your story. "
                    "It is never published."),
    )  # fmt: skip
    consent_to_publish = forms.BooleanField(
        label=_("I agree that my story may be published on this website after it has been "
                "read and, if needed, edited to remove anything that could identify someone"),
        required=False,
    )  # fmt: skip
    consent_others = forms.BooleanField(
        label=_("Anyone else in my story has agreed, or cannot be identified from it"),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        style(self)

    def story_fields(self) -> list[forms.BoundField]:
        names = ("programme", "title", "summary", "body", "place")
        return [self[n] for n in names]

    def contact_fields(self) -> list[forms.BoundField]:
        return [self["contributor_name"], self["contributor_email"]]

    def clean_website(self) -> str:
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("This form could not be sent. Please try again."))
        return ""

    def clean_started(self) -> str:
        value: str = self.cleaned_data["started"]
        try:
            started = float(signing.loads(value, salt=_SIGNER_SALT, max_age=60 * 60 * 24))
        except (signing.BadSignature, TypeError, ValueError):
            raise forms.ValidationError(_("This form has expired. Please start again.")) from None
        if time.time() - started < MIN_SECONDS:
            raise forms.ValidationError(
                _("That was very quick. Please check your story and send it again.")
            )
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("consent_to_publish"):
            self.add_error(
                "consent_to_publish", _("Tick the box to agree to your story being published")
            )
        if not data.get("consent_others"):
            self.add_error(
                "consent_others",
                _("Tick the box to confirm that nobody else can be identified without agreeing"),
            )
        return data


def _words(value: str) -> list[str]:
    return [w.strip() for w in value.split(",") if w.strip()]


class StoryReviewForm(forms.Form):
    """The reviewer's version of the story: what will be published."""

    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(label=_("Summary"), max_length=300)
    body = forms.CharField(
        label=_("Story"), max_length=20_000, widget=forms.Textarea(attrs={"rows": 12})
    )
    place = forms.CharField(label=_("Place"), max_length=100, required=False)
    themes = forms.CharField(
        label=_("Themes"), max_length=1000, required=False,
        help_text=_("Separate themes with commas, for example: isolation, transport."),
    )  # fmt: skip
    tags = forms.CharField(
        label=_("Tags"), max_length=1000, required=False,
        help_text=_("Separate tags with commas."),
    )  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)

    def clean_themes(self) -> list[str]:
        return _words(self.cleaned_data.get("themes", ""))

    def clean_tags(self) -> list[str]:
        return _words(self.cleaned_data.get("tags", ""))


class DeclineForm(forms.Form):
    note = forms.CharField(
        label=_("Why it is not published (kept for the programme, not sent)"),
        max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)
