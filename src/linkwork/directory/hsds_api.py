"""The HSDS 3.0 API (/api/hsds/), as the standard's OpenAPI describes it.

Lists answer in the standard's paging envelope; every document is built by the HSDS
exporter in a fixed number of queries per page. `search` goes through the search contract
(search_backend), so the search app's engine answers here too. Extra parameters: `postcode`
and `proximity` (metres from the postcode's centre).
"""

from __future__ import annotations

import json
import math
import uuid
from datetime import datetime
from typing import Any

from django.db.models import Model, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import HttpError

from linkwork.api import install_problem_handlers
from linkwork.directory.hsds import exporter
from linkwork.directory.models import (
    Attribute,
    Organization,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)

hsds_api = NinjaAPI(
    title="Linkwork HSDS 3.0 API", version="3.0", urls_namespace="api-hsds", docs_url="/docs"
)
install_problem_handlers(hsds_api)

MAX_PER_PAGE = 200
PROFILE = "https://openreferral.org/specification/3.0"


def _json(data: Any, status: int = 200) -> HttpResponse:
    return HttpResponse(
        json.dumps(data, ensure_ascii=False), status=status, content_type="application/json"
    )


def _page_args(page: int, per_page: int) -> tuple[int, int]:
    if page < 1:
        raise HttpError(400, _("page must be 1 or more."))
    if per_page < 1 or per_page > MAX_PER_PAGE:
        raise HttpError(400, _("per_page must be between 1 and %d.") % MAX_PER_PAGE)
    return page, per_page


def envelope(contents: list[dict], total: int, page: int, per_page: int) -> dict[str, Any]:
    pages = max(1, math.ceil(total / per_page)) if total else 1
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= pages,
        "empty": total == 0,
        "contents": contents,
    }


def _format(format: str | None) -> None:
    if format not in (None, "", "json"):
        raise HttpError(400, _("Only format=json is offered."))


