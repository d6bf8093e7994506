"""The HSDS 3.0 API (/api/hsds/), as the standard's OpenAPI describes it.

Lists answer in the standard's paging envelope (or, with `format=ndjson`, one document per
line without paging); every document is built by the HSDS exporter in a fixed number of
queries per page. `search` is full-text search through the search contract
(search_backend, lexical mode), so the search app's engine answers on `/services` and
`/service_at_locations` alike and a search matching no service returns none. The UK
profile's filters (`minimum_age`, `maximum_age`, `day`, `start_time`, `end_time`) are
honoured. Default documents are plain HSDS, valid for strict validators; Linkwork's own
fields come under the `linkwork` property only with `extensions=true`.
"""

from __future__ import annotations

import json
import math
import re
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from django.db.models import Model, Q, QuerySet
from django.db.models.functions import Left
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext as _
from ninja.errors import HttpError

from linkwork.api import install_problem_handlers
from linkwork.directory.hsds import exporter, translated
from linkwork.directory.hsds.openapi import HsdsNinjaAPI, documented
from linkwork.directory.models import (
    Attribute,
    Organization,
    Schedule,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)

hsds_api = HsdsNinjaAPI(
    title="Linkwork HSDS 3.0 API", version="3.0", urls_namespace="api-hsds", docs_url="/docs"
)
install_problem_handlers(hsds_api)

MAX_PER_PAGE = 200
#: `minimal=true` answers with ids and dates only; the standard asks for all in one call.
MAX_MINIMAL_PER_PAGE = 10_000
NDJSON_BATCH = 200
DAYS = {
    "MO": "MO", "MONDAY": "MO", "TU": "TU", "TUESDAY": "TU", "WE": "WE", "WEDNESDAY": "WE",
    "TH": "TH", "THURSDAY": "TH", "FR": "FR", "FRIDAY": "FR", "SA": "SA", "SATURDAY": "SA",
    "SU": "SU", "SUNDAY": "SU",
}  # fmt: skip
TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)?$")
PROFILE = "https://openreferral.org/specification/3.0"


def _json(data: Any, status: int = 200) -> HttpResponse:
    return HttpResponse(
        json.dumps(data, ensure_ascii=False), status=status, content_type="application/json"
    )


def _page_args(page: int, per_page: int, most: int = MAX_PER_PAGE) -> tuple[int, int]:
    if page < 1 or page > 10**9:
        raise HttpError(400, _("page must be a whole number from 1."))
    if per_page < 1 or per_page > most:
        raise HttpError(400, _("per_page must be between 1 and %d.") % most)
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


def _format(format: str | None) -> str:
    """`json` (paged, the default) or `ndjson` (every result, one document a line)."""
    chosen = (format or "json").lower()
    if chosen not in ("json", "ndjson"):
        raise HttpError(400, _("format must be json or ndjson."))
    return chosen


def _ndjson(model: type[Model], ids: list[Any], render: Any) -> StreamingHttpResponse:
    """Stream every result without paging, a batch of documents at a time."""

    def lines() -> Iterator[str]:
        for start in range(0, len(ids), NDJSON_BATCH):
            chosen = ids[start : start + NDJSON_BATCH]
            by_id = {r.pk: r for r in model._default_manager.filter(pk__in=chosen)}
            for doc in render([by_id[i] for i in chosen if i in by_id]):
                yield json.dumps(doc, ensure_ascii=False) + "\n"

    return StreamingHttpResponse(lines(), content_type="application/x-ndjson")


def _listing(
    model: type[Model],
    ids: list[Any],
    render: Any,
    *,
    page: int,
    per_page: int,
    format: str,
) -> HttpResponse | StreamingHttpResponse:
    """One page of the ranked or ordered ids in the envelope, or all of them as ndjson."""
    if format == "ndjson":
        return _ndjson(model, ids, render)
    records, total = _paged_ids(model, ids, page, per_page)
    return _json(envelope(render(records), total, page, per_page))


