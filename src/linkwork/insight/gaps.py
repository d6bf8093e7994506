"""Gaps: for each area where a programme's people live (council area, HSCP or intermediate
zone), deprivation, referral demand by need, and the directory's supply for that need, so that
needs with demand but little or no local support stand out.

Needs are the directory's service categories; a referral reason counts as demand for the
categories in REASON_CATEGORIES. Supply "in the area" is active services with a location whose
postcode lies in it, per 10,000 residents; "within reach" adds services that say they serve the
area (HSDS service areas: the area itself, its health board or all of Scotland) or are
delivered by phone or online."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _

from linkwork.directory.models import Address, Service, ServiceArea, ServiceAtLocation
from linkwork.directory.taxonomy import default_taxonomy_data
from linkwork.insight.aggregates import reason_counts
from linkwork.insight.fact_sources import REASON_CATEGORIES
from linkwork.insight.models import CaseCode
from linkwork.insight.selectors import Rows, kept_rows, path
from linkwork.places.models import HSCP, CouncilArea, DataZone, IntermediateZone, Postcode
from linkwork.places.postcodes import normalise_postcode

LEVELS: dict[str, tuple[Any, str, str]] = {
    "council_area": (CouncilArea, "council_area_id", "council_area_id"),
    "hscp": (HSCP, "hscp_id", "hscp_id"),
    "intermediate_zone": (
        IntermediateZone,
        "intermediate_zone_id",
        "data_zone__intermediate_zone_id",
    ),
}
#: Demand of at least this many referrals with fewer services in the area than this per
#: 10,000 residents is a gap.
GAP_DEMAND = 5
GAP_SUPPLY_PER_10000 = 1.0


@dataclass
class Need:
    category: str
    label: str
    demand: int
    in_area: int
    within_reach: int
    per_10000: float | None

    @property
    def gap(self) -> bool:
        return self.demand >= GAP_DEMAND and (self.per_10000 or 0) < GAP_SUPPLY_PER_10000


@dataclass
class AreaGaps:
    code: str
    name: str
    population: int
    most_deprived_share: float | None
    referrals: int
    per_1000: float | None
    needs: list[Need] = field(default_factory=list)

    @property
    def gaps(self) -> list[Need]:
        return [n for n in self.needs if n.gap]


def category_labels() -> dict[str, str]:
    return {t["code"]: t["name"] for t in default_taxonomy_data().get("terms", [])}


def _service_categories() -> dict[object, set[str]]:
    out: dict[object, set[str]] = defaultdict(set)
    through = Service.categories.through.objects.filter(
        taxonomyterm__code__in=set(category_labels())
    )
    for service_id, code in through.values_list("service_id", "taxonomyterm__code"):
        out[service_id].add(code)
    return out


#: The kept facts' column of each level's area.
KEPT_AREAS = {
    "council_area": "council_area",
    "hscp": "hscp",
    "intermediate_zone": "intermediate_zone",
}


def _kept_demand(facts: Rows, level: str) -> tuple[Counter[str], dict[str, Counter[str]]]:
    """Referrals by area, and by area and need, from the kept facts: each case's area and
    needs were found when the facts were built."""
    column = KEPT_AREAS[level]
    located = facts.exclude(data_zone="").exclude(**{column: ""})  # type: ignore[misc]
    referrals: Counter[str] = Counter(
        dict(located.order_by().values(column).annotate(n=Count("pk")).values_list(column, "n"))
    )
    demand: dict[str, Counter[str]] = defaultdict(Counter)
    rows = (
        CaseCode.objects.filter(case__in=located, kind=CaseCode.NEED)  # type: ignore[misc]
        .order_by()
        .values(f"case__{column}", "code")
        .annotate(n=Count("pk"))
        .values_list(f"case__{column}", "code", "n")
    )
    for area, category, n in rows:
        if area in referrals and category is not None:
            demand[area][category] += n
    return referrals, demand


def _demand(cases: Rows, zone_field: str) -> tuple[Counter[str], dict[str, Counter[str]]]:
    """Referrals by area, and by area and need, counted from the source rows."""
    zone_path = path(cases, "data_zone")
    located_cases = cases.exclude(**{zone_path: ""})
    by_zone = dict(
        located_cases.order_by()
        .values(zone_path)
        .annotate(n=Count("pk"))
        .values_list(zone_path, "n")
    )
    zone_area = dict(
        DataZone.objects.filter(code__in=list(by_zone)).values_list("code", zone_field)
    )
    referrals: Counter[str] = Counter()
    for zone, n in by_zone.items():
        if zone_area.get(zone):
            referrals[zone_area[zone]] += n
    demand: dict[str, Counter[str]] = defaultdict(Counter)
    for area, category, n in reason_counts(
        located_cases,
        group=zone_path,
        codes=path(cases, "reasons"),
        categories=REASON_CATEGORIES,
        group_through=(DataZone, "code", zone_field),
    ):
        if area in referrals and category is not None:
            demand[area][category] += n
    return referrals, demand


def gaps(cases: Rows, level: str) -> list[AreaGaps]:
    model, zone_field, postcode_field = LEVELS[level]
    # Each case's area, by the data zone of its person's postcode: referrals counted per zone
    # by the database, zones looked up once; demand counted per area and need by the database
    # (the zone joined to its area).
    if kept_rows(cases):
        referrals, demand = _kept_demand(cases, level)
        area_codes = set(referrals)
        if not area_codes:
            return []
    else:
        referrals, demand = _demand(cases, zone_field)
        area_codes = set(referrals)
        if not area_codes:
            return []
    zones = DataZone.objects.filter(**{f"{zone_field}__in": area_codes})
    population = dict(
        zones.values(zone_field).annotate(p=Sum("population")).values_list(zone_field, "p")
    )
    deprived = dict(
        zones.filter(simd_quintile=1)
        .values(zone_field)
        .annotate(p=Sum("population"))
        .values_list(zone_field, "p")
    )
    names = dict(model.objects.filter(code__in=area_codes).values_list("code", "name"))
    # health boards above each area, for services that serve a whole board
    boards = dict(zones.values_list(zone_field, "health_board_id").distinct())

    categories = _service_categories()
    active = Service.objects.filter(status=Service.Status.ACTIVE)
    # services located in each area (by the postcode of a location's address)
    located: dict[str, set[object]] = defaultdict(set)
    addresses = Address.objects.filter(
        location__in=ServiceAtLocation.objects.filter(service__in=active).values("location")
    ).values_list("location_id", "postal_code")
    location_postcode = {loc: normalise_postcode(pc) for loc, pc in addresses}
    postcode_area = dict(
        Postcode.objects.filter(postcode__in=set(location_postcode.values())).values_list(
            "postcode", postcode_field
        )
    )
    for service_id, location_id in ServiceAtLocation.objects.filter(service__in=active).values_list(
        "service_id", "location_id"
    ):
        area = postcode_area.get(location_postcode.get(location_id, ""))
        if area and area in area_codes:
            located[area].add(service_id)
    # services that serve an area from elsewhere: the area itself, its board, all of Scotland;
    # or remotely (phone, online), which reach every area
    everywhere = set(active.filter(delivery_phone=True).values_list("id", flat=True)) | set(
        active.filter(delivery_online=True).values_list("id", flat=True)
    )
    serving: dict[str, set[object]] = defaultdict(set)
    for service_id, code in ServiceArea.objects.filter(service__in=active).values_list(
        "service_id", "gss_code"
    ):
        if code == ServiceArea.SCOTLAND_CODE:
            everywhere.add(service_id)
        else:
            serving[code].add(service_id)

    def by_category(services: AbstractSet[object]) -> Counter[str]:
        return Counter(c for s in services for c in categories.get(s, ()))

    # Within reach = everywhere | the board's | the area's own: counted as three disjoint parts
    # so that the big shared sets are counted once, not once per area.
    everywhere_counts = by_category(everywhere)
    board_only = {board: serving[board] - everywhere for board in set(boards.values()) if board}
    board_counts = {board: by_category(services) for board, services in board_only.items()}

    labels = category_labels()
    out = []
    for area in sorted(area_codes, key=lambda a: names.get(a, a)):
        pop = population.get(area) or 0
        result = AreaGaps(
            code=area,
            name=str(names.get(area) or area),
            population=pop,
            most_deprived_share=(deprived.get(area) or 0) / pop if pop else None,
            referrals=referrals[area],
            per_1000=1000 * referrals[area] / pop if pop else None,
        )
        board = boards.get(area)
        own = (located[area] | serving[area]) - everywhere - board_only.get(board, set())
        here_counts = by_category(located[area])
        near_counts = everywhere_counts + board_counts.get(board, Counter()) + by_category(own)
        for code, label in labels.items():
            here = here_counts.get(code, 0)
            need = demand[area].get(code, 0)
            if need == 0 and here == 0:
                continue
            result.needs.append(
                Need(
                    code,
                    label,
                    need,
                    here,
                    near_counts.get(code, 0),
                    10000 * here / pop if pop else None,
                )
            )
        result.needs.sort(key=lambda n: (-n.demand, n.label))
        out.append(result)
    return out


def boundaries(level: str, codes: list[str]) -> dict[str, object] | None:
    """The areas' shipped boundaries as one GeoJSON FeatureCollection (none for intermediate
    zones, which the places pack ships without boundaries)."""
    model = LEVELS[level][0]
    features = [
        {"type": "Feature", "properties": {"code": code}, "geometry": boundary}
        for code, boundary in model.objects.filter(
            code__in=codes, boundary__isnull=False
        ).values_list("code", "boundary")
    ]
    if not features:
        return None
    return {"type": "FeatureCollection", "features": features}


LEVEL_LABELS = {
    "council_area": _("Council area"),
    "hscp": _("Health and social care partnership"),
    "intermediate_zone": _("Intermediate zone"),
}
