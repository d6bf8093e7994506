"""Directory test data: HSDS records and real Scottish postcodes (created as places rows)."""

from __future__ import annotations

from typing import Any

import factory

from linkwork.directory.models import (
    Accessibility,
    Address,
    Language,
    Location,
    Organization,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    TaxonomyTerm,
)
from linkwork.places.models import HSCP, CouncilArea, HealthBoard, Postcode

#: Real postcodes with their real centres and areas (NSPL Nov 2021).
REAL_POSTCODES = {
    "PH1 5PH": (56.3967, -3.4337, "S12000048", "S37000033", "S08000030"),  # Perth
    "PH2 8BX": (56.3853, -3.4140, "S12000048", "S37000033", "S08000030"),  # Perth (Craigie)
    "FK8 2ET": (56.1192, -3.9358, "S12000030", "S37000032", "S08000019"),  # Stirling
    "DG1 2BD": (55.0700, -3.6079, "S12000006", "S37000006", "S08000017"),  # Dumfries
    "KW15 1NX": (58.9839, -2.9587, "S12000023", "S37000022", "S08000025"),  # Kirkwall
}
AREA_NAMES = {
    "S12000048": "Perth and Kinross",
    "S12000030": "Stirling",
    "S12000006": "Dumfries and Galloway",
    "S12000023": "Orkney Islands",
    "S37000033": "Perth and Kinross HSCP",
    "S37000032": "Clackmannanshire and Stirling HSCP",
    "S37000006": "Dumfries and Galloway HSCP",
    "S37000022": "Orkney Islands HSCP",
    "S08000030": "NHS Tayside",
    "S08000019": "NHS Forth Valley",
    "S08000017": "NHS Dumfries and Galloway",
    "S08000025": "NHS Orkney",
}


def postcode(code: str = "PH1 5PH") -> Postcode:
    """Create (or get) a real postcode row with its areas."""
    lat, lon, ca, hscp, hb = REAL_POSTCODES[code]
    ca_obj, _ = CouncilArea.objects.get_or_create(code=ca, defaults={"name": AREA_NAMES[ca]})
    hscp_obj, _ = HSCP.objects.get_or_create(code=hscp, defaults={"name": AREA_NAMES[hscp]})
    hb_obj, _ = HealthBoard.objects.get_or_create(code=hb, defaults={"name": AREA_NAMES[hb]})
    pc, _ = Postcode.objects.get_or_create(
        postcode=code,
        defaults={
            "latitude": lat,
            "longitude": lon,
            "council_area": ca_obj,
            "hscp": hscp_obj,
            "health_board": hb_obj,
        },
    )
    return pc


def category(code: str) -> TaxonomyTerm:
    return TaxonomyTerm.objects.get(code=code, taxonomy_ref__is_default=True)


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Community Group {n}")
    description = "A local charity."


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    location_type = "physical"
    name = factory.Sequence(lambda n: f"Hall {n}")
    organization = factory.SubFactory(OrganizationFactory)


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Service {n}")
    summary = "A friendly group."
    description = "Meets every week."
    organization = factory.SubFactory(OrganizationFactory)
    status = Service.Status.ACTIVE

    @factory.post_generation
    def categories(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        for code in extracted or ():
            self.categories.add(category(code))


def place_service(service: Service, code: str = "PH1 5PH", **location: Any) -> ServiceAtLocation:
    """Put a service at a location on a real postcode (and copy the point to the service)."""
    pc = postcode(code)
    loc = LocationFactory(
        organization=service.organization,
        latitude=pc.latitude,
        longitude=pc.longitude,
        **location,
    )
    Address.objects.create(
        location=loc,
        address_1="1 High Street",
        city="Town",
        state_province=AREA_NAMES[pc.council_area_id],
        postal_code=code,
        country="GB",
        address_type="physical",
    )
    sat = ServiceAtLocation.objects.create(service=service, location=loc)
    service.latitude, service.longitude, service.postcode = pc.latitude, pc.longitude, code
    service.save(update_fields=["latitude", "longitude", "postcode", "last_modified"])
    return sat


def open_on(service: Service, byday: str, opens: str = "10:00", closes: str = "12:00") -> Schedule:
    return Schedule.objects.create(
        service=service, freq="WEEKLY", byday=byday, opens_at=opens, closes_at=closes
    )


def serve_area(service: Service, code: str, kind: str = "council_area") -> ServiceArea:
    return ServiceArea.objects.create(service=service, gss_code=code, kind=kind, name=code)


def speak(service: Service, code: str, name: str = "") -> Language:
    return Language.objects.create(service=service, code=code, name=name or code)


def accessible(location: Location, code: str) -> Accessibility:
    from linkwork.directory.forms import ACCESSIBILITY

    label = str(dict(ACCESSIBILITY).get(code, code))
    return Accessibility.objects.create(location=location, code=code, description=label)


def ensure_taxonomy() -> None:
    """Our categories come from a data migration; a browser test's flush removes them."""
    from linkwork.directory.models import Taxonomy
    from linkwork.directory.taxonomy import load_default_taxonomy

    if not TaxonomyTerm.objects.filter(taxonomy_ref__is_default=True).exists():
        load_default_taxonomy(Taxonomy, TaxonomyTerm)
