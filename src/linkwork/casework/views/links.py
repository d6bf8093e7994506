"""Links to services from a case, and the community organisation's portal."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from linkwork.casework import services
from linkwork.casework.forms import LinkForm, PortalResponseForm, ServiceQueryForm
from linkwork.casework.matching import suggest_services
from linkwork.casework.models import ServiceLink
from linkwork.casework.paged_lists import PortalFilter, portal_list
from linkwork.casework.queues import is_stalled, portal_links
from linkwork.casework.services.links import SHARED_FIELDS
from linkwork.casework.views.access import no_store
from linkwork.casework.views.common import add_errors, case_for, record_list_view, record_view
from linkwork.casework.views.portal_context import portal_context
from linkwork.core import audit
from linkwork.core.permissions import acting_user, require_action
from linkwork.directory.models import Service
from linkwork.governance import agreements
from linkwork.governance.models import SharingPurpose

S = ServiceLink.Status


@require_action("casework.find_services")
@require_http_methods(["GET", "POST"])
def find_services(request: HttpRequest, pk: int) -> HttpResponse:
    """Search the directory from the case (what-matters text by default) and record a link.
    The what-matters text is special-category free text: it travels in POST bodies only,
    never in the URL (so never in an access log)."""
    case = case_for(request.user, pk, "casework.find_services")
    latest = case.what_matters.order_by("-held_on", "-id").first()
    searching = request.method == "POST" and request.POST.get("action") == "search"
    text = request.POST.get("text", "") if searching else (latest.text if latest else "")
    query_form = ServiceQueryForm(initial={"text": text}, data=request.POST if searching else None)
    link_form = LinkForm(request.POST if request.method == "POST" and not searching else None)
    if request.method == "GET":
        record_view(case, request.user, via="form")
    if request.method == "POST" and not searching and link_form.is_valid():
        d = link_form.cleaned_data
        service = Service.objects.select_related("organization").filter(pk=d["service_id"]).first()
        if service is None:
            raise Http404
        try:
            services.create_link(
                case=case,
                service_obj=service,
                kind=d["kind"],
                actor=acting_user(request),
                note_to_organisation=d["note_to_organisation"],
            )
        except ValidationError as exc:
            add_errors(link_form, exc)
        else:
            messages.success(request, _("Link recorded."))
            return redirect("casework:case_detail", pk=case.pk)
    suggestions = []
    if text.strip():
        age = case.person.age_on(__import__("datetime").date.today())
        tried = case.links.values_list("service_id", flat=True)
        suggestions = suggest_services(
            text=text, postcode=case.person.postcode, age=age, exclude_ids=list(tried)
        )
        audit.record(
            audit.Action.VIEW,
            "directory.service",
            actor=acting_user(request),
            detail={"query_kind": "what_matters", "related_id": case.pk},
        )
    return render(
        request,
        "casework/find_services.html",
        {
            "case": case,
            "person": case.person,
            "query_form": query_form,
            "link_form": link_form,
            "suggestions": suggestions,
            "text": text,
            "kinds": ServiceLink.Kind.choices,
            "back_url": reverse("casework:case_detail", args=[case.pk]),
        },
        status=422 if link_form.errors else 200,
    )


@require_action("casework.update_link_status")
@require_http_methods(["POST"])
def link_update(request: HttpRequest, pk: int, link_id: int) -> HttpResponse:
    case = case_for(request.user, pk, "casework.update_link_status")
    link = ServiceLink.objects.filter(pk=link_id, case=case).first()
    if link is None:
        raise Http404
    try:
        services.update_link_status(
            link=link,
            to_status=request.POST.get("to_status", ""),
            actor=acting_user(request),
            as_organisation=False,
            reason=request.POST.get("reason", ""),
        )
    except (ValidationError, ValueError) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    else:
        messages.success(request, _("Link updated."))
    return redirect("casework:case_detail", pk=case.pk)


@require_action("casework.view_portal")
def portal(request: HttpRequest) -> HttpResponse:
    """The organisation's referrals, one group at a time, paged (see paged_lists)."""
    choice = PortalFilter.from_query(request.GET)
    listing = portal_list(request.user, choice)
    links = list(listing.page.object_list)
    record_list_view(ServiceLink, [li.pk for li in links], request.user, via="portal")
    for link in links:
        setattr(link, "stalled", is_stalled(link))  # noqa: B010 (display-only attribute)
    return no_store(render(request, "casework/portal.html", portal_context(listing, choice)))


#: Lazy: module-level words are translated when shown, in the reader's language.
_PORTAL_CHOICES: dict[str, list[tuple[str, Any]]] = {
    S.SENT: [
        (S.ACCEPTED, gettext_lazy("Yes, we can take them")),
        (S.DECLINED, gettext_lazy("No, we cannot take them")),
    ],
    S.ACCEPTED: [
        (S.ATTENDING, gettext_lazy("They came to their first session")),
        (S.STOPPED, gettext_lazy("They did not come")),
    ],
    S.ATTENDING: [
        (S.ATTENDING, gettext_lazy("They still come")),
        (S.STOPPED, gettext_lazy("They have stopped coming")),
    ],
}


@require_action("casework.respond_to_link")
@require_http_methods(["GET", "POST"])
def portal_link(request: HttpRequest, link_id: int) -> HttpResponse:
    link = portal_links(request.user).filter(pk=link_id).first()
    if link is None:
        raise Http404
    person = link.case.person
    shared = agreements.may_share_with(
        link.receiving_organisation_id, person, SharingPurpose.REFERRAL, case=link.case
    )
    choices = _PORTAL_CHOICES.get(link.status, [])
    form = (
        PortalResponseForm(
            request.POST or None,
            choices=choices,
            status=link.status,
            initial={"version": link.version},
        )
        if choices
        else None
    )
    if request.method == "POST" and form is not None and form.is_valid():
        d = form.cleaned_data
        try:
            services.update_link_status(
                link=link,
                to_status=d["to_status"],
                actor=acting_user(request),
                as_organisation=True,
                reason=d["reason"],
                first_attended_on=d["first_attended_on"],
                expected_version=d["version"],
            )
        except services.EditConflict as exc:
            form.add_error(None, str(exc))
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Thank you: the link worker can see your update."))
            return redirect("casework:portal")
    if shared:
        audit.record(
            audit.Action.VIEW,
            person,
            actor=acting_user(request),
            detail={"via": "portal", "related_id": link.pk},
        )
    return render(
        request,
        "casework/portal_link.html",
        {
            "link": link,
            "person": person if shared else None,
            "shared_fields": SHARED_FIELDS,
            "form": form,
            "stalled": is_stalled(link),
        },
        status=422 if form is not None and form.errors else 200,
    )
