"""HSDS 3.0 objects as typed schemas, written from the standard (openreferral/specification,
branch 3.0, schema/*.json), used to validate every document we read or write.

The rules are the JSON Schema ones, kept exactly:
- an optional property may be absent, but if present it must have its type (null is not a
  string), so optional fields default to None *without* the default being validated;
- "number" is any JSON number but not a boolean; ids (format uuid) must be UUIDs in the
  8-4-4-4-12 hyphenated form (the one format we assert, because our keys are UUIDs);
- properties the standard does not define are allowed and kept (`extra="allow"`).
- The standard's compiled documents nest objects to a set depth: a list of services nests only
  the organisation and programme's own fields; what a context does not nest is not checked.
  Each context is a subclass below that loosens (types as Any) what it does not nest.
"""

from __future__ import annotations

import uuid as _uuid
from typing import Annotated, Any, Literal, TypeVar, Union, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    GetCoreSchemaHandler,
    StrictBool,
    StrictFloat,
    StrictInt,
)
from pydantic import StrictStr as Str
from pydantic_core import CoreSchema

T = TypeVar("T")


class _MayBeAbsent:
    """Validates `X | None` as X alone: the property may be absent (the attribute is then None,
    and the default is not validated) but null is not an X, as in JSON Schema. Type checkers see
    the honest `X | None`; the validation and its error messages are X's own."""

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        present = tuple(arg for arg in get_args(source) if arg is not type(None))
        return handler.generate_schema(present[0] if len(present) == 1 else Union[present])  # noqa: UP007


# An optional property: `name: Opt[Str] = None`.
Opt = Annotated[T | None, _MayBeAbsent()]


def _check_uuid(value: str) -> str:
    # The same test as JSON Schema's "uuid" format: parses, and hyphens where RFC 4122 puts them.
    try:
        _uuid.UUID(value)
    except ValueError as exc:
        raise ValueError("is not a UUID") from exc
    if not all(len(value) > p and value[p] == "-" for p in (8, 13, 18, 23)):
        raise ValueError("is not a UUID in the 8-4-4-4-12 form")
    return value


def _check_integer(value: int | float) -> int | float:
    if isinstance(value, float) and not value.is_integer():
        raise ValueError("is not an integer")
    return value


