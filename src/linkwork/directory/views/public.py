"""Public pages: search, a service, an organisation, and reporting a problem. No login."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from linkwork.directory import presentation, selectors
from linkwork.directory.forms import ProblemReportForm, SearchForm
from linkwork.directory.models import Organization, ProblemReport, Service
from linkwork.directory.search_backend import search

PER_PAGE = 20


def results_for(hits: list) -> list[dict]:  # type: ignore[type-arg]
    """Services for search hits, in rank order, with what a result card shows."""
    ids = [h.service_id for h in hits]
    found = {s.id: s for s in selectors.listing_prefetch(Service.objects.filter(id__in=ids))}
    places = selectors.place_texts(ids)
    out = []
    for hit in hits:
        service = found.get(hit.service_id)
        if service is None:
            continue
        out.append(
            {
                "service": service,
                "distance": presentation.distance_text(hit.distance_m),
                # fetched by listing_prefetch (Prefetch to_attr), which its QuerySet[Service]
                # return type cannot carry for django-stubs
                "categories": service.our_categories,  # type: ignore[attr-defined]
                "place": places.get(service.id, ""),
                "why": hit.why,
            }
        )
    return out


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, min(int(request.GET.get("page", "1")), 500))
    except ValueError:
        return 1


def search_page(request: HttpRequest) -> HttpResponse:
    """Find services: free text, category, postcode and distance, filters; list and map."""
    searched = bool(request.GET)
    form = SearchForm(request.GET or None)
    results: list[dict] = []
    page = None
    if searched and form.is_valid():
        number = _page_number(request)
        page = search(form.search_params(page=number, per_page=PER_PAGE))
        results = results_for(page.hits)
    query = request.GET.copy()
    query.pop("page", None)
    points = [
        {
            "name": r["service"].name,
            "url": f"/services/{r['service'].id}/",
            "lat": r["service"].latitude,
            "lon": r["service"].longitude,
        }
        for r in results
        if r["service"].latitude is not None
    ]
    pages = None
    if page is not None and page.total > PER_PAGE:
        last = (page.total + PER_PAGE - 1) // PER_PAGE
        pages = {
            "number": page.page,
            "last": last,
            "previous": page.page - 1 if page.page > 1 else None,
            "next": page.page + 1 if page.page < last else None,
        }
    return render(
        request,
        "directory/search.html",
        {
            "form": form,
            "searched": searched,
            "results": results,
            "page": page,
            "pages": pages,
            "query": query.urlencode(),
            "map_points": points,
            "map_tiles": {
                "url": settings.MAP_TILE_URL,
                "attribution": settings.MAP_TILE_ATTRIBUTION,
            },
            "my_list": set(request.session.get("my_list", [])),
        },
    )


def service_detail(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    try:
        service = selectors.service_page(service_id)
    except Service.DoesNotExist:
        raise Http404 from None
    places = []
    for sat in service.service_at_locations.all():
        loc = sat.location
        if loc is None:
            continue
        places.append(
            {
                "location": loc,
                "addresses": list(loc.addresses.all()),
                "accessibility": list(loc.accessibility.all()),
                "times": [
                    presentation.schedule_text(s)
                    for s in [*sat.schedules.all(), *loc.schedules.all()]
                ],
            }
        )
    return render(
        request,
        "directory/service.html",
        {
            "service": service,
            "places": places,
            "times": [
                t for t in (presentation.schedule_text(s) for s in service.schedules.all()) if t
            ],
            "cost": presentation.cost_text(service),
            "stale": presentation.is_stale(service),
            "checked": presentation.checked_text(service),
            "in_list": str(service.id) in request.session.get("my_list", []),
        },
    )


def organisation_detail(request: HttpRequest, organisation_id: uuid.UUID) -> HttpResponse:
    org = (
        Organization.objects.filter(id=organisation_id)
        .prefetch_related("phones", "locations__addresses", "translations")
        .first()
    )
    if org is None:
        raise Http404
    services = selectors.listing_prefetch(selectors.services().filter(organization=org))
    return render(request, "directory/organisation.html", {"org": org, "services": services})


@require_http_methods(["GET", "POST"])
def report_problem(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    """ "Report a problem with this information": reaches the editors' queue."""
    service = Service.objects.filter(id=service_id).select_related("organization").first()
    if service is None:
        raise Http404
    form = ProblemReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ProblemReport.objects.create(
            service=service,
            organization=service.organization,
            what=form.cleaned_data["what"],
            message=form.cleaned_data["message"],
        )
        messages.success(
            request,
            _(
                "Thank you. We have passed your report to the people who keep this "
                "information up to date."
            ),
        )
        return redirect("directory:service", service_id=service.id)
    return render(request, "directory/report_problem.html", {"form": form, "service": service})
