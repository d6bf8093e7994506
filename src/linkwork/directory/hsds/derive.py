"""Fields we work out from HSDS data after an import or edit: categories, point, cost."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable

from django.utils import timezone

from linkwork.directory.models import (
    Address,
    Attribute,
    CostOption,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)
from linkwork.directory.taxonomy import ALISS_TAXONOMY_ID, aliss_category_for, guess_category


def _chunks(items: list[uuid.UUID], size: int = 500) -> list[list[uuid.UUID]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def map_terms(term_ids: list[uuid.UUID]) -> list[str]:
    """Point foreign terms at our categories where their code or name says which; return the
    names of terms left unmapped."""
    ours = {
        t.code: t.id
        for t in TaxonomyTerm.objects.filter(taxonomy_ref__is_default=True).only("id", "code")
    }
    unmapped: list[str] = []
    for chunk in _chunks(term_ids):
        for term in TaxonomyTerm.objects.filter(id__in=chunk).select_related("taxonomy_ref"):
            if (term.taxonomy_ref and term.taxonomy_ref.is_default) or term.maps_to_id:
                continue
            if term.taxonomy_ref_id == ALISS_TAXONOMY_ID:
                code = aliss_category_for(term.code)
            else:
                code = guess_category(code=term.code, name=term.name)
            if code and code in ours:
                term.maps_to_id = ours[code]
                term.save(update_fields=["maps_to"])
            else:
                unmapped.append(term.name)
    return unmapped


def refresh_categories(service_ids: list[uuid.UUID]) -> None:
    """A service's categories are the terms its attributes carry, mapped to ours."""
    through = Service.categories.through
    default_ids = set(
        TaxonomyTerm.objects.filter(taxonomy_ref__is_default=True).values_list("id", flat=True)
    )
    for chunk in _chunks(service_ids):
        pairs: set[tuple[uuid.UUID, uuid.UUID]] = set()
        rows = Attribute.objects.filter(link_id__in=chunk, taxonomy_term__isnull=False).values_list(
            "link_id", "taxonomy_term_id", "taxonomy_term__maps_to_id"
        )
        for service_id, term_id, maps_to in rows:
            if service_id is None:  # cannot happen: filtered on link_id above
                continue
            if term_id in default_ids:
                pairs.add((service_id, term_id))
            elif maps_to:
                pairs.add((service_id, maps_to))
        through.objects.filter(service_id__in=chunk).delete()
        through.objects.bulk_create(
            [through(service_id=s, taxonomyterm_id=t) for s, t in sorted(pairs)], batch_size=500
        )


def postcode_centres(codes: Iterable[str]) -> dict[str, tuple[float, float]]:
    """The centre of each known postcode (normalised codes; unknown ones are left out)."""
    from linkwork.places.models import Postcode

    wanted = set(codes) - {""}
    if not wanted:
        return {}
    rows = Postcode.objects.filter(postcode__in=wanted).values_list(
        "postcode", "latitude", "longitude"
    )
    return {code: (lat, lon) for code, lat, lon in rows if lat is not None and lon is not None}


def refresh_points(service_ids: list[uuid.UUID]) -> None:
    """Copy each service's first location's point and postcode onto the service."""
    from linkwork.directory.hsds.interpret import NOT_PUBLIC
    from linkwork.places.postcodes import InvalidPostcode, normalise_postcode

    now = timezone.now()

    for chunk in _chunks(service_ids):
        first: dict[uuid.UUID, tuple] = {}
        sats = (
            ServiceAtLocation.objects.filter(
                service_id__in=chunk, location__location_type__in=("physical", "")
            )
            .exclude(location__description__iregex=NOT_PUBLIC.pattern)
            .exclude(location__name__iregex=NOT_PUBLIC.pattern)
            .order_by("service_id", "position", "id")
            .values_list("service_id", "location_id", "location__latitude", "location__longitude")
        )
        for service_id, location_id, lat, lon in sats:
            first.setdefault(service_id, (location_id, lat, lon))
        postcodes: dict[uuid.UUID, str] = {}
        addresses = (
            Address.objects.filter(location_id__in=[v[0] for v in first.values()])
            .order_by("location_id", "position", "id")
            .values_list("location_id", "postal_code")
        )
        for location_id, code in addresses:
            if location_id not in postcodes:
                try:
                    postcodes[location_id] = normalise_postcode(code)
                except InvalidPostcode:
                    postcodes[location_id] = ""
        # Feeds often give an address and no coordinates: the postcode's centre places it.
        centres = postcode_centres(
            postcodes.get(v[0], "") for v in first.values() if v[1] is None or v[2] is None
        )
        for service_id, (location_id, lat, lon) in list(first.items()):
            if lat is None or lon is None:
                centre = centres.get(postcodes.get(location_id, ""))
                if centre is not None:
                    first[service_id] = (location_id, *centre)
        services = list(
            Service.objects.filter(id__in=chunk).only("id", "latitude", "longitude", "postcode")
        )
        changed = []
        for s in services:
            loc = first.get(s.id)
            new = (loc[1], loc[2], postcodes.get(loc[0], "")) if loc else (None, None, "")
            if (s.latitude, s.longitude, s.postcode) != new:
                s.latitude, s.longitude, s.postcode = new
                s.last_modified = now  # a changed record: search re-indexes it (its place)
                changed.append(s)
        Service.objects.bulk_update(
            changed, ["latitude", "longitude", "postcode", "last_modified"], batch_size=500
        )


