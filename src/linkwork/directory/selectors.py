"""Reading the directory: the filters every search engine shares, and records for pages.

Each `filter_*` takes a Service queryset and returns a narrower one, so an engine (the
simple one here, or the search app's) composes exactly the filters a person chose.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from linkwork.directory.models import (
    Accessibility,
    Language,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    TaxonomyTerm,
)
from linkwork.directory.taxonomy import default_taxonomy_data

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # ISO weekday 1..7
REMOTE_MODES = ("phone", "online")


@dataclass(frozen=True)
class Place:
    """Where someone is: a postcode's centre and the areas (GSS codes) that hold it.

    `approximate` names the sector or district whose centre stands in for a postcode the
    places data does not list ("DD1 4"); empty when the postcode itself is known."""

    postcode: str
    latitude: float
    longitude: float
    area_codes: tuple[str, ...]
    approximate: str = ""


def place_for_postcode(postcode: str) -> Place | None:
    """The place of a normalised postcode; for one the places data does not list, the centre
    of its sector or district (decision 0015); None when nothing near it is known."""
    from linkwork.directory.approximate_place import approximate_point, areas_holding
    from linkwork.places.models import Postcode

    row = (
        Postcode.objects.filter(postcode=postcode)
        .values("latitude", "longitude", "council_area_id", "hscp_id", "health_board_id")
        .first()
    )
    if row and row["latitude"] is not None and row["longitude"] is not None:
        ids = (row["council_area_id"], row["hscp_id"], row["health_board_id"])
        return Place(postcode, row["latitude"], row["longitude"], tuple(c for c in ids if c))
    near = approximate_point(postcode)
    if near is None:
        return None
    part, lat, lon = near
    return Place(postcode, lat, lon, areas_holding(lat, lon), approximate=part)


def place_notes(postcode: str, place: Place | None) -> list[str]:
    """What a search tells the person about their postcode: unknown, or only placed near."""
    if postcode and place is None:
        return [_("We could not find that postcode, so results are not sorted by distance.")]
    if place is not None and place.approximate:
        return [
            _("We do not know the postcode %(postcode)s exactly: showing what is near %(near)s.")
            % {"postcode": place.postcode, "near": place.approximate}
        ]
    return []


def services(*, include_inactive: bool = False) -> QuerySet[Service]:
    qs = Service.objects.all()
    if not include_inactive:
        qs = qs.filter(status=Service.Status.ACTIVE)
    return qs


def category_codes_for_text(q: str) -> set[str]:
    """Our category codes whose name or synonyms appear in the text ("lonely" -> befriending)."""
    words = f" {' '.join(q.lower().split())} "
    codes = set()
    for term in default_taxonomy_data()["terms"]:
        for w in [term["name"], *term["synonyms"]]:
            if f" {w.lower()} " in words:
                codes.add(term["code"])
    return codes


def text_q(q: str) -> Q:
    """Services whose name, summary, description or category names hold every word of q,
    or that are in a category the text names (by name or synonym)."""
    cond = Q()
    for word in q.split()[:10]:
        cond &= (
            Q(name__icontains=word)
            | Q(summary__icontains=word)
            | Q(description__icontains=word)
            | Q(categories__name__icontains=word)
        )
    codes = category_codes_for_text(q)
    if codes:
        cond |= Q(categories__code__in=codes, categories__taxonomy_ref__is_default=True)
    return cond


def filter_text(qs: QuerySet[Service], q: str) -> QuerySet[Service]:
    if not q.strip():
        return qs
    matching = Service.objects.filter(text_q(q)).values("id")
    return qs.filter(id__in=matching)


def filter_categories(qs: QuerySet[Service], codes: Iterable[str]) -> QuerySet[Service]:
    """Services in any of our categories (codes of the default taxonomy)."""
    codes = list(codes)
    if not codes:
        return qs
    terms = TaxonomyTerm.objects.filter(code__in=codes, taxonomy_ref__is_default=True)
    through = Service.categories.through.objects.filter(
        service_id=OuterRef("pk"), taxonomyterm_id__in=terms.values("id")
    )
    return qs.filter(Exists(through))


def delivery_q(modes: Iterable[str]) -> Q:
    cond = Q()
    for mode in modes:
        if mode in Service.DELIVERY_MODES:
            cond |= Q(**{f"delivery_{mode}": True})
    return cond


def reached_from_anywhere(
    *, phone: bool, online: bool, latitude: float | None, longitude: float | None
) -> bool:
    """Whether a service is in reach wherever the person is (its service areas permitting):
    by phone or online and with no place of its own. A service with a place people go to is
    reached by distance (or its stated areas), even if it also answers the phone: a food bank
    taking referrals by phone, or a carers centre with a phone line, serves its own town
    (decision 0006)."""
    return (phone or online) and (latitude is None or longitude is None)


def remote_q() -> Q:
    """`reached_from_anywhere` as a filter."""
    return delivery_q(REMOTE_MODES) & (Q(latitude=None) | Q(longitude=None))


def filter_delivery_modes(qs: QuerySet[Service], modes: Iterable[str]) -> QuerySet[Service]:
    modes = [m for m in modes if m in Service.DELIVERY_MODES]
    return qs.filter(delivery_q(modes)) if modes else qs


def filter_free(qs: QuerySet[Service], free_only: bool) -> QuerySet[Service]:
    return qs.filter(is_free=True) if free_only else qs


def filter_open_on(qs: QuerySet[Service], weekday: int | None) -> QuerySet[Service]:
    """Services with a weekly opening on the ISO weekday (at the service or any location)."""
    if not weekday:
        return qs
    code = WEEKDAY_CODES[weekday - 1]
    day = Q(byday__icontains=code)
    direct = Schedule.objects.filter(day, service_id=OuterRef("pk"))
    at_location = Schedule.objects.filter(day, service_at_location__service_id=OuterRef("pk"))
    return qs.filter(Exists(direct) | Exists(at_location))


def filter_accessibility(qs: QuerySet[Service], codes: Iterable[str]) -> QuerySet[Service]:
    """Services at a location that has every one of the accessibility features."""
    for code in codes:
        feature = Accessibility.objects.filter(code=code).values("location_id")
        sat = ServiceAtLocation.objects.filter(service_id=OuterRef("pk"), location_id__in=feature)
        qs = qs.filter(Exists(sat))
    return qs


def filter_languages(qs: QuerySet[Service], codes: Iterable[str]) -> QuerySet[Service]:
    codes = [c.lower() for c in codes]
    if not codes:
        return qs
    langs = Language.objects.filter(service_id=OuterRef("pk"), code__in=codes)
    return qs.filter(Exists(langs))


def filter_age(qs: QuerySet[Service], age: int | None) -> QuerySet[Service]:
    if age is None:
        return qs
    return qs.filter(Q(minimum_age__isnull=True) | Q(minimum_age__lte=age)).filter(
        Q(maximum_age__isnull=True) | Q(maximum_age__gte=age)
    )


def filter_organisation(
    qs: QuerySet[Service], organization_id: uuid.UUID | None
) -> QuerySet[Service]:
    return qs.filter(organization_id=organization_id) if organization_id else qs


def area_q(codes: Iterable[str]) -> Q:
    """Services whose service area is one of the areas, or the whole of Scotland."""
    codes = [*codes, ServiceArea.SCOTLAND_CODE]
    areas = ServiceArea.objects.filter(
        Q(gss_code__in=codes) | Q(kind=ServiceArea.Kind.SCOTLAND)
    ).values("service_id")
    return Q(id__in=areas)


def filter_areas(qs: QuerySet[Service], codes: Iterable[str]) -> QuerySet[Service]:
    """Restrict to services for these areas: located in them or serving them (or Scotland)."""
    codes = list(codes)
    if not codes:
        return qs
    from linkwork.places.models import Postcode

    located = Postcode.objects.filter(
        Q(council_area_id__in=codes) | Q(hscp_id__in=codes) | Q(health_board_id__in=codes)
    ).values("postcode")
    return qs.filter(area_q(codes) | Q(postcode__in=located))


def near_q(place: Place, km: float) -> Q:
    """A place prefilter: in the bounding box, delivered remotely, or serving the place's area.

    Exact distance is checked afterwards in Python (see simple_search.within_distance)."""
    from linkwork.places.geo import bounding_box

    box = bounding_box(place.latitude, place.longitude, km)
    return (
        Q(latitude__range=(box.min_lat, box.max_lat), longitude__range=(box.min_lon, box.max_lon))
        | remote_q()
        | area_q(place.area_codes)
    )


def listing_prefetch(qs: QuerySet[Service]) -> QuerySet[Service]:
    """What a result card shows, fetched in a fixed number of queries."""
    return qs.select_related("organization").prefetch_related(
        "languages",
        "translations",
        Prefetch(
            "categories",
            queryset=TaxonomyTerm.objects.filter(taxonomy_ref__is_default=True),
            to_attr="our_categories",
        ),
    )


def service_page(service_id: uuid.UUID) -> Service:
    """A service with everything its public page shows (raises Service.DoesNotExist)."""
    return (
        Service.objects.select_related("organization", "program")
        .prefetch_related(
            "phones",
            "contacts",
            "languages",
            "translations",
            "organization__translations",
            "cost_options",
            "schedules",
            "service_areas",
            "required_documents",
            Prefetch(
                "categories",
                queryset=TaxonomyTerm.objects.filter(taxonomy_ref__is_default=True),
                to_attr="our_categories",
            ),
            Prefetch(
                "service_at_locations",
                queryset=ServiceAtLocation.objects.select_related("location").prefetch_related(
                    "schedules",
                    "phones",
                    "location__addresses",
                    "location__accessibility",
                    "location__schedules",
                ),
            ),
        )
        .get(id=service_id)
    )


def service_page_many(service_ids: list[uuid.UUID]) -> QuerySet[Service]:
    """Several services with what a printed list shows, in a fixed number of queries."""
    return (
        Service.objects.filter(id__in=service_ids)
        .select_related("organization")
        .prefetch_related(
            "phones",
            "translations",
            "schedules",
            "cost_options",
            Prefetch(
                "service_at_locations",
                queryset=ServiceAtLocation.objects.select_related("location").prefetch_related(
                    "location__addresses"
                ),
            ),
        )
    )


def place_texts(service_ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Where each service is, in a few words ("Perth, PH1 5PH"), so results with the same name
    can be told apart: the town of its first address, else the council area it serves. Two
    queries however many services."""
    from linkwork.directory.models import Address, ServiceArea

    places: dict[uuid.UUID, str] = {}
    for row in (
        Address.objects.filter(location__service_at_locations__service_id__in=service_ids)
        .order_by("location__service_at_locations__service_id", "id")
        .values(
            "location__service_at_locations__service_id", "city", "state_province", "postal_code"
        )
    ):
        sid = row["location__service_at_locations__service_id"]
        town = (row["city"] or row["state_province"] or "").strip()
        if sid in places or not town:
            continue
        code = (row["postal_code"] or "").strip().upper()
        places[sid] = f"{town}, {code}" if code else town
    missing = [sid for sid in service_ids if sid not in places]
    if missing:
        for area in ServiceArea.objects.filter(service_id__in=missing).order_by("service_id", "id"):
            if area.service_id is not None and area.service_id not in places and area.name:
                places[area.service_id] = area.name
    return places
