"""Editors' pages: the dashboard, claiming, and editing an organisation's records.

Every view checks the object, not just the role: an editor of one organisation gets 403 on
another's records however the request is made.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from linkwork.core import policy
from linkwork.core.permissions import acting_user, require_role
from linkwork.core.roles import Role
from linkwork.directory import editing, presentation, services
from linkwork.directory.editorial_forms import (
    ClaimForm,
    ContactsForm,
    LocationForm,
    OrganizationForm,
    ServiceForm,
    TimesForm,
    TranslationsForm,
)
from linkwork.directory.models import (
    ChangeRecord,
    ChangeRequest,
    Organization,
    ProblemReport,
    Service,
)
from linkwork.directory.permissions import can_edit, editable_organizations, is_moderator
from linkwork.directory.policy import TRANSLATE
from linkwork.directory.views.moderation import describe

EDITORS = (Role.COMMUNITY_EDITOR, Role.PROGRAMME_MANAGER)


@require_role(*EDITORS)
def dashboard(request: HttpRequest) -> HttpResponse:
    orgs = editable_organizations(request.user)
    if is_moderator(request.user):
        orgs = orgs.filter(owner__isnull=False)[:50]
    service_list = list(
        Service.objects.filter(organization__in=orgs)
        .select_related("organization")
        .order_by("name")[:200]
    )
    rows: list[dict[str, Any]] = [
        {"service": s, "stale": presentation.is_stale(s), "checked": presentation.checked_text(s)}
        for s in service_list
    ]
    rows.sort(key=lambda r: (not r["stale"], r["service"].name))
    return render(
        request,
        "directory/editor/dashboard.html",
        {
            "orgs": list(orgs),
            "rows": rows,
            "stale_count": sum(r["stale"] for r in rows),
            "pending": describe(
                list(
                    ChangeRequest.objects.filter(organization__in=orgs, status="pending").order_by(
                        "-submitted_at"
                    )[:50]
                )
            ),
            "problems": ProblemReport.objects.filter(
                organization__in=orgs, status="open"
            ).select_related("service")[:50],
            "claims": acting_user(request).organisation_ids("community"),
        },
    )


def _org_for_edit(request: HttpRequest, organisation_id: uuid.UUID) -> Organization:
    org = get_object_or_404(Organization, id=organisation_id)
    if not can_edit(request.user, org):
        raise PermissionDenied
    return org


def _service_for_edit(request: HttpRequest, service_id: uuid.UUID) -> Service:
    service = get_object_or_404(Service.objects.select_related("organization"), id=service_id)
    if not can_edit(request.user, service.organization):
        raise PermissionDenied
    return service


def _done(request: HttpRequest, applied: bool) -> None:
    if applied:
        messages.success(request, _("Your changes are saved and public now."))
    else:
        messages.success(
            request, _("Thank you. A moderator will check your changes before they are public.")
        )


def _edit(
    request: HttpRequest,
    *,
    form_class: Any,
    object_type: str,
    org: Organization | None,
    record: Any,
    title: str,
    back: str,
) -> HttpResponse:
    if org is None:  # a record no organisation owns: nobody's to change
        raise PermissionDenied
    original = editing.snapshot(object_type, record) if record is not None else {}
    initial = form_class.initial_from(original) if hasattr(form_class, "initial_from") else original
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        applied, result = services.propose_change(
            user=request.user,
            object_type=object_type,
            organization=org,
            proposed=form.values(),
            original=original,
            object_id=record.id if record is not None else None,
        )
        _done(request, applied)
        if applied and object_type == "new_service" and result is not None:
            return redirect("directory:service", service_id=result.id)
        return redirect(back)
    return render(
        request,
        "directory/editor/edit.html",
        {"form": form, "title": title, "org": org, "back": back},
    )


@require_role(*EDITORS)
def edit_organisation(request: HttpRequest, organisation_id: uuid.UUID) -> HttpResponse:
    org = _org_for_edit(request, organisation_id)
    return _edit(
        request,
        form_class=OrganizationForm,
        object_type="organization",
        org=org,
        record=org,
        title=_("Change %s") % org.name,
        back="directory:editor_dashboard",
    )


@require_role(*EDITORS)
def new_service(request: HttpRequest, organisation_id: uuid.UUID) -> HttpResponse:
    org = _org_for_edit(request, organisation_id)
    return _edit(
        request,
        form_class=ServiceForm,
        object_type="new_service",
        org=org,
        record=None,
        title=_("Add a service"),
        back="directory:editor_dashboard",
    )


@require_role(*EDITORS)
def edit_service(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    service = _service_for_edit(request, service_id)
    return _edit(
        request,
        form_class=ServiceForm,
        object_type="service",
        org=service.organization,
        record=service,
        title=_("Change %s") % service.name,
        back="directory:editor_dashboard",
    )


@require_role(*EDITORS)
def edit_times(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    service = _service_for_edit(request, service_id)
    return _edit(
        request,
        form_class=TimesForm,
        object_type="service_times",
        org=service.organization,
        record=service,
        title=_("Opening times of %s") % service.name,
        back="directory:editor_dashboard",
    )


@require_role(*EDITORS)
def edit_location(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    service = _service_for_edit(request, service_id)
    return _edit(
        request,
        form_class=LocationForm,
        object_type="service_location",
        org=service.organization,
        record=service,
        title=_("Where %s happens") % service.name,
        back="directory:editor_dashboard",
    )


@require_role(*EDITORS)
def edit_contacts(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    service = _service_for_edit(request, service_id)
    return _edit(
        request,
        form_class=ContactsForm,
        object_type="service_contacts",
        org=service.organization,
        record=service,
        title=_("How to contact %s") % service.name,
        back="directory:editor_dashboard",
    )


@require_role(*EDITORS)
def edit_service_translations(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    """The service's name and description in other languages, written by its organisation."""
    service = _service_for_edit(request, service_id)
    policy.check(request.user, TRANSLATE, service)
    return _edit(
        request,
        form_class=TranslationsForm,
        object_type="service_translations",
        org=service.organization,
        record=service,
        title=_("%s in other languages") % service.name,
        back="directory:editor_dashboard",
    )


