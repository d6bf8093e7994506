"""My list: services collected while searching (in the session), to print, download or share.

A shared list is an unguessable, expiring link holding service ids only: no names, no notes.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from linkwork.directory import presentation, selectors
from linkwork.directory.models import Service, SharedList

SESSION_KEY = "my_list"
MAX_ITEMS = 50
SHARE_DAYS = 30


def _ids(request: HttpRequest) -> list[str]:
    return list(request.session.get(SESSION_KEY, []))


def _services(ids: list[str]) -> list[dict]:
    qs = selectors.service_page_many([uuid.UUID(i) for i in ids])
    by_id = {str(s.id): s for s in qs}
    out = []
    for i in ids:
        s = by_id.get(i)
        if s is None:
            continue
        places = [sat.location for sat in s.service_at_locations.all() if sat.location]
        out.append(
            {
                "service": s,
                "times": [
                    t for t in (presentation.schedule_text(x) for x in s.schedules.all()) if t
                ],
                "address": next((a.one_line() for p in places for a in p.addresses.all()), ""),
                "phone": next((p.number for p in s.phones.all()), ""),
                "cost": presentation.cost_text(s),
            }
        )
    return out


def _back(request: HttpRequest, fallback: str) -> HttpResponse:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        return redirect(target)
    return redirect(fallback)


@require_POST
def add(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    service = get_object_or_404(Service, id=service_id)
    ids = _ids(request)
    if str(service.id) not in ids:
        if len(ids) >= MAX_ITEMS:
            messages.error(request, _("Your list is full (%d services).") % MAX_ITEMS)
        else:
            ids.append(str(service.id))
            request.session[SESSION_KEY] = ids
            messages.success(request, _("Added %s to your list.") % service.name)
    return _back(request, "directory:my_list")


@require_POST
def remove(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    ids = [i for i in _ids(request) if i != str(service_id)]
    request.session[SESSION_KEY] = ids
    messages.success(request, _("Removed from your list."))
    return _back(request, "directory:my_list")


def my_list(request: HttpRequest) -> HttpResponse:
    return render(request, "directory/my_list.html", {"items": _services(_ids(request))})


def print_view(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "directory/my_list_print.html",
        {"items": _services(_ids(request)), "today": timezone.localdate()},
    )


def pdf(request: HttpRequest) -> HttpResponse:
    from weasyprint import HTML

    html = render_to_string(
        "directory/my_list_print.html",
        {"items": _services(_ids(request)), "today": timezone.localdate(), "pdf": True},
        request=request,
    )
    document = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="services.pdf"'
    return response


@require_POST
def share(request: HttpRequest) -> HttpResponse:
    ids = _ids(request)
    if not ids:
        messages.error(request, _("Add some services to your list first."))
        return redirect("directory:my_list")
    shared = SharedList.objects.create(
        service_ids=ids, expires_at=timezone.now() + timedelta(days=SHARE_DAYS)
    )
    request.session["my_list_shared"] = shared.token
    return redirect("directory:my_list_shared_done")


def share_done(request: HttpRequest) -> HttpResponse:
    token = request.session.get("my_list_shared")
    if not token:
        return redirect("directory:my_list")
    url = request.build_absolute_uri(f"/my-list/shared/{token}/")
    return render(request, "directory/my_list_shared_done.html", {"url": url, "days": SHARE_DAYS})


def shared(request: HttpRequest, token: str) -> HttpResponse:
    item = SharedList.objects.filter(token=token).first()
    if item is None or item.expires_at < timezone.now():
        return render(request, "directory/my_list_expired.html", status=410 if item else 404)
    return render(
        request,
        "directory/my_list_print.html",
        {"items": _services(item.service_ids), "today": timezone.localdate(), "shared": True},
    )
