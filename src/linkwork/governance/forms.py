from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from linkwork.core.models import AuditEntry, Organisation
from linkwork.governance.models import DataCategory, DataSharingAgreement, SharingPurpose
from linkwork.governance.selectors import AuditFilter


class AuditSearchForm(forms.Form):
    person = forms.IntegerField(
        label=_("Person (record number)"),
        required=False,
        min_value=1,
        widget=forms.NumberInput(attrs={"class": "ds_input ds_input--fixed-10"}),
    )
    user = forms.CharField(
        label=_("Staff username"),
        required=False,
        max_length=150,
        widget=forms.TextInput(attrs={"class": "ds_input ds_input--fixed-20"}),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        required=False,
        queryset=Organisation.objects.none(),
        empty_label=_("Any of mine"),
        widget=forms.Select(attrs={"class": "ds_select"}),
    )
    date_from = forms.DateField(
        label=_("From (YYYY-MM-DD)"),
        required=False,
        widget=forms.DateInput(attrs={"class": "ds_input ds_input--fixed-10", "type": "date"}),
    )
    date_to = forms.DateField(
        label=_("To (YYYY-MM-DD)"),
        required=False,
        widget=forms.DateInput(attrs={"class": "ds_input ds_input--fixed-10", "type": "date"}),
    )
    action = forms.ChoiceField(
        label=_("Action"),
        required=False,
        choices=[("", _("Any")), *AuditEntry.Action.choices],
        widget=forms.Select(attrs={"class": "ds_select"}),
    )

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date must be on or after the start date."))
        return data

    def criteria(self) -> AuditFilter:
        data = self.cleaned_data
        org = data.get("organisation")
        return AuditFilter(
            person_id=data.get("person"),
            username=(data.get("user") or "").strip(),
            organisation_id=org.pk if org else None,
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            action=data.get("action") or "",
        )


_DATE = {"class": "ds_input ds_input--fixed-10", "type": "date"}


class AgreementForm(forms.ModelForm):
    purposes = forms.MultipleChoiceField(
        label=_("Purposes"),
        choices=SharingPurpose.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    data_categories = forms.MultipleChoiceField(
        label=_("Data that may flow"),
        choices=DataCategory.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = DataSharingAgreement
        fields = [
            "title",
            "partner",
            "parties",
            "purposes",
            "data_categories",
            "starts_on",
            "ends_on",
            "status",
            "document",
        ]
        widgets = {
            "title": forms.TextInput(attrs={"class": "ds_input"}),
            "partner": forms.Select(attrs={"class": "ds_select"}),
            "parties": forms.CheckboxSelectMultiple,
            "starts_on": forms.DateInput(
                attrs={"class": "ds_input ds_input--fixed-10", "type": "date"}
            ),
            "ends_on": forms.DateInput(
                attrs={"class": "ds_input ds_input--fixed-10", "type": "date"}
            ),
            "status": forms.Select(attrs={"class": "ds_select"}),
            "document": forms.ClearableFileInput(
                attrs={"class": "ds_file-upload", "accept": ".pdf"}
            ),
        }

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Organisation.objects.filter(  # type: ignore[attr-defined]
            kind__in=[Organisation.Kind.COMMUNITY, Organisation.Kind.AGENCY]
        ).order_by("name")
        self.fields["parties"].queryset = organisations  # type: ignore[attr-defined]

    def clean_document(self) -> Any:
        document = self.cleaned_data.get("document")
        if document and hasattr(document, "read") and getattr(document, "size", 0):
            head = document.read(5)
            document.seek(0)
            if head != b"%PDF-":
                raise forms.ValidationError(_("The signed agreement must be a PDF file."))
        return document

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and start > end:
            self.add_error("ends_on", _("The end date must be on or after the start date."))
        return data
