"""Moderators' pages: the queue of changes, claims, problem reports and possible duplicates."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from linkwork.core.permissions import acting_user, require_role
from linkwork.core.roles import Role
from linkwork.directory import editing, services
from linkwork.directory.editorial_forms import (
    ContactsForm,
    DecisionForm,
    LocationForm,
    OrganizationForm,
    ServiceForm,
    TimesForm,
    TranslationsForm,
)
from linkwork.directory.models import (
    ChangeRequest,
    DuplicateFlag,
    OrganizationClaim,
    ProblemReport,
    Service,
)

MODERATORS = (Role.PROGRAMME_MANAGER,)


#: What each kind of change is, in words, and the form whose labels name its fields.
KINDS: dict[str, tuple[Any, Any]] = {
    "organization": (gettext_lazy("Organisation details"), OrganizationForm),
    "service": (gettext_lazy("Service details"), ServiceForm),
    "new_service": (gettext_lazy("New service"), ServiceForm),
    "service_times": (gettext_lazy("Opening times"), TimesForm),
    "service_location": (gettext_lazy("Where it happens"), LocationForm),
    "service_contacts": (gettext_lazy("Contact details"), ContactsForm),
    "service_translations": (gettext_lazy("Service in other languages"), TranslationsForm),
    "organization_translations": (
        gettext_lazy("Organisation in other languages"),
        TranslationsForm,
    ),
}
_EXTRA_LABELS = {"schedules": gettext_lazy("Opening times")}


def field_label(object_type: str, field: str) -> str:
    form_class = KINDS.get(object_type, (None, None))[1]
    if form_class is not None and field in form_class.base_fields:
        return str(form_class.base_fields[field].label)
    return str(_EXTRA_LABELS.get(field, field.replace("_", " ").capitalize()))


def describe(changes: list[ChangeRequest]) -> list[dict[str, Any]]:
    """Each change with what it is and which service it is about (one query for the names)."""
    ids = [
        c.object_id
        for c in changes
        if c.object_id and c.object_type not in ("organization", "organization_translations")
    ]
    names: dict[uuid.UUID | None, str] = dict(
        Service.objects.filter(id__in=ids).values_list("id", "name")
    )
    return [
        {
            "change": c,
            "kind": KINDS.get(c.object_type, (c.object_type, None))[0],
            "subject": c.proposed.get("name")
            if c.object_type == "new_service"
            else names.get(c.object_id, ""),
            "fields": [field_label(c.object_type, f) for f in c.proposed],
        }
        for c in changes
    ]


@require_role(*MODERATORS)
def queue(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "directory/moderation/queue.html",
        {
            "changes": describe(
                list(
                    ChangeRequest.objects.filter(status="pending").select_related(
                        "organization", "submitted_by"
                    )[:100]
                )
            ),
            "claims": OrganizationClaim.objects.filter(status="pending").select_related(
                "organization", "account"
            )[:100],
            "problems": ProblemReport.objects.filter(status="open").select_related(
                "service", "organization"
            )[:100],
            "duplicates": DuplicateFlag.objects.filter(status="open").select_related(
                "service", "other"
            )[:100],
        },
    )


def diff_rows(change: ChangeRequest) -> list[dict[str, Any]]:
    """Side by side: field, value now, value proposed (and the value the editor saw)."""
    current: dict[str, Any] = {}
    if change.object_id:
        from linkwork.directory.models import Organization

        model = (
            Organization
            if change.object_type in ("organization", "organization_translations")
            else Service
        )
        record = model.objects.filter(id=change.object_id).first()
        current = editing.snapshot(change.object_type, record) if record else {}
    return [
        {
            "field": field_label(change.object_type, field),
            "now": current.get(field, ""),
            "proposed": value,
            "moved_on": change.original.get(field)
            != current.get(field, change.original.get(field)),
        }
        for field, value in change.proposed.items()
    ]


@require_role(*MODERATORS)
def review_change(request: HttpRequest, change_id: int) -> HttpResponse:
    change = get_object_or_404(ChangeRequest.objects.select_related("organization"), id=change_id)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        approve = request.POST.get("decision") == "approve"
        try:
            services.decide_change(
                change=change,
                moderator=request.user,
                approve=approve,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            form.add_error("reason", exc.messages[0])
        else:
            messages.success(request, _("Change approved.") if approve else _("Change rejected."))
            return redirect("directory:moderation_queue")
    return render(
        request,
        "directory/moderation/change.html",
        {"change": change, "about": describe([change])[0], "rows": diff_rows(change), "form": form},
    )


@require_role(*MODERATORS)
@require_POST
def review_claim(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = get_object_or_404(OrganizationClaim, id=claim_id, status="pending")
    approve = request.POST.get("decision") == "approve"
    try:
        services.decide_claim(
            claim=claim,
            moderator=request.user,
            approve=approve,
            reason=request.POST.get("reason", ""),
        )
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("Claim approved.") if approve else _("Claim rejected."))
    return redirect("directory:moderation_queue")


@require_role(Role.COMMUNITY_EDITOR, Role.PROGRAMME_MANAGER)
@require_POST
def resolve_problem(request: HttpRequest, report_id: int) -> HttpResponse:
    report = get_object_or_404(ProblemReport.objects.select_related("organization"), id=report_id)
    services.resolve_problem(report=report, user=request.user)
    messages.success(request, _("Marked as resolved."))
    target = request.POST.get("next")
    return redirect(
        "directory:moderation_queue" if target != "dashboard" else "directory:editor_dashboard"
    )


@require_role(*MODERATORS)
def review_duplicate(request: HttpRequest, flag_id: int) -> HttpResponse:
    flag = get_object_or_404(DuplicateFlag.objects.select_related("service", "other"), id=flag_id)
    if request.method == "POST":
        action = request.POST.get("decision")
        if action == "dismiss":
            flag.status, flag.decided_by = DuplicateFlag.Status.DISMISSED, acting_user(request)
            flag.save()
            messages.success(request, _("Marked as not duplicates."))
        elif action in ("keep_first", "keep_second"):
            keep, merge = (
                (flag.service, flag.other) if action == "keep_first" else (flag.other, flag.service)
            )
            services.merge_services(keep=keep, merge=merge, moderator=request.user)
            messages.success(request, _("Merged into %s.") % keep.name)
        return redirect("directory:moderation_queue")
    pair = [flag.service, flag.other]
    rows = [
        {
            "field": f,
            "a": editing.snapshot("service", pair[0]).get(f),
            "b": editing.snapshot("service", pair[1]).get(f),
        }
        for f in ("name", "summary", "description", "url", "email", "status", "categories")
    ]
    return render(request, "directory/moderation/duplicate.html", {"flag": flag, "rows": rows})