@require_role(*EDITORS)
def edit_organisation_translations(
    request: HttpRequest, organisation_id: uuid.UUID
) -> HttpResponse:
    """The organisation's name and description in other languages."""
    org = _org_for_edit(request, organisation_id)
    policy.check(request.user, TRANSLATE, org)
    return _edit(
        request,
        form_class=TranslationsForm,
        object_type="organization_translations",
        org=org,
        record=org,
        title=_("%s in other languages") % org.name,
        back="directory:editor_dashboard",
    )


@require_role(*EDITORS)
@require_POST
def confirm_accurate(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    service = _service_for_edit(request, service_id)
    services.confirm_accurate(service=service, user=request.user)
    messages.success(request, _("Thank you: %s is marked as checked today.") % service.name)
    return redirect("directory:editor_dashboard")


@require_role(*EDITORS)
def history(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    service = _service_for_edit(request, service_id)
    records = ChangeRecord.objects.filter(object_id=service.id).order_by("-at")[:200]
    return render(
        request, "directory/editor/history.html", {"service": service, "records": records}
    )


@require_role(Role.COMMUNITY_EDITOR)
def claim(request: HttpRequest, organisation_id: uuid.UUID) -> HttpResponse:
    from linkwork.core.models import Organisation

    org = get_object_or_404(Organization, id=organisation_id)
    accounts = Organisation.objects.filter(
        id__in=acting_user(request).organisation_ids("community")
    )
    form = ClaimForm(request.POST or None, accounts=[(str(a.id), a.name) for a in accounts])
    if request.method == "POST" and form.is_valid():
        account = accounts.get(id=int(form.cleaned_data["account"]))
        services.request_claim(
            organization=org, account=account, user=request.user, note=form.cleaned_data["note"]
        )
        messages.success(request, _("Thank you. A moderator will check your claim."))
        return redirect("directory:organisation", organisation_id=org.id)
    return render(request, "directory/editor/claim.html", {"form": form, "org": org})
