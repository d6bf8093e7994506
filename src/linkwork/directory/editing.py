"""What an editor can change on each kind of record, as plain values (JSON-ready), so a
change can wait in the moderation queue and be shown side by side before it is applied."""

from __future__ import annotations

import uuid
from typing import Any

from linkwork.directory.languages import TRANSLATION_LANGUAGES
from linkwork.directory.models import (
    Accessibility,
    Address,
    ChangeRecord,
    Contact,
    ContentTranslation,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)

ORGANIZATION_FIELDS = ("name", "description", "email", "website")
SERVICE_FIELDS = (
    "name",
    "summary",
    "description",
    "url",
    "email",
    "status",
    "access",
    "application_process",
    "eligibility_description",
    "minimum_age",
    "maximum_age",
    "fees_description",
    "is_free",
)
CONTACT_FIELDS = ("phone", "contact_name", "contact_title", "contact_email")
LOCATION_FIELDS = ("name", "address_1", "address_2", "city", "postcode", "transportation")
#: Translations of a record's name and description, one pair of fields per offered language
#: (`name_pl`, `description_zh_hans`, ...), so they go through moderation like any change.
TRANSLATION_TYPES = ("service_translations", "organization_translations")


def translation_key(language: str) -> str:
    """The field suffix for a language tag (`zh-hans` -> `zh_hans`)."""
    return language.replace("-", "_")


def _translation_snapshot(record: Any) -> dict[str, Any]:
    have = {t.language: t for t in record.translations.all()}
    values: dict[str, Any] = {}
    for language in TRANSLATION_LANGUAGES:
        translation = have.get(language)
        values[f"name_{translation_key(language)}"] = translation.name if translation else ""
        values[f"description_{translation_key(language)}"] = (
            translation.description if translation else ""
        )
    return values


def _set_translations(record: Service | Organization, values: dict[str, Any]) -> None:
    """Write each language whose fields changed; a language left empty is removed."""
    owner = {"service": record} if isinstance(record, Service) else {"organization": record}
    for language in TRANSLATION_LANGUAGES:
        key = translation_key(language)
        if f"name_{key}" not in values and f"description_{key}" not in values:
            continue
        current = ContentTranslation.objects.filter(language=language, **owner).first()
        name = values.get(f"name_{key}", current.name if current else "")
        description = values.get(f"description_{key}", current.description if current else "")
        if not (name or description):
            if current is not None:
                current.delete()
            continue
        if current is None:
            current = ContentTranslation(language=language, **owner)
        current.name, current.description = name, description
        current.save()


def snapshot(object_type: str, record: Any) -> dict[str, Any]:
    """The current values an editor sees, in the form a change is written in."""
    if record is None:
        return {}
    if object_type == "organization":
        return {f: getattr(record, f) for f in ORGANIZATION_FIELDS}
    if object_type in TRANSLATION_TYPES:
        return _translation_snapshot(record)
    if object_type in ("service", "new_service"):
        values = {f: getattr(record, f) for f in SERVICE_FIELDS}
        values["delivery_modes"] = record.delivery_modes
        values["categories"] = sorted(
            record.categories.filter(taxonomy_ref__is_default=True).values_list("code", flat=True)
        )
        return values
    if object_type == "service_times":
        return {
            "schedules": [
                {"byday": s.byday, "opens_at": s.opens_at, "closes_at": s.closes_at}
                for s in record.schedules.filter(freq="WEEKLY").order_by("position", "id")
            ]
        }
    if object_type == "service_contacts":
        phone = record.phones.order_by("id").first()
        contact = record.contacts.order_by("id").first()
        return {
            "phone": phone.number if phone else "",
            "contact_name": contact.name if contact else "",
            "contact_title": contact.title if contact else "",
            "contact_email": contact.email if contact else "",
        }
    if object_type == "service_location":
        sat = record.service_at_locations.select_related("location").first()
        loc = sat.location if sat else None
        addr = loc.addresses.first() if loc else None
        return {
            "name": loc.name if loc else "",
            "address_1": addr.address_1 if addr else "",
            "address_2": addr.address_2 if addr else "",
            "city": addr.city if addr else "",
            "postcode": addr.postal_code if addr else "",
            "transportation": loc.transportation if loc else "",
            "accessibility": sorted(
                a.code for a in (loc.accessibility.all() if loc else []) if a.code
            ),
        }
    raise ValueError(object_type)


def _changes(before: dict[str, Any], after: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"field": k, "old": before.get(k), "new": v} for k, v in after.items() if before.get(k) != v
    ]


