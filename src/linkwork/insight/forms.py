"""The dashboards' filters: period, practice, HSCP of residence, link worker."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from linkwork.insight.models import Programme
from linkwork.insight.selectors import Filters, practices
from linkwork.places.models import HSCP

MAX_PERIOD_DAYS = 366 * 5


class FilterForm(forms.Form):
    programme = forms.TypedChoiceField(label=_("Programme"), coerce=int, required=False)
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput({"type": "date"})
    )
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput({"type": "date"}))
    practice = forms.TypedChoiceField(label=_("Practice"), coerce=int, required=False)
    hscp = forms.ChoiceField(label=_("HSCP where people live"), required=False)
    worker = forms.TypedChoiceField(label=_("Link worker"), coerce=int, required=False)

    def __init__(
        self, *args: Any, programmes: list[Programme], programme: Programme, **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        self._choices("programme").choices = [(p.pk, p.name) for p in programmes]
        everything = [("", _("All"))]
        self._choices("practice").choices = everything + [
            (p.pk, p.name) for p in practices(programme)
        ]
        self._choices("hscp").choices = everything + list(HSCP.objects.values_list("code", "name"))
        workers = (
            get_user_model()
            .objects.filter(
                memberships__organisation__programme_id=programme.pk, groups__name="link_worker"
            )
            .distinct()
        )
        self._choices("worker").choices = everything + [
            (w.pk, w.get_full_name() or w.get_username()) for w in workers.order_by("username")
        ]

    def _choices(self, name: str) -> forms.ChoiceField:
        return cast(forms.ChoiceField, self.fields[name])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        default = Filters.default()
        start, end = data.get("start") or default.start, data.get("end") or default.end
        if start > end:
            self.add_error("end", _("The end of the period must be after its start."))
        elif (end - start) > dt.timedelta(days=MAX_PERIOD_DAYS):
            self.add_error("start", _("Choose a period of five years or less."))
        data["start"], data["end"] = start, end
        return data

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            start=data["start"],
            end=data["end"],
            practice_id=data.get("practice") or None,
            hscp=data.get("hscp") or None,
            link_worker_id=data.get("worker") or None,
        )
