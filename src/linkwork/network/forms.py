"""Forms for network pages, with the design system's classes on their widgets."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from linkwork.core.models import User
from linkwork.engagement.models import Story
from linkwork.engagement.selectors import attachable_consultations, published_stories
from linkwork.network.choices import Area, Audience, PackSection
from linkwork.network.models import CaseStudyLink, Event, MemberProfile, Resource


def _style(form: forms.BaseForm) -> None:
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
            continue
        if isinstance(widget, forms.Select | forms.SelectMultiple):
            widget.attrs.setdefault("class", "ds_select")
        elif isinstance(widget, forms.Textarea):
            widget.attrs.setdefault("class", "ds_input")
            widget.attrs.setdefault("rows", 5)
        elif isinstance(widget, forms.CheckboxInput | forms.ClearableFileInput):
            continue
        else:
            widget.attrs.setdefault("class", "ds_input")


class StyledForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _style(self)


class ProfileForm(forms.ModelForm):
    class Meta:
        model = MemberProfile
        fields = [
            "listed",
            "visibility",
            "display_name",
            "job_role",
            "organisation_name",
            "area",
            "practices",
            "specialisms",
            "languages",
            "ask_me_about",
            "digest",
        ]
        widgets = {
            "visibility": forms.RadioSelect,
            "digest": forms.RadioSelect,
            "ask_me_about": forms.Textarea,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _style(self)


class MemberSearchForm(StyledForm):
    q = forms.CharField(label=_("Name, role or organisation"), required=False, max_length=100)
    area = forms.ChoiceField(
        label=_("Area"), required=False, choices=[("", _("Any area")), *Area.choices]
    )
    specialism = forms.CharField(label=_("Specialism"), required=False, max_length=100)


class ResourceSearchForm(StyledForm):
    q = forms.CharField(label=_("Search the library"), required=False, max_length=200)
    section = forms.ChoiceField(
        label=_("Support pack section"),
        required=False,
        choices=[("", _("All sections")), *[c for c in PackSection.choices if c[0]]],
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *Resource.Kind.choices]
    )


class ResourceForm(StyledForm):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=Resource.Kind.choices, widget=forms.RadioSelect
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea, max_length=4000)
    audience = forms.ChoiceField(label=_("Audience"), choices=Audience.choices)
    section = forms.ChoiceField(
        label=_("Support pack section"), choices=PackSection.choices, required=False
    )
    tags = forms.CharField(
        label=_("Tags"), required=False, max_length=300, help_text=_("Separate with commas")
    )
    url = forms.URLField(
        label=_("Web address"),
        required=False,
        help_text=_("For a link only"),
        assume_scheme="https",
    )
    upload = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("For a document or template: PDF, DOCX, ODT or XLSX, up to 20 MB"),
    )
    review_date = forms.DateField(
        label=_("Review date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    case_studies = forms.ModelMultipleChoiceField(
        label=_("Related case studies"),
        queryset=CaseStudyLink.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class VersionForm(StyledForm):
    upload = forms.FileField(
        label=_("New file"), help_text=_("PDF, DOCX, ODT or XLSX, up to 20 MB")
    )
    note = forms.CharField(label=_("What changed"), required=False, max_length=300)


class EventForm(forms.ModelForm):
    online_url = forms.URLField(label=_("Joining link"), required=False, assume_scheme="https")

    class Meta:
        model = Event
        fields = [
            "title",
            "description",
            "format",
            "location",
            "online_url",
            "starts_at",
            "ends_at",
            "capacity",
            "feedback_consultation",
        ]
        widgets = {
            "format": forms.RadioSelect,
            "description": forms.Textarea,
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "ends_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
        }
        help_texts = {
            "feedback_consultation": _(
                "After the event, people who came are asked for feedback through this "
                "consultation, and its themes are read in engagement."
            )
        }

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["feedback_consultation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = attachable_consultations(user)
        field.empty_label = _("None")
        _style(self)


class PostForm(StyledForm):
    body = forms.CharField(label=_("Your message"), widget=forms.Textarea, max_length=10000)
    confirm_no_personal_data = forms.BooleanField(
        label=_("I have checked: this does not identify anyone I support"), required=False
    )


class TopicForm(PostForm):
    title = forms.CharField(label=_("Title"), max_length=200)

    field_order = ["title", "body", "confirm_no_personal_data"]


class CaseStudyForm(StyledForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    url = forms.URLField(label=_("Web address"), required=False, assume_scheme="https")
    story = forms.ModelChoiceField(
        label=_("Story in the stories library"),
        queryset=Story.objects.none(),
        required=False,
        empty_label=_("None: the case study is elsewhere"),
    )
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea, required=False)

    field_order = ["title", "story", "url", "summary"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["story"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = published_stories()