Uuid = Annotated[Str, AfterValidator(_check_uuid)]
Number = StrictInt | StrictFloat
Integer = Annotated[StrictInt | StrictFloat, AfterValidator(_check_integer)]
LocationType = Literal["physical", "postal", "virtual"]
ServiceStatus = Literal["active", "inactive", "defunct", "temporarily closed"]
Weekday = Literal["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
Frequency = Literal["WEEKLY", "MONTHLY"]


class HsdsObject(BaseModel):
    model_config = ConfigDict(extra="allow", validate_default=False, populate_by_name=True)

    id: Uuid


class Metadata(HsdsObject):
    resource_id: Opt[Uuid] = None
    resource_type: Opt[Str] = None
    last_action_date: Str
    last_action_type: Str
    field_name: Str
    previous_value: Str
    replacement_value: Str
    updated_by: Str


class WithMetadata(HsdsObject):
    metadata: Opt[list[Metadata]] = None


class Taxonomy(WithMetadata):
    name: Str
    description: Str
    uri: Opt[Str] = None
    version: Opt[Str] = None


class TaxonomyTerm(WithMetadata):
    code: Opt[Str] = None
    name: Str
    description: Str
    parent_id: Opt[Uuid] = None
    taxonomy: Opt[Str] = None
    taxonomy_detail: Opt[Taxonomy] = None
    language: Opt[Str] = None
    taxonomy_id: Opt[Uuid] = None
    term_uri: Opt[Str] = None


class Attribute(WithMetadata):
    link_id: Opt[Uuid] = None
    taxonomy_term_id: Opt[Uuid] = None
    link_type: Opt[Str] = None
    link_entity: Opt[Str] = None
    value: Opt[Str] = None
    taxonomy_term: Opt[TaxonomyTerm] = None


class Described(WithMetadata):
    """An object that may carry attributes (taxonomy terms or values) and metadata."""

    attributes: Opt[list[Attribute]] = None


class Language(Described):
    service_id: Opt[Uuid] = None
    location_id: Opt[Uuid] = None
    phone_id: Opt[Uuid] = None
    name: Opt[Str] = None
    code: Opt[Str] = None
    note: Opt[Str] = None


class Phone(Described):
    location_id: Opt[Uuid] = None
    service_id: Opt[Uuid] = None
    organization_id: Opt[Uuid] = None
    contact_id: Opt[Uuid] = None
    service_at_location_id: Opt[Uuid] = None
    number: Str
    extension: Opt[Number] = None
    type: Opt[Str] = None
    description: Opt[Str] = None
    languages: Opt[list[Language]] = None


class Contact(Described):
    organization_id: Opt[Uuid] = None
    service_id: Opt[Uuid] = None
    service_at_location_id: Opt[Uuid] = None
    location_id: Opt[Uuid] = None
    name: Opt[Str] = None
    title: Opt[Str] = None
    department: Opt[Str] = None
    email: Opt[Str] = None
    phones: Opt[list[Phone]] = None


class Schedule(Described):
    service_id: Opt[Uuid] = None
    location_id: Opt[Uuid] = None
    service_at_location_id: Opt[Uuid] = None
    valid_from: Opt[Str] = None
    valid_to: Opt[Str] = None
    dtstart: Opt[Str] = None
    timezone: Opt[Number] = None
    until: Opt[Str] = None
    count: Opt[Number] = None
    wkst: Opt[Weekday] = None
    freq: Opt[Frequency] = None
    interval: Opt[Number] = None
    byday: Opt[Str] = None
    byweekno: Opt[Str] = None
    bymonthday: Opt[Str] = None
    byyearday: Opt[Str] = None
    description: Opt[Str] = None
    opens_at: Opt[Str] = None
    closes_at: Opt[Str] = None
    schedule_link: Opt[Str] = None
    attending_type: Opt[Str] = None
    notes: Opt[Str] = None


class ServiceArea(Described):
    service_id: Opt[Uuid] = None
    name: Opt[Str] = None
    description: Opt[Str] = None
    extent: Opt[Str] = None
    extent_type: Opt[Str] = None
    uri: Opt[Str] = None


class Address(Described):
    location_id: Opt[Uuid] = None
    attention: Opt[Str] = None
    address_1: Str
    address_2: Opt[Str] = None
    city: Str
    region: Opt[Str] = None
    state_province: Str
    postal_code: Str
    country: Str
    address_type: LocationType


class Accessibility(Described):
    location_id: Opt[Uuid] = None
    description: Opt[Str] = None
    details: Opt[Str] = None
    url: Opt[Str] = None


class Location(Described):
    location_type: LocationType
    url: Opt[Str] = None
    organization_id: Opt[Uuid] = None
    name: Opt[Str] = None
    alternate_name: Opt[Str] = None
    description: Opt[Str] = None
    transportation: Opt[Str] = None
    latitude: Opt[Number] = None
    longitude: Opt[Number] = None
    external_identifier: Opt[Str] = None
    external_identifier_type: Opt[Str] = None
    languages: Opt[list[Language]] = None
    addresses: Opt[list[Address]] = None
    contacts: Opt[list[Contact]] = None
    accessibility: Opt[list[Accessibility]] = None
    phones: Opt[list[Phone]] = None
    schedules: Opt[list[Schedule]] = None


class CostOption(Described):
    service_id: Opt[Uuid] = None
    valid_from: Opt[Str] = None
    valid_to: Opt[Str] = None
    option: Opt[Str] = None
    currency: Opt[Str] = None
    amount: Opt[Number] = None
    amount_description: Opt[Str] = None


class Funding(Described):
    organization_id: Opt[Uuid] = None
    service_id: Opt[Uuid] = None
    source: Opt[Str] = None


class RequiredDocument(Described):
    service_id: Opt[Uuid] = None
    document: Opt[Str] = None
    uri: Opt[Str] = None


class Program(Described):
    organization_id: Opt[Uuid] = None
    name: Str
    alternate_name: Opt[Str] = None
    description: Str


class OrganizationIdentifier(Described):
    organization_id: Opt[Uuid] = None
    identifier_scheme: Opt[Str] = None
    identifier_type: Str
    identifier: Str


class Organization(Described):
    name: Str
    alternate_name: Opt[Str] = None
    description: Str
    email: Opt[Str] = None
    website: Opt[Str] = None
    tax_status: Opt[Str] = None
    tax_id: Opt[Str] = None
    year_incorporated: Opt[Number] = None
    legal_status: Opt[Str] = None
    logo: Opt[Str] = None
    uri: Opt[Str] = None
    parent_organization_id: Opt[Uuid] = None
    funding: Opt[list[Funding]] = None
    contacts: Opt[list[Contact]] = None
    phones: Opt[list[Phone]] = None
    locations: Opt[list[Location]] = None
    programs: Opt[list[Program]] = None
    organization_identifiers: Opt[list[OrganizationIdentifier]] = None


class ServiceAtLocation(Described):
    service_id: Opt[Uuid] = None
    location_id: Opt[Uuid] = None
    description: Opt[Str] = None
    contacts: Opt[list[Contact]] = None
    phones: Opt[list[Phone]] = None
    schedules: Opt[list[Schedule]] = None
    location: Opt[Location] = None


class Service(Described):
    """A fully nested service: the document `/services/{id}` returns (compiled/service.json)."""

    organization_id: Opt[Uuid] = None
    program_id: Opt[Uuid] = None
    name: Str
    alternate_name: Opt[Str] = None
    description: Opt[Str] = None
    url: Opt[Str] = None
    email: Opt[Str] = None
    status: ServiceStatus
    interpretation_services: Opt[Str] = None
    application_process: Opt[Str] = None
    fees_description: Opt[Str] = None
    wait_time: Opt[Str] = None
    fees: Opt[Str] = None
    accreditations: Opt[Str] = None
    eligibility_description: Opt[Str] = None
    minimum_age: Opt[Number] = None
    maximum_age: Opt[Number] = None
    assured_date: Opt[Str] = None
    assurer_email: Opt[Str] = None
    licenses: Opt[Str] = None
    alert: Opt[Str] = None
    last_modified: Opt[Str] = None
    phones: Opt[list[Phone]] = None
    schedules: Opt[list[Schedule]] = None
    service_areas: Opt[list[ServiceArea]] = None
    service_at_locations: Opt[list[ServiceAtLocation]] = None
    languages: Opt[list[Language]] = None
    organization: Opt[Organization] = None
    funding: Opt[list[Funding]] = None
    cost_options: Opt[list[CostOption]] = None
    program: Opt[Program] = None
    required_documents: Opt[list[RequiredDocument]] = None
    contacts: Opt[list[Contact]] = None


# --- the standard's compiled contexts -----------------------------------------------------


class OrganizationWithServices(Organization):
    """`/organizations/{id}` (compiled/organization.json): an organisation and its services."""

    services: Opt[list[Service]] = None


class ProgramBrief(Program):
    attributes: Any = None
    metadata: Any = None


class OrganizationBrief(Organization):
    """An organisation's own fields only (compiled/organization_list.json)."""

    attributes: Any = None
    metadata: Any = None
    funding: Any = None
    contacts: Any = None
    phones: Any = None
    locations: Any = None
    programs: Any = None
    organization_identifiers: Any = None


class LocationBrief(Location):
    attributes: Any = None
    metadata: Any = None
    languages: Any = None
    addresses: Any = None
    contacts: Any = None
    accessibility: Any = None
    phones: Any = None
    schedules: Any = None


class ServiceBrief(Service):
    """A service in a list (compiled/service_list.json): its own fields, organisation, programme."""

    attributes: Any = None
    metadata: Any = None
    phones: Any = None
    schedules: Any = None
    service_areas: Any = None
    service_at_locations: Any = None
    languages: Any = None
    funding: Any = None
    cost_options: Any = None
    required_documents: Any = None
    contacts: Any = None
    organization: Opt[OrganizationBrief] = None
    program: Opt[ProgramBrief] = None


class ServiceWithoutLocations(Service):
    service_at_locations: Any = None


class ServiceAtLocationFull(ServiceAtLocation):
    """`/service_at_locations/{id}` (compiled/service_at_location.json)."""

    service: Opt[ServiceWithoutLocations] = None


class ServiceAtLocationBrief(ServiceAtLocation):
    """compiled/service_at_location_list.json"""

    attributes: Any = None
    metadata: Any = None
    contacts: Any = None
    phones: Any = None
    schedules: Any = None
    location: Opt[LocationBrief] = None
    service: Opt[ServiceBrief] = None


class Page(BaseModel):
    """The paging envelope of every list in the HSDS API."""

    model_config = ConfigDict(extra="allow", validate_default=False)

    total_items: Opt[Integer] = None
    total_pages: Opt[Integer] = None
    page_number: Opt[Integer] = None
    size: Opt[Integer] = None
    first_page: Opt[StrictBool] = None
    last_page: Opt[StrictBool] = None
    empty: Opt[StrictBool] = None
    contents: Opt[list[Any]] = None