def _time(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    match = TIME.match(value.strip())
    if not match:
        raise HttpError(400, _("%s must be a time such as 09:30.") % name)
    return f"{match.group(1)}:{match.group(2)}"


def _uk_profile_filter(
    minimum_age: float | None,
    maximum_age: float | None,
    day: str | None,
    start_time: str | None,
    end_time: str | None,
) -> Q:
    """The UK profile's filters: services with a minimum age of at least `minimum_age`, a
    maximum age at or below `maximum_age`, and a schedule on `day` that opens at or after
    `start_time` and closes at or before `end_time` (one schedule meeting all three)."""
    cond = Q()
    for name, value in (("minimum_age", minimum_age), ("maximum_age", maximum_age)):
        if value is not None and not (0 <= value <= 150):
            raise HttpError(400, _("%s must be an age from 0 to 150.") % name)
    if minimum_age is not None:
        cond &= Q(minimum_age__gte=minimum_age)
    if maximum_age is not None:
        cond &= Q(maximum_age__lte=maximum_age)
    opens, closes = _time(start_time, "start_time"), _time(end_time, "end_time")
    code = None
    if day:
        code = DAYS.get(day.strip().upper())
        if code is None:
            raise HttpError(400, _("day must be a day of the week such as MO or Monday."))
    if code or opens or closes:
        schedules = Schedule.objects.annotate(
            opens5=Left("opens_at", 5), closes5=Left("closes_at", 5)
        )
        if code:
            schedules = schedules.filter(byday__icontains=code)
        if opens:
            schedules = schedules.exclude(opens_at="").filter(opens5__gte=opens)
        if closes:
            schedules = schedules.exclude(closes_at="").filter(closes5__lte=closes)
        cond &= (
            Q(id__in=schedules.values("service_id"))
            | Q(service_at_locations__id__in=schedules.values("service_at_location_id"))
            | Q(service_at_locations__location_id__in=schedules.values("location_id"))
        )
    return cond


def _ranked_by_text(
    text: str,
    qs: QuerySet,
    place: tuple[str, float, float] | None = None,
    proximity: int | None = None,
) -> list[uuid.UUID]:
    """Service ids matching the words (full-text search, the search engine's lexical mode),
    best first, among the services `qs` allows."""
    from linkwork.directory.search_backend import SearchParams
    from linkwork.directory.search_backend import search as run_search

    params = SearchParams(
        q=text,
        postcode=place[0] if place else "",
        latitude=place[1] if place else None,
        longitude=place[2] if place else None,
        distance_km=(proximity / 1000) if (place and proximity) else None,
        include_inactive=True,
        page=1,
        per_page=10_000,
        mode="lexical" if text else "hybrid",
    )
    ranked = [h.service_id for h in run_search(params).hits]
    allowed = set(qs.filter(id__in=ranked).values_list("id", flat=True))
    return [sid for sid in ranked if sid in allowed]


def _modified(service: Service) -> str:
    stamp = service.last_modified.astimezone(UTC).isoformat(timespec="milliseconds")
    return stamp.replace("+00:00", "Z")


def _uuid(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise Http404 from None


def _paged_ids(
    model: type[Model], ids: list[uuid.UUID], page: int, per_page: int
) -> tuple[list[Model], int]:
    """One page of records from an already ranked list of ids, in that order."""
    chosen = ids[(page - 1) * per_page : page * per_page]
    by_id = {r.pk: r for r in model._default_manager.filter(pk__in=chosen)}
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


@hsds_api.get("/", summary="About this API", tags=["meta"], openapi_extra=documented("info"))
def api_info(request: HttpRequest) -> HttpResponse:
    return _json(
        {
            "version": "3.0",
            "profile": PROFILE,
            "openapi_url": request.build_absolute_uri("/api/hsds/openapi.json"),
        }
    )


def _service_renderer(minimal: bool, full: bool, extensions: bool) -> Any:
    if minimal:
        return lambda services: [{"id": str(s.id), "modified_date": _modified(s)} for s in services]
    shape = exporter.SERVICE_FULL if full else exporter.SERVICE_BRIEF
    return lambda services: exporter.build(
        "service", services, shape, attributes=full, extension=extensions
    )


@hsds_api.get(
    "/services",
    summary="Paginated list of services",
    tags=["services"],
    openapi_extra=documented("service_list", paged=True),
)
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
    minimum_age: float | None = None,
    maximum_age: float | None = None,
    day: str | None = None,
    start_time: str | None = None,
    end_time: str | None = None,
    extensions: bool = False,
    lang: str | None = None,
) -> HttpResponse | StreamingHttpResponse:
    language = None if minimal else translated.requested_language(lang)
    page, per_page = _page_args(page, per_page, MAX_MINIMAL_PER_PAGE if minimal else MAX_PER_PAGE)
    chosen_format = _format(format)
    place = _place(postcode, proximity)
    qs = _services_filtered(taxonomy_term_id, taxonomy_id, organization_id)
    qs = qs.filter(_uk_profile_filter(minimum_age, maximum_age, day, start_time, end_time))
    if modified_after:
        qs = qs.filter(last_modified__gte=modified_after)
    text = search.strip()
    if text or place:
        ids = _ranked_by_text(text, qs, place, proximity)
    else:
        ids = list(qs.order_by("name", "id").values_list("id", flat=True).distinct())
    listing = _listing(
        Service,
        ids,
        translated.translating(_service_renderer(minimal, full, extensions), "service", language),
        page=page,
        per_page=per_page,
        format=chosen_format,
    )
    return translated.mark(listing, language)


@hsds_api.get(
    "/services/{id}",
    summary="A fully nested service",
    tags=["services"],
    openapi_extra=documented("service"),
)
def get_service(
    request: HttpRequest, id: str, extensions: bool = False, lang: str | None = None
) -> HttpResponse:
    language = translated.requested_language(lang)
    service = Service.objects.filter(id=_uuid(id)).first()
    if service is None:
        raise Http404
    docs = exporter.build("service", [service], exporter.SERVICE_FULL, extension=extensions)
    (doc,) = translated.translate(docs, "service", language)
    return translated.mark(_json(doc), language)


@hsds_api.get(
    "/organizations",
    summary="Paginated list of organisations",
    tags=["organizations"],
    openapi_extra=documented("organization_list", paged=True),
)
def list_organizations(
    request: HttpRequest,
    search: str = "",
    full_service: bool = False,
    full: bool = False,
    page: int = 1,
    per_page: int = 50,
    format: str | None = None,
    extensions: bool = False,
    lang: str | None = None,
) -> HttpResponse | StreamingHttpResponse:
    language = translated.requested_language(lang)
    page, per_page = _page_args(page, per_page)
    chosen_format = _format(format)
    qs = Organization.objects.order_by("name", "id")
    if search.strip():
        qs = qs.filter(Q(name__icontains=search.strip()) | Q(description__icontains=search.strip()))
    if full_service:
        shape: exporter.Shape = exporter.ORGANIZATION_WITH_SERVICES
    elif full:
        shape = exporter.ORGANIZATION_FULL
    else:
        shape = {}
    ids = list(qs.values_list("id", flat=True))
    listing = _listing(
        Organization,
        ids,
        translated.translating(
            lambda orgs: exporter.build(
                "organization", orgs, shape, attributes=bool(shape), extension=extensions
            ),
            "organization",
            language,
        ),
        page=page,
        per_page=per_page,
        format=chosen_format,
    )
    return translated.mark(listing, language)


@hsds_api.get(
    "/organizations/{id}",
    summary="A fully nested organisation",
    tags=["organizations"],
    openapi_extra=documented("organization"),
)
def get_organization(
    request: HttpRequest,
    id: str,
    full_service: bool = False,
    extensions: bool = False,
    lang: str | None = None,
) -> HttpResponse:
    language = translated.requested_language(lang)
    org = Organization.objects.filter(id=_uuid(id)).first()
    if org is None:
        raise Http404
    shape = (
        exporter.ORGANIZATION_WITH_SERVICES
        if full_service
        else exporter.ORGANIZATION_WITH_SERVICE_IDS
    )
    docs = exporter.build("organization", [org], shape, extension=extensions)
    (doc,) = translated.translate(docs, "organization", language)
    return translated.mark(_json(doc), language)


@hsds_api.get(
    "/taxonomies",
    summary="Paginated list of taxonomies",
    tags=["taxonomies"],
    openapi_extra=documented("taxonomy", paged=True),
)
def list_taxonomies(
    request: HttpRequest,
    search: str = "",
    page: int = 1,
    per_page: int = 50,
    format: str | None = None,
) -> HttpResponse | StreamingHttpResponse:
    page, per_page = _page_args(page, per_page)
    chosen_format = _format(format)
    qs = Taxonomy.objects.order_by("name", "id")
    if search.strip():
        qs = qs.filter(name__icontains=search.strip())
    return _listing(
        Taxonomy,
        list(qs.values_list("id", flat=True)),
        lambda items: exporter.build("taxonomy", items, {}, extension=False),
        page=page,
        per_page=per_page,
        format=chosen_format,
    )


@hsds_api.get(
    "/taxonomies/{id}",
    summary="A taxonomy",
    tags=["taxonomies"],
    openapi_extra=documented("taxonomy"),
)
def get_taxonomy(request: HttpRequest, id: str) -> HttpResponse:
    item = Taxonomy.objects.filter(id=_uuid(id)).first()
    if item is None:
        raise Http404
    return _json(exporter.build("taxonomy", [item], {}, extension=False)[0])


@hsds_api.get(
    "/taxonomy_terms",
    summary="Paginated list of taxonomy terms",
    tags=["taxonomies"],
    openapi_extra=documented("taxonomy_term", paged=True),
)
def list_taxonomy_terms(
    request: HttpRequest,
    search: str = "",
    page: int = 1,
    per_page: int = 50,
    format: str | None = None,
    taxonomy_id: uuid.UUID | None = None,
    top_only: bool = False,
    parent_id: uuid.UUID | None = None,
    extensions: bool = False,
) -> HttpResponse | StreamingHttpResponse:
    page, per_page = _page_args(page, per_page)
    chosen_format = _format(format)
    qs = TaxonomyTerm.objects.order_by("taxonomy", "position", "name", "id")
    if search.strip():
        qs = qs.filter(Q(name__icontains=search.strip()) | Q(code__icontains=search.strip()))
    if taxonomy_id:
        qs = qs.filter(taxonomy_ref_id=taxonomy_id)
    if parent_id:
        qs = qs.filter(parent_id=parent_id)
    if top_only:
        qs = qs.filter(parent__isnull=True)
    return _listing(
        TaxonomyTerm,
        list(qs.values_list("id", flat=True)),
        lambda items: exporter.build(
            "taxonomy_term", items, exporter.TERM_FULL, extension=extensions
        ),
        page=page,
        per_page=per_page,
        format=chosen_format,
    )


@hsds_api.get(
    "/taxonomy_terms/{id}",
    summary="A taxonomy term",
    tags=["taxonomies"],
    openapi_extra=documented("taxonomy_term"),
)
def get_taxonomy_term(request: HttpRequest, id: str, extensions: bool = False) -> HttpResponse:
    item = TaxonomyTerm.objects.filter(id=_uuid(id)).first()
    if item is None:
        raise Http404
    return _json(
        exporter.build("taxonomy_term", [item], exporter.TERM_FULL, extension=extensions)[0]
    )


@hsds_api.get(
    "/service_at_locations",
    summary="Paginated list of services at locations",
    tags=["service_at_locations"],
    openapi_extra=documented("service_at_location_list", paged=True),
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
    minimum_age: float | None = None,
    maximum_age: float | None = None,
    day: str | None = None,
    start_time: str | None = None,
    end_time: str | None = None,
    extensions: bool = False,
) -> HttpResponse | StreamingHttpResponse:
    from linkwork.places.geo import bounding_box, distance_m

    page, per_page = _page_args(page, per_page)
    chosen_format = _format(format)
    place = _place(postcode, proximity)
    services = _services_filtered(taxonomy_term_id, taxonomy_id, organization_id)
    uk_filter = _uk_profile_filter(minimum_age, maximum_age, day, start_time, end_time)
    qs = ServiceAtLocation.objects.all()
    text = search.strip()
    rank: dict[uuid.UUID, int] = {}
    if text:
        ranked = _ranked_by_text(text, services.filter(uk_filter))
        rank = {sid: i for i, sid in enumerate(ranked)}
        qs = qs.filter(service_id__in=ranked)
    elif taxonomy_term_id or taxonomy_id or organization_id or uk_filter:
        qs = qs.filter(service_id__in=services.filter(uk_filter).values("id"))
    if modified_after:
        qs = qs.filter(last_modified__gte=modified_after)
    qs = qs.order_by("service__name", "id")
    if place:
        km = (proximity or 10_000) / 1000
        box = bounding_box(place[1], place[2], km)
        rows = qs.filter(
            location__latitude__range=(box.min_lat, box.max_lat),
            location__longitude__range=(box.min_lon, box.max_lon),
        ).values_list("id", "service_id", "location__latitude", "location__longitude")
        near = [
            (rank.get(service_id, 0), distance_m(place[1], place[2], lat, lon), sid)
            for sid, service_id, lat, lon in rows
            if lat is not None and lon is not None  # always: filtered on a range
        ]
        ids = [sid for _, d, sid in sorted(near) if d <= km * 1000]
    elif rank:
        pairs = qs.values_list("id", "service_id")
        ids = [sid for sid, service_id in sorted(pairs, key=lambda r: rank[r[1]])]
    else:
        ids = list(qs.values_list("id", flat=True))
    shape = exporter.SAT_FULL if full else exporter.SAT_BRIEF
    return _listing(
        ServiceAtLocation,
        ids,
        lambda items: exporter.build(
            "service_at_location", items, shape, attributes=full, extension=extensions
        ),
        page=page,
        per_page=per_page,
        format=chosen_format,
    )


@hsds_api.get(
    "/service_at_locations/{id}",
    summary="A fully nested service at a location",
    tags=["service_at_locations"],
    openapi_extra=documented("service_at_location"),
)
def get_service_at_location(
    request: HttpRequest, id: str, extensions: bool = False
) -> HttpResponse:
    item = ServiceAtLocation.objects.filter(id=_uuid(id)).first()
    if item is None:
        raise Http404
    return _json(
        exporter.build("service_at_location", [item], exporter.SAT_FULL, extension=extensions)[0]
    )
