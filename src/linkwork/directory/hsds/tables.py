"""How each HSDS object maps to our tables: columns, foreign keys and nested relations.

One description serves import (flatten nested documents into rows) and export (nest rows
back), so the two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pydantic import BaseModel

from linkwork.directory import models as m
from linkwork.directory.hsds import schemas as s


@dataclass(frozen=True)
class Nested:
    """A property holding other objects. `link` says how they are joined:
    "child": the nested object's `fk` points at the parent (phones of a service);
    "ref": the parent's `fk` points at the nested object (a service's organization);
    "attribute"/"metadata": HSDS's generic link_id/resource_id."""

    kind: str
    many: bool
    link: str
    fk: str = ""


@dataclass(frozen=True)
class Table:
    kind: str
    model: type[m.HsdsModel]
    schema: type[BaseModel]
    csv: str
    fks: dict[str, str]  # HSDS property -> model attribute name
    nested: dict[str, Nested] = field(default_factory=dict)

    @property
    def columns(self) -> tuple[str, ...]:
        return _columns(self.kind)


def _common(**nested: Nested) -> dict[str, Nested]:
    return {
        **nested,
        "attributes": Nested("attribute", True, "attribute"),
        "metadata": Nested("metadata", True, "metadata"),
    }


def _child(kind: str, fk: str) -> Nested:
    return Nested(kind, True, "child", fk)


TABLES: dict[str, Table] = {
    t.kind: t
    for t in [
        Table("metadata", m.Metadata, s.Metadata, "metadata.csv", {}, {}),
        Table(
            "taxonomy",
            m.Taxonomy,
            s.Taxonomy,
            "taxonomies.csv",
            {},
            {"metadata": Nested("metadata", True, "metadata")},
        ),
        Table(
            "taxonomy_term",
            m.TaxonomyTerm,
            s.TaxonomyTerm,
            "taxonomy_terms.csv",
            {"parent_id": "parent_id", "taxonomy_id": "taxonomy_ref_id"},
            {
                "taxonomy_detail": Nested("taxonomy", False, "ref", "taxonomy_ref_id"),
                "metadata": Nested("metadata", True, "metadata"),
            },
        ),
        Table(
            "attribute",
            m.Attribute,
            s.Attribute,
            "attributes.csv",
            {"taxonomy_term_id": "taxonomy_term_id"},
            {
                "taxonomy_term": Nested("taxonomy_term", False, "ref", "taxonomy_term_id"),
                "metadata": Nested("metadata", True, "metadata"),
            },
        ),
        Table(
            "language",
            m.Language,
            s.Language,
            "languages.csv",
            {"service_id": "service_id", "location_id": "location_id", "phone_id": "phone_id"},
            _common(),
        ),
        Table(
            "phone",
            m.Phone,
            s.Phone,
            "phones.csv",
            {
                "location_id": "location_id",
                "service_id": "service_id",
                "organization_id": "organization_id",
                "contact_id": "contact_id",
                "service_at_location_id": "service_at_location_id",
            },
            _common(languages=_child("language", "phone_id")),
        ),
        Table(
            "contact",
            m.Contact,
            s.Contact,
            "contacts.csv",
            {
                "organization_id": "organization_id",
                "service_id": "service_id",
                "service_at_location_id": "service_at_location_id",
                "location_id": "location_id",
            },
            _common(phones=_child("phone", "contact_id")),
        ),
        Table(
            "schedule",
            m.Schedule,
            s.Schedule,
            "schedules.csv",
            {
                "service_id": "service_id",
                "location_id": "location_id",
                "service_at_location_id": "service_at_location_id",
            },
            _common(),
        ),
        Table(
            "service_area",
            m.ServiceArea,
            s.ServiceArea,
            "service_areas.csv",
            {"service_id": "service_id"},
            _common(),
        ),
        Table(
            "address",
            m.Address,
            s.Address,
            "addresses.csv",
            {"location_id": "location_id"},
            _common(),
        ),
        Table(
            "accessibility",
            m.Accessibility,
            s.Accessibility,
            "accessibility.csv",
            {"location_id": "location_id"},
            _common(),
        ),
        Table(
            "location",
            m.Location,
            s.Location,
            "locations.csv",
            {"organization_id": "organization_id"},
            _common(
                languages=_child("language", "location_id"),
                addresses=_child("address", "location_id"),
                contacts=_child("contact", "location_id"),
                accessibility=_child("accessibility", "location_id"),
                phones=_child("phone", "location_id"),
                schedules=_child("schedule", "location_id"),
            ),
        ),
        Table(
            "cost_option",
            m.CostOption,
            s.CostOption,
            "cost_options.csv",
            {"service_id": "service_id"},
            _common(),
        ),
        Table(
            "funding",
            m.Funding,
            s.Funding,
            "funding.csv",
            {"organization_id": "organization_id", "service_id": "service_id"},
            _common(),
        ),
        Table(
            "required_document",
            m.RequiredDocument,
            s.RequiredDocument,
            "required_documents.csv",
            {"service_id": "service_id"},
            _common(),
        ),
        Table(
            "program",
            m.Program,
            s.Program,
            "programs.csv",
            {"organization_id": "organization_id"},
            _common(),
        ),
        Table(
            "organization_identifier",
            m.OrganizationIdentifier,
            s.OrganizationIdentifier,
            "organization_identifiers.csv",
            {"organization_id": "organization_id"},
            _common(),
        ),
        Table(
            "organization",
            m.Organization,
            s.OrganizationWithServices,
            "organizations.csv",
            {"parent_organization_id": "parent_organization_id"},
            _common(
                funding=_child("funding", "organization_id"),
                contacts=_child("contact", "organization_id"),
                phones=_child("phone", "organization_id"),
                locations=_child("location", "organization_id"),
                programs=_child("program", "organization_id"),
                organization_identifiers=_child("organization_identifier", "organization_id"),
                services=_child("service", "organization_id"),
            ),
        ),
        Table(
            "service_at_location",
            m.ServiceAtLocation,
            s.ServiceAtLocationFull,
            "service_at_location.csv",
            {"service_id": "service_id", "location_id": "location_id"},
            _common(
                contacts=_child("contact", "service_at_location_id"),
                phones=_child("phone", "service_at_location_id"),
                schedules=_child("schedule", "service_at_location_id"),
                location=Nested("location", False, "ref", "location_id"),
                service=Nested("service", False, "ref", "service_id"),
            ),
        ),
        Table(
            "service",
            m.Service,
            s.Service,
            "services.csv",
            {"organization_id": "organization_id", "program_id": "program_id"},
            _common(
                phones=_child("phone", "service_id"),
                schedules=_child("schedule", "service_id"),
                service_areas=_child("service_area", "service_id"),
                service_at_locations=_child("service_at_location", "service_id"),
                languages=_child("language", "service_id"),
                organization=Nested("organization", False, "ref", "organization_id"),
                funding=_child("funding", "service_id"),
                cost_options=_child("cost_option", "service_id"),
                program=Nested("program", False, "ref", "program_id"),
                required_documents=_child("required_document", "service_id"),
                contacts=_child("contact", "service_id"),
            ),
        ),
    ]
}

