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
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, StrictBool, StrictFloat, StrictInt
from pydantic import StrictStr as Str


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
    resource_id: Uuid = None
    resource_type: Str = None
    last_action_date: Str
    last_action_type: Str
    field_name: Str
    previous_value: Str
    replacement_value: Str
    updated_by: Str


class WithMetadata(HsdsObject):
    metadata: list[Metadata] = None


class Taxonomy(WithMetadata):
    name: Str
    description: Str
    uri: Str = None
    version: Str = None


class TaxonomyTerm(WithMetadata):
    code: Str = None
    name: Str
    description: Str
    parent_id: Uuid = None
    taxonomy: Str = None
    taxonomy_detail: Taxonomy = None
    language: Str = None
    taxonomy_id: Uuid = None
    term_uri: Str = None


class Attribute(WithMetadata):
    link_id: Uuid = None
    taxonomy_term_id: Uuid = None
    link_type: Str = None
    link_entity: Str = None
    value: Str = None
    taxonomy_term: TaxonomyTerm = None


class Described(WithMetadata):
    """An object that may carry attributes (taxonomy terms or values) and metadata."""

    attributes: list[Attribute] = None


class Language(Described):
    service_id: Uuid = None
    location_id: Uuid = None
    phone_id: Uuid = None
    name: Str = None
    code: Str = None
    note: Str = None


class Phone(Described):
    location_id: Uuid = None
    service_id: Uuid = None
    organization_id: Uuid = None
    contact_id: Uuid = None
    service_at_location_id: Uuid = None
    number: Str
    extension: Number = None
    type: Str = None
    description: Str = None
    languages: list[Language] = None


class Contact(Described):
    organization_id: Uuid = None
    service_id: Uuid = None
    service_at_location_id: Uuid = None
    location_id: Uuid = None
    name: Str = None
    title: Str = None
    department: Str = None
    email: Str = None
    phones: list[Phone] = None


class Schedule(Described):
    service_id: Uuid = None
    location_id: Uuid = None
    service_at_location_id: Uuid = None
    valid_from: Str = None
    valid_to: Str = None
    dtstart: Str = None
    timezone: Number = None
    until: Str = None
    count: Number = None
    wkst: Weekday = None
    freq: Frequency = None
    interval: Number = None
    byday: Str = None
    byweekno: Str = None
    bymonthday: Str = None
    byyearday: Str = None
    description: Str = None
    opens_at: Str = None
    closes_at: Str = None
    schedule_link: Str = None
    attending_type: Str = None
    notes: Str = None


class ServiceArea(Described):
    service_id: Uuid = None
    name: Str = None
    description: Str = None
    extent: Str = None
    extent_type: Str = None
    uri: Str = None


class Address(Described):
    location_id: Uuid = None
    attention: Str = None
    address_1: Str
    address_2: Str = None
    city: Str
    region: Str = None
    state_province: Str
    postal_code: Str
    country: Str
    address_type: LocationType


class Accessibility(Described):
    location_id: Uuid = None
    description: Str = None
    details: Str = None
    url: Str = None


class Location(Described):
    location_type: LocationType
    url: Str = None
    organization_id: Uuid = None
    name: Str = None
    alternate_name: Str = None
    description: Str = None
    transportation: Str = None
    latitude: Number = None
    longitude: Number = None
    external_identifier: Str = None
    external_identifier_type: Str = None
    languages: list[Language] = None
    addresses: list[Address] = None
    contacts: list[Contact] = None
    accessibility: list[Accessibility] = None
    phones: list[Phone] = None
    schedules: list[Schedule] = None


class CostOption(Described):
    service_id: Uuid = None
    valid_from: Str = None
    valid_to: Str = None
    option: Str = None
    currency: Str = None
    amount: Number = None
    amount_description: Str = None


class Funding(Described):
    organization_id: Uuid = None
    service_id: Uuid = None
    source: Str = None


class RequiredDocument(Described):
    service_id: Uuid = None
    document: Str = None
    uri: Str = None


class Program(Described):
    organization_id: Uuid = None
    name: Str
    alternate_name: Str = None
    description: Str


class OrganizationIdentifier(Described):
    organization_id: Uuid = None
    identifier_scheme: Str = None
    identifier_type: Str
    identifier: Str


class Organization(Described):
    name: Str
    alternate_name: Str = None
    description: Str
    email: Str = None
    website: Str = None
    tax_status: Str = None
    tax_id: Str = None
    year_incorporated: Number = None
    legal_status: Str = None
    logo: Str = None
    uri: Str = None
    parent_organization_id: Uuid = None
    funding: list[Funding] = None
    contacts: list[Contact] = None
    phones: list[Phone] = None
    locations: list[Location] = None
    programs: list[Program] = None
    organization_identifiers: list[OrganizationIdentifier] = None


class ServiceAtLocation(Described):
    service_id: Uuid = None
    location_id: Uuid = None
    description: Str = None
    contacts: list[Contact] = None
    phones: list[Phone] = None
    schedules: list[Schedule] = None
    location: Location = None


class Service(Described):
    """A fully nested service: the document `/services/{id}` returns (compiled/service.json)."""

    organization_id: Uuid = None
    program_id: Uuid = None
    name: Str
    alternate_name: Str = None
    description: Str = None
    url: Str = None
    email: Str = None
    status: ServiceStatus
    interpretation_services: Str = None
    application_process: Str = None
    fees_description: Str = None
    wait_time: Str = None
    fees: Str = None
    accreditations: Str = None
    eligibility_description: Str = None
    minimum_age: Number = None
    maximum_age: Number = None
    assured_date: Str = None
    assurer_email: Str = None
    licenses: Str = None
    alert: Str = None
    last_modified: Str = None
    phones: list[Phone] = None
    schedules: list[Schedule] = None
    service_areas: list[ServiceArea] = None
    service_at_locations: list[ServiceAtLocation] = None
    languages: list[Language] = None
    organization: Organization = None
    funding: list[Funding] = None
    cost_options: list[CostOption] = None
    program: Program = None
    required_documents: list[RequiredDocument] = None
    contacts: list[Contact] = None


# --- the standard's compiled contexts -----------------------------------------------------


class OrganizationWithServices(Organization):
    """`/organizations/{id}` (compiled/organization.json): an organisation and its services."""

    services: list[Service] = None


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
    organization: OrganizationBrief = None
    program: ProgramBrief = None


class ServiceWithoutLocations(Service):
    service_at_locations: Any = None


class ServiceAtLocationFull(ServiceAtLocation):
    """`/service_at_locations/{id}` (compiled/service_at_location.json)."""

    service: ServiceWithoutLocations = None


class ServiceAtLocationBrief(ServiceAtLocation):
    """compiled/service_at_location_list.json"""

    attributes: Any = None
    metadata: Any = None
    contacts: Any = None
    phones: Any = None
    schedules: Any = None
    location: LocationBrief = None
    service: ServiceBrief = None


class Page(BaseModel):
    """The paging envelope of every list in the HSDS API."""

    model_config = ConfigDict(extra="allow", validate_default=False)

    total_items: Integer = None
    total_pages: Integer = None
    page_number: Integer = None
    size: Integer = None
    first_page: StrictBool = None
    last_page: StrictBool = None
    empty: StrictBool = None
    contents: list[Any] = None
