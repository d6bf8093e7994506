"""Keeping a safeguarding concern open at discharge: why, and who holds it now."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from linkwork.casework.models import SafeguardingConcern
from linkwork.casework.selectors import visible_cases
from linkwork.casework.services.concern_decisions import keep_open_at_discharge
from linkwork.casework.views.access import signed_in_user
from linkwork.casework.views.common import RECORD_WRITERS, add_errors, form_page, person_for
from linkwork.core.forms import DesignSystemFormMixin
from linkwork.core.permissions import require_role


class KeepOpenForm(DesignSystemFormMixin, forms.Form):
    held_open_reason = forms.CharField(
        label=gettext_lazy("Why does the concern stay open?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": gettext_lazy("Say why the concern stays open.")},
    )
    held_by = forms.CharField(
        label=gettext_lazy("Who holds it now?"),
        max_length=300,
        help_text=gettext_lazy("A person and their service, e.g. Jo Bell, adult social work"),
        error_messages={
            "required": gettext_lazy("Say who holds the concern now (a person and their service).")
        },
    )


@require_role(*RECORD_WRITERS)
@require_http_methods(["GET", "POST"])
def keep_open(request: HttpRequest, person_id: int, concern_id: int) -> HttpResponse:
    person = person_for(request.user, person_id)
    concern = SafeguardingConcern.objects.filter(
        pk=concern_id, person=person, status=SafeguardingConcern.Status.OPEN
    ).first()
    if concern is None:
        raise Http404
    form = KeepOpenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            keep_open_at_discharge(
                concern=concern,
                actor=signed_in_user(request),
                reason=form.cleaned_data["held_open_reason"],
                held_by=form.cleaned_data["held_by"],
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Recorded. The letter to the GP will say who holds it."))
            case_id = request.GET.get("case", "")
            if (
                case_id.isdigit()
                and visible_cases(request.user).filter(pk=int(case_id), person=person).exists()
            ):
                return redirect("casework:discharge_new", pk=int(case_id))
            return redirect("casework:person_detail", pk=person.pk)
    return form_page(
        request,
        form,
        title=_("Keep a safeguarding concern open"),
        caption=person.full_name,
        back_url=reverse("casework:person_detail", args=[person.pk]),
        status=422 if form.errors else 200,
    )