def _uuid(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise Http404 from None


def _paged(qs: QuerySet, page: int, per_page: int) -> tuple[list[Model], int]:
    total = qs.count()
    start = (page - 1) * per_page
    return list(qs[start : start + per_page]), total


def _paged_ids(
    model: type[Model], ids: list[uuid.UUID], page: int, per_page: int
) -> tuple[list[Model], int]:
    """One page of records from an already ranked list of ids, in that order."""
    chosen = ids[(page - 1) * per_page : page * per_page]
    by_id = {r.pk: r for r in model.objects.filter(pk__in=chosen)}
    return [by_id[i] for i in chosen if i in by_id], len(ids)


def _services_filtered(
    taxonomy_term_id: uuid.UUID | None,
    taxonomy_id: uuid.UUID | None,
    organization_id: uuid.UUID | None,
) -> QuerySet:
    """Services passing the HSDS taxonomy and organisation filters (shared by the lists)."""
    services = Service.objects.filter(_term_filter(taxonomy_term_id, taxonomy_id))
    if organization_id:
        services = services.filter(organization_id=organization_id)
    return services


def _term_filter(taxonomy_term_id: uuid.UUID | None, taxonomy_id: uuid.UUID | None) -> Q:
    cond = Q()
    if taxonomy_term_id:
        tagged = Attribute.objects.filter(taxonomy_term_id=taxonomy_term_id).values("link_id")
        cond &= Q(categories__id=taxonomy_term_id) | Q(id__in=tagged)
    if taxonomy_id:
        tagged = Attribute.objects.filter(taxonomy_term__taxonomy_ref_id=taxonomy_id).values(
            "link_id"
        )
        cond &= Q(categories__taxonomy_ref_id=taxonomy_id) | Q(id__in=tagged)
    return cond


def _place(postcode: str | None, proximity: int | None) -> tuple[str, float, float] | None:
    from linkwork.directory.selectors import place_for_postcode
    from linkwork.places.postcodes import InvalidPostcode, normalise_postcode

    if not postcode:
        if proximity is not None:
            raise HttpError(400, _("proximity needs a postcode."))
        return None
    if proximity is not None and proximity <= 0:
        raise HttpError(400, _("proximity must be a positive number of metres."))
    try:
        code = normalise_postcode(postcode)
    except InvalidPostcode as exc:
        raise HttpError(400, str(exc)) from None
    place = place_for_postcode(code)
    if place is None:
        raise HttpError(400, _("We do not know the postcode %s.") % code)
    return code, place.latitude, place.longitude


@hsds_api.get("/", summary="About this API", tags=["meta"])
def api_info(request: HttpRequest) -> HttpResponse:
    return _json(
        {
            "version": "3.0",
            "profile": PROFILE,
            "openapi_url": request.build_absolute_uri("/api/hsds/openapi.json"),
        }
    )


@hsds_api.get("/services", summary="Paginated list of services", tags=["services"])
def list_services(
    request: HttpRequest,
    search: str = "",
    page: int = 1,
    per_page: int = 50,
    format: str | None = None,
    taxonomy_term_id: uuid.UUID | None = None,
    taxonomy_id: uuid.UUID | None = None,
    organization_id: uuid.UUID | None = None,
    modified_after: datetime | None = None,
    minimal: bool = False,
    full: bool = False,
    postcode: str | None = None,
    proximity: int | None = None,
) -> HttpResponse:
    from linkwork.directory.search_backend import SearchParams
    from linkwork.directory.search_backend import search as run_search

    page, per_page = _page_args(page, per_page)
    _format(format)
    place = _place(postcode, proximity)
    qs = _services_filtered(taxonomy_term_id, taxonomy_id, organization_id)
    if modified_after:
        qs = qs.filter(last_modified__gte=modified_after)
    qs = qs.distinct()
    if search.strip() or place:
        # Rank with the search engine, then keep the services the HSDS filters allow.
        params = SearchParams(
            q=search.strip(),
            postcode=place[0] if place else "",
            latitude=place[1] if place else None,
            longitude=place[2] if place else None,
            distance_km=(proximity / 1000) if (place and proximity) else None,
            organisation_id=organization_id,
            include_inactive=True,
            page=1,
            per_page=10_000,
        )
        ranked = [h.service_id for h in run_search(params).hits]
        allowed = set(qs.filter(id__in=ranked).values_list("id", flat=True))
        ids = [sid for sid in ranked if sid in allowed]
        services, total = _paged_ids(Service, ids, page, per_page)
    else:
        services, total = _paged(qs.order_by("name", "id"), page, per_page)
    if minimal:
        contents = [{"id": str(s.id), "name": s.name, "status": s.status} for s in services]
    else:
        shape = exporter.SERVICE_FULL if full else exporter.SERVICE_BRIEF
        contents = exporter.build("service", services, shape, attributes=full)
    return _json(envelope(contents, total, page, per_page))


@hsds_api.get("/services/{id}", summary="A fully nested service", tags=["services"])
def get_service(request: HttpRequest, id: str) -> HttpResponse:
    service = Service.objects.filter(id=_uuid(id)).first()
    if service is None:
        raise Http404
    (doc,) = exporter.build("service", [service], exporter.SERVICE_FULL)
    return _json(doc)


@hsds_api.get("/organizations", summary="Paginated list of organisations", tags=["organizations"])
def list_organizations(
    request: HttpRequest,
    search: str = "",
    full_service: bool = False,
    full: bool = False,
    page: int = 1,
    per_page: int = 50,
    format: str | None = None,
) -> HttpResponse:
    page, per_page = _page_args(page, per_page)
    _format(format)
    qs = Organization.objects.order_by("name", "id")
    if search.strip():
        qs = qs.filter(Q(name__icontains=search.strip()) | Q(description__icontains=search.strip()))
    orgs, total = _paged(qs, page, per_page)
    if full_service:
        shape: exporter.Shape = exporter.ORGANIZATION_WITH_SERVICES
    elif full:
        shape = exporter.ORGANIZATION_FULL
    else:
        shape = {}
    contents = exporter.build("organization", orgs, shape, attributes=bool(shape))
    return _json(envelope(contents, total, page, per_page))


@hsds_api.get("/organizations/{id}", summary="A fully nested organisation", tags=["organizations"])
def get_organization(request: HttpRequest, id: str, full_service: bool = False) -> HttpResponse:
    org = Organization.objects.filter(id=_uuid(id)).first()
    if org is None:
        raise Http404
    shape = (
        exporter.ORGANIZATION_WITH_SERVICES
        if full_service
        else exporter.ORGANIZATION_WITH_SERVICE_IDS
    )
    (doc,) = exporter.build("organization", [org], shape)
    return _json(doc)


@hsds_api.get("/taxonomies", summary="Paginated list of taxonomies", tags=["taxonomies"])
def list_taxonomies(
    request: HttpRequest,
    search: str = "",
    page: int = 1,
    per_page: int = 50,
    format: str | None = None,
) -> HttpResponse:
    page, per_page = _page_args(page, per_page)
    _format(format)
    qs = Taxonomy.objects.order_by("name", "id")
    if search.strip():
        qs = qs.filter(name__icontains=search.strip())
    items, total = _paged(qs, page, per_page)
    contents = exporter.build("taxonomy", items, {})
    return _json(envelope(contents, total, page, per_page))


@hsds_api.get("/taxonomies/{id}", summary="A taxonomy", tags=["taxonomies"])
def get_taxonomy(request: HttpRequest, id: str) -> HttpResponse:
    item = Taxonomy.objects.filter(id=_uuid(id)).first()
    if item is None:
        raise Http404
    return _json(exporter.build("taxonomy", [item], {})[0])


@hsds_api.get("/taxonomy_terms", summary="Paginated list of taxonomy terms", tags=["taxonomies"])
def list_taxonomy_terms(
    request: HttpRequest,
    search: str = "",
    page: int = 1,
    per_page: int = 50,
    format: str | None = None,
    taxonomy_id: uuid.UUID | None = None,
    top_only: bool = False,
    parent_id: uuid.UUID | None = None,
) -> HttpResponse:
    page, per_page = _page_args(page, per_page)
    _format(format)
    qs = TaxonomyTerm.objects.order_by("taxonomy", "position", "name", "id")
    if search.strip():
        qs = qs.filter(Q(name__icontains=search.strip()) | Q(code__icontains=search.strip()))
    if taxonomy_id:
        qs = qs.filter(taxonomy_ref_id=taxonomy_id)
    if parent_id:
        qs = qs.filter(parent_id=parent_id)
    if top_only:
        qs = qs.filter(parent__isnull=True)
    items, total = _paged(qs, page, per_page)
    contents = exporter.build("taxonomy_term", items, exporter.TERM_FULL)
    return _json(envelope(contents, total, page, per_page))


@hsds_api.get("/taxonomy_terms/{id}", summary="A taxonomy term", tags=["taxonomies"])
def get_taxonomy_term(request: HttpRequest, id: str) -> HttpResponse:
    item = TaxonomyTerm.objects.filter(id=_uuid(id)).first()
    if item is None:
        raise Http404
    return _json(exporter.build("taxonomy_term", [item], exporter.TERM_FULL)[0])


@hsds_api.get(
    "/service_at_locations",
    summary="Paginated list of services at locations",
    tags=["service_at_locations"],
)
def list_service_at_locations(
    request: HttpRequest,
    search: str = "",
    taxonomy_term_id: uuid.UUID | None = None,
    taxonomy_id: uuid.UUID | None = None,
    organization_id: uuid.UUID | None = None,
    modified_after: datetime | None = None,
    full: bool = False,
    page: int = 1,
    per_page: int = 50,
    format: str | None = None,
    postcode: str | None = None,
    proximity: int | None = None,
) -> HttpResponse:
    from linkwork.places.geo import bounding_box, distance_m

    page, per_page = _page_args(page, per_page)
    _format(format)
    place = _place(postcode, proximity)
    services = _services_filtered(taxonomy_term_id, taxonomy_id, organization_id)
    if search.strip():
        from linkwork.directory.selectors import text_q

        services = services.filter(text_q(search.strip()))
    qs = ServiceAtLocation.objects.all()
    if taxonomy_term_id or taxonomy_id or organization_id or search.strip():
        qs = qs.filter(service_id__in=services.values("id"))
    if modified_after:
        qs = qs.filter(last_modified__gte=modified_after)
    qs = qs.order_by("service__name", "id")
    if place:
        km = (proximity or 10_000) / 1000
        box = bounding_box(place[1], place[2], km)
        rows = qs.filter(
            location__latitude__range=(box.min_lat, box.max_lat),
            location__longitude__range=(box.min_lon, box.max_lon),
        ).values_list("id", "location__latitude", "location__longitude")
        distances = ((distance_m(place[1], place[2], lat, lon), sid) for sid, lat, lon in rows)
        near = sorted((d, sid) for d, sid in distances if d <= km * 1000)
        items, total = _paged_ids(ServiceAtLocation, [sid for _, sid in near], page, per_page)
    else:
        items, total = _paged(qs, page, per_page)
    shape = exporter.SAT_FULL if full else exporter.SAT_BRIEF
    contents = exporter.build("service_at_location", items, shape, attributes=full)
    return _json(envelope(contents, total, page, per_page))


@hsds_api.get(
    "/service_at_locations/{id}",
    summary="A fully nested service at a location",
    tags=["service_at_locations"],
)
def get_service_at_location(request: HttpRequest, id: str) -> HttpResponse:
    item = ServiceAtLocation.objects.filter(id=_uuid(id)).first()
    if item is None:
        raise Http404
    return _json(exporter.build("service_at_location", [item], exporter.SAT_FULL)[0])