#: Our own fields carried in an HSDS document under this property (kept by other tools).
EXTENSION = "linkwork"
#: Properties we keep outside `extra` although they are not plain columns.
SPECIAL = {"service": {"last_modified"}}
#: Which model a foreign-key attribute points at.
FK_TARGET = {
    "organization_id": "organization",
    "parent_organization_id": "organization",
    "program_id": "program",
    "service_id": "service",
    "location_id": "location",
    "contact_id": "contact",
    "service_at_location_id": "service_at_location",
    "phone_id": "phone",
    "parent_id": "taxonomy_term",
    "taxonomy_ref_id": "taxonomy",
    "taxonomy_term_id": "taxonomy_term",
}
#: Write order (parents first, for databases that check keys at once).
ORDER = [
    "taxonomy",
    "taxonomy_term",
    "organization",
    "program",
    "organization_identifier",
    "location",
    "address",
    "accessibility",
    "service",
    "service_at_location",
    "contact",
    "phone",
    "language",
    "schedule",
    "service_area",
    "cost_option",
    "funding",
    "required_document",
    "attribute",
    "metadata",
]
assert set(ORDER) == set(TABLES)


@cache
def _columns(kind: str) -> tuple[str, ...]:
    table = TABLES[kind]
    fields = s.__dict__[table.schema.__name__].model_fields
    skip = {"id", *table.fks, *table.nested, *SPECIAL.get(kind, ())}
    if kind == "attribute":
        skip.add("link_id")
    if kind == "metadata":
        skip.add("resource_id")
    return tuple(
        name for name in fields if name not in skip and name not in ("services", "service")
    )


def known_properties(kind: str) -> set[str]:
    table = TABLES[kind]
    extra = {"link_id"} if kind == "attribute" else {"resource_id"} if kind == "metadata" else set()
    return {"id", *table.columns, *table.fks, *table.nested, *SPECIAL.get(kind, ()), *extra}


def number_columns(kind: str) -> set[str]:
    from pydantic import StrictFloat  # noqa: F401 - types below are unions of Strict*

    table = TABLES[kind]
    out = set()
    for name, info in table.schema.model_fields.items():
        if name in table.columns and "float" in repr(info.annotation).lower():
            out.add(name)
    return out


def blank(value: Any) -> bool:
    return value is None or value == ""