def refresh_free(service_ids: list[uuid.UUID]) -> None:
    """Free of charge when a cost option is free (amount 0 or "free"); unknown without one."""
    verdict: dict[uuid.UUID, bool] = {}
    options = CostOption.objects.filter(service_id__in=service_ids).values_list(
        "service_id", "amount", "option"
    )
    seen: dict[uuid.UUID, list[bool]] = defaultdict(list)
    for service_id, amount, option in options:
        seen[service_id].append(amount == 0 or "free" in (option or "").lower())
    for service_id, frees in seen.items():
        verdict[service_id] = any(frees)
    for value in (True, False):
        ids = [s for s, v in verdict.items() if v is value]
        for chunk in _chunks(ids):
            Service.objects.filter(id__in=chunk).exclude(is_free=value).update(
                is_free=value, last_modified=timezone.now()
            )


def derive_after_import(
    *, service_ids: list[uuid.UUID], term_ids: list[uuid.UUID], free_given: set[uuid.UUID]
) -> list[str]:
    unmapped = map_terms(term_ids)
    refresh_categories(service_ids)
    refresh_points(service_ids)
    refresh_free([s for s in service_ids if s not in free_given])
    return unmapped


def derived_service_fields(collector) -> tuple[dict[uuid.UUID, dict], list[uuid.UUID]]:  # type: ignore[no-untyped-def]
    """Point, postcode and cost of each imported service, worked out from the import itself.

    Returns the fields per service and the services whose first location is not in the
    import (their point is read from the database after writing)."""
    from linkwork.directory.hsds.interpret import location_is_public
    from linkwork.places.postcodes import InvalidPostcode, normalise_postcode

    rows = collector.rows
    first_sat: dict[uuid.UUID, tuple[tuple[int, str], uuid.UUID | None]] = {}
    for sat in rows["service_at_location"].values():
        sid = sat.values.get("service_id")
        if sid is None:
            continue
        here = rows["location"].get(sat.values.get("location_id"))
        if here is not None and not location_is_public(here.values, here.extra):
            continue  # a head office or a postal address is not where the service happens
        key = (sat.position, str(sat.id))
        if sid not in first_sat or key < first_sat[sid][0]:
            first_sat[sid] = (key, sat.values.get("location_id"))
    first_address: dict[uuid.UUID, tuple] = {}
    for addr in rows["address"].values():
        lid = addr.values.get("location_id")
        key = (addr.position, str(addr.id))
        if lid is not None and (lid not in first_address or key < first_address[lid][0]):
            first_address[lid] = (key, addr.values.get("postal_code", ""))
    costs: dict[uuid.UUID, list[bool]] = defaultdict(list)
    for cost in rows["cost_option"].values():
        sid = cost.values.get("service_id")
        if sid is not None:
            option = cost.values.get("option") or ""
            costs[sid].append(cost.values.get("amount") == 0 or "free" in str(option).lower())
    out: dict[uuid.UUID, dict] = {}
    later: list[uuid.UUID] = []
    for sid, row in rows["service"].items():
        fields: dict = {"latitude": None, "longitude": None, "postcode": ""}
        if sid in first_sat:
            location_id = first_sat[sid][1]
            location = rows["location"].get(location_id) if location_id else None
            if location is None and location_id is not None:
                later.append(sid)
            elif location is not None and location_id is not None:
                fields["latitude"] = location.values.get("latitude")
                fields["longitude"] = location.values.get("longitude")
                code = first_address.get(location_id, (None, ""))[1]
                try:
                    fields["postcode"] = normalise_postcode(code) if code else ""
                except InvalidPostcode:
                    fields["postcode"] = ""
        if "is_free" not in row.ours and sid in costs:
            fields["is_free"] = any(costs[sid])
        out[sid] = fields
    # An address without coordinates is placed at its postcode's centre.
    centres = postcode_centres(f["postcode"] for f in out.values() if f["latitude"] is None)
    for fields in out.values():
        if fields["latitude"] is None and fields["postcode"] in centres:
            fields["latitude"], fields["longitude"] = centres[fields["postcode"]]
    return out, later


def categories_from_rows(collector) -> dict[uuid.UUID, set[uuid.UUID]]:  # type: ignore[no-untyped-def]
    """Our categories of each imported service, from its attributes' terms (mapped)."""
    rows = collector.rows
    ours = {
        t["id"]: t["code"]
        for t in TaxonomyTerm.objects.filter(taxonomy_ref__is_default=True).values("id", "code")
    }
    by_code = {code: tid for tid, code in ours.items()}
    term_ids = {
        a.values.get("taxonomy_term_id")
        for a in rows["attribute"].values()
        if a.values.get("link_id") in rows["service"]
    } - {None}
    maps: dict[uuid.UUID, uuid.UUID | None] = {}
    for tid in term_ids:
        if tid in ours:
            maps[tid] = tid
    unknown = [t for t in term_ids if t not in maps]
    for chunk in _chunks(unknown):
        for tid, maps_to, code, name in TaxonomyTerm.objects.filter(id__in=chunk).values_list(
            "id", "maps_to_id", "code", "name"
        ):
            guessed = guess_category(code=code, name=name)
            maps[tid] = maps_to or by_code.get(guessed or "")
    out: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    for a in rows["attribute"].values():
        sid, tid = a.values.get("link_id"), a.values.get("taxonomy_term_id")
        if sid in rows["service"] and maps.get(tid):
            out[sid].add(maps[tid])  # type: ignore[arg-type]
    return out


def write_categories(
    service_ids: list[uuid.UUID], categories: dict[uuid.UUID, set[uuid.UUID]]
) -> None:
    through = Service.categories.through
    for chunk in _chunks(service_ids):
        through.objects.filter(service_id__in=chunk).delete()
    through.objects.bulk_create(
        [
            through(service_id=s, taxonomyterm_id=t)
            for s in service_ids
            for t in sorted(categories.get(s, ()))
        ],
        batch_size=500,
    )
