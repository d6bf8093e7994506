"""Entering the notes of an engagement event or focus group (programme managers and analysts):
each line becomes an answer to an open question, tagged by event and group, so it is analysed
with the other answers."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from linkwork.core import policy
from linkwork.core.permissions import acting_user, require_action
from linkwork.engagement import policy as actions
from linkwork.engagement import services
from linkwork.engagement.forms_builder import EventNotesForm
from linkwork.engagement.models import Consultation


@require_action(actions.IMPORT_RESPONSES)
@require_http_methods(["GET", "POST"])
def event_notes(request: HttpRequest, pk: int) -> HttpResponse:
    scoped = policy.scope_queryset(
        request.user, actions.IMPORT_RESPONSES, Consultation.objects.all()
    )
    consultation = get_object_or_404(scoped, pk=pk)
    if request.method == "POST":
        form = EventNotesForm(request.POST, consultation=consultation)
        if form.is_valid():
            data = form.cleaned_data
            count = services.record_event_notes(
                actor=acting_user(request), question=data["question"],
                event_name=data["event_name"], group=data.get("group", ""),
                notes=data["notes"], held_on=data.get("held_on"),
            )  # fmt: skip
            messages.success(
                request,
                _("%(count)d notes saved. Find themes again to include them.") % {"count": count},
            )
            return redirect("engagement:consultation_detail", pk=pk)
    else:
        form = EventNotesForm(consultation=consultation)
    events = consultation.events.order_by("name")
    response = render(
        request, "engagement/event_notes.html",
        {"consultation": consultation, "form": form, "events": events,
         "has_open": form.fields["question"].queryset.exists()},  # type: ignore[attr-defined]
        status=400 if form.errors else 200,
    )  # fmt: skip
    response["Cache-Control"] = "no-store"
    return response