def _set_service(service: Service, values: dict[str, Any]) -> None:
    for f in SERVICE_FIELDS:
        if f in values:
            setattr(service, f, values[f])
    if "delivery_modes" in values:
        for mode in Service.DELIVERY_MODES:
            setattr(service, f"delivery_{mode}", mode in values["delivery_modes"])
    service.extra.pop("last_modified", None)  # ours changed: the imported stamp no longer holds
    service.save()
    if "categories" in values:
        terms = TaxonomyTerm.objects.filter(
            taxonomy_ref__is_default=True, code__in=values["categories"]
        )
        service.categories.set(terms)


def apply(
    *,
    object_type: str,
    object_id: uuid.UUID | None,
    organization: Organization,
    values: dict[str, Any],
) -> tuple[Organization | Service, list[dict[str, Any]], str]:
    kind = ChangeRecord.Kind.UPDATE
    if object_type == "new_service":
        service = Service(organization=organization, owner=organization.owner)
        _set_service(service, values)
        return service, _changes({}, values), ChangeRecord.Kind.CREATE
    if object_id is None:
        raise ValueError(f"{object_type} needs the id of the record it changes")
    if object_type == "organization":
        record = Organization.objects.get(id=object_id)
        before = snapshot(object_type, record)
        for f in ORGANIZATION_FIELDS:
            if f in values:
                setattr(record, f, values[f])
        record.save()
        return record, _changes(before, {**before, **values}), kind
    if object_type in TRANSLATION_TYPES:
        model: type[Service] | type[Organization] = (
            Service if object_type == "service_translations" else Organization
        )
        translated = model.objects.get(id=object_id)
        before = snapshot(object_type, translated)
        _set_translations(translated, values)
        return translated, _changes(before, {**before, **values}), kind
    service = Service.objects.get(id=object_id)
    before = snapshot(object_type, service)
    if object_type == "service":
        _set_service(service, values)
    elif object_type == "service_times":
        service.schedules.filter(freq="WEEKLY").delete()
        for i, row in enumerate(values.get("schedules", [])):
            Schedule.objects.create(service=service, freq="WEEKLY", position=i, **row)
        service.extra.pop("last_modified", None)
        service.save()
    elif object_type == "service_contacts":
        _set_contacts(service, {**before, **values})
    elif object_type == "service_location":
        _set_location(service, organization, {**before, **values})
    else:
        raise ValueError(object_type)
    return service, _changes(before, {**before, **values}), kind


def _set_contacts(service: Service, values: dict[str, Any]) -> None:
    """The service's first phone number and first named contact (HSDS phone and contact)."""
    phone = service.phones.order_by("id").first()
    if values.get("phone"):
        if phone is None:
            phone = Phone(service=service, type="voice")
        phone.number = values["phone"]
        phone.save()
    elif phone is not None:
        phone.delete()
    contact = service.contacts.order_by("id").first()
    if values.get("contact_name") or values.get("contact_email"):
        if contact is None:
            contact = Contact(service=service)
        contact.name = values.get("contact_name", "")
        contact.title = values.get("contact_title", "")
        contact.email = values.get("contact_email", "")
        contact.save()
    elif contact is not None:
        contact.delete()
    service.extra.pop("last_modified", None)
    service.save()


def _set_location(service: Service, organization: Organization, values: dict[str, Any]) -> None:
    from linkwork.directory.hsds.derive import refresh_points

    sat = service.service_at_locations.select_related("location").first()
    if sat is None or sat.location is None:
        loc = Location.objects.create(location_type="physical", organization=organization)
        ServiceAtLocation.objects.create(service=service, location=loc)
    else:
        loc = sat.location
    loc.name, loc.transportation = values.get("name", ""), values.get("transportation", "")
    from linkwork.places.models import Postcode

    point = Postcode.objects.filter(postcode=values.get("postcode", "")).first()
    if point is not None:
        loc.latitude, loc.longitude = point.latitude, point.longitude
    loc.save()
    addr = loc.addresses.first() or Address(location=loc, country="GB", address_type="physical")
    addr.address_1 = values.get("address_1", "")
    addr.address_2 = values.get("address_2", "")
    addr.city = values.get("city", "")
    addr.postal_code = values.get("postcode", "")
    addr.state_province = addr.state_province or (
        point.council_area.name if point is not None and point.council_area else ""
    )
    addr.save()
    wanted = set(values.get("accessibility", []))
    loc.accessibility.exclude(code__in=wanted).delete()
    have = set(loc.accessibility.values_list("code", flat=True))
    from linkwork.directory.forms import ACCESSIBILITY

    labels = dict(ACCESSIBILITY)
    for code in sorted(wanted - have):
        Accessibility.objects.create(
            location=loc, code=code, description=str(labels.get(code, code))
        )
    service.extra.pop("last_modified", None)
    service.save()
    refresh_points([service.id])
