"""Standard HSDS (no Linkwork extensions) keeps its meaning on import: service areas by name
or code, delivery from what the record says, head offices never taken as where it happens,
and web addresses only ever http(s)."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.template import Context, Template

from linkwork.directory.hsds.importer import ImportFailed, import_hsds
from linkwork.directory.models import Service
from tests.places.factories import CouncilAreaFactory, PostcodeFactory

pytestmark = pytest.mark.django_db


def _id() -> str:
    return str(uuid.uuid4())


def service(name: str, description: str = "", **more: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": _id(),
        "name": name,
        "description": description,
        "status": "active",
    }
    doc.update(more)
    return doc


def location(location_type: str = "physical", **more: Any) -> dict[str, Any]:
    return {
        "id": _id(),
        "location": {
            "id": _id(),
            "location_type": location_type,
            "latitude": 56.3960,
            "longitude": -3.4370,
            **more,
        },
    }


def area(name: str, **more: Any) -> dict[str, Any]:
    return {"id": _id(), "name": name, **more}


def phone() -> list[dict[str, Any]]:
    return [{"id": _id(), "number": "0800 123 4567"}]


def load(tmp_path: Path, *docs: dict[str, Any]) -> Any:
    path = tmp_path / "services.json"
    path.write_text(json.dumps(list(docs)))
    return import_hsds(path)


@pytest.mark.parametrize(
    ("name", "code", "kind"),
    [
        ("Scotland", "S92000003", "scotland"),
        ("Falkirk council area", "S12000014", "council_area"),
        ("Perth and Kinross", "S12000048", "council_area"),
        ("Shetland", "S12000027", "council_area"),
        ("NHS Fife", "S08000029", "health_board"),
        ("Glasgow City Health and Social Care Partnership", "S37000034", "hscp"),
        ("Dumfries & Galloway", "S12000006", "council_area"),
        ("Na h-Eileanan Siar", "S12000013", "council_area"),
        ("City of Edinburgh", "S12000036", "council_area"),
        ("XS", "S92000003", "scotland"),
        ("Fife (S12000015)", "S12000047", "council_area"),  # pre-2018 code, updated
    ],
)
def test_service_area_is_read_by_name_or_code(
    tmp_path: Path, name: str, code: str, kind: str
) -> None:
    doc = service("Advice line", service_areas=[area(name)])
    load(tmp_path, doc)
    found = Service.objects.get(id=doc["id"]).service_areas.get()
    assert (found.gss_code, found.kind) == (code, kind)


def test_service_area_code_in_its_uri(tmp_path: Path) -> None:
    uri = "https://statistics.gov.scot/id/statistical-geography/S12000030"
    doc = service("Stirling carers", service_areas=[area("Our patch", uri=uri)])
    load(tmp_path, doc)
    assert Service.objects.get(id=doc["id"]).service_areas.get().gss_code == "S12000030"


def test_an_unknown_area_is_reported_not_guessed(tmp_path: Path) -> None:
    doc = service("Somewhere", service_areas=[area("The MyCity area")])
    result = load(tmp_path, doc)
    assert Service.objects.get(id=doc["id"]).service_areas.get().gss_code == ""
    assert any("unknown" in line for line in result.inferences)


def test_an_unknown_area_name_is_placed_by_the_services_own_postcode(tmp_path: Path) -> None:
    """A district the places data does not name ("Lochaber", "Grangemouth and Bo'ness") must
    not leave a home-visiting service "in reach" everywhere: its office's council area holds."""
    PostcodeFactory()  # DG1 1AA, Dumfries and Galloway
    office = location(
        name="Befriending office",
        description="Not open to the public.",
        addresses=[
            {
                "id": _id(),
                "address_1": "1 High Street",
                "city": "Dumfries",
                "state_province": "Dumfriesshire",
                "postal_code": "DG1 1AA",
                "country": "GB",
                "address_type": "physical",
            }
        ],
    )
    doc = service(
        "Home befriending",
        "Volunteers visit you at home.",
        service_areas=[area("Nithsdale and Annandale")],
        service_at_locations=[office],
        phones=phone(),
    )
    result = load(tmp_path, doc)
    assert Service.objects.get(id=doc["id"]).service_areas.get().gss_code == "S12000006"
    assert any("own address" in line for line in result.inferences)


def test_an_unknown_area_name_is_placed_by_coordinates_inside_a_boundary(tmp_path: Path) -> None:
    square = [[[-4.0, 55.0], [-3.0, 55.0], [-3.0, 56.0], [-4.0, 56.0], [-4.0, 55.0]]]
    CouncilAreaFactory(boundary={"type": "Polygon", "coordinates": square})
    inside = location(
        latitude=55.5, longitude=-3.5, name="Base", description="Not open to the public."
    )
    doc = service("Visits", service_areas=[area("Our glen")], service_at_locations=[inside])
    load(tmp_path, doc)
    assert Service.objects.get(id=doc["id"]).service_areas.get().gss_code == "S12000006"


def test_an_address_without_coordinates_is_placed_at_its_postcode(tmp_path: Path) -> None:
    """Many feeds give a street address and no latitude/longitude: the service must still be
    in reach of its own town."""
    PostcodeFactory()  # DG1 1AA at 55.069708, -3.609592
    hall = location(name="Church hall")
    del hall["location"]["latitude"], hall["location"]["longitude"]
    hall["location"]["addresses"] = [
        {
            "id": _id(),
            "address_1": "1 High Street",
            "city": "Dumfries",
            "state_province": "Dumfriesshire",
            "postal_code": "dg1 1aa",
            "country": "GB",
            "address_type": "physical",
        }
    ]
    doc = service("Lunch club", "A hot lunch every Tuesday.", service_at_locations=[hall])
    load(tmp_path, doc)
    s = Service.objects.get(id=doc["id"])
    assert (s.latitude, s.longitude, s.postcode) == (55.069708, -3.609592, "DG1 1AA")


def test_explicit_extension_wins_over_the_name(tmp_path: Path) -> None:
    sa = area("Scotland", linkwork={"gss_code": "S12000030", "kind": "council_area"})
    doc = service("Stirling only", service_areas=[sa])
    load(tmp_path, doc)
    assert Service.objects.get(id=doc["id"]).service_areas.get().gss_code == "S12000030"


def modes(doc: dict[str, Any]) -> list[str]:
    return Service.objects.get(id=doc["id"]).delivery_modes


def test_no_location_and_a_phone_is_a_phone_service(tmp_path: Path) -> None:
    doc = service("Money helpline", "Free, confidential debt advice.", phones=phone())
    load(tmp_path, doc)
    assert modes(doc) == ["phone"]


def test_no_location_and_a_website_is_online(tmp_path: Path) -> None:
    doc = service("Learn to budget", "Self-paced course.", url="https://example.org/course")
    load(tmp_path, doc)
    assert modes(doc) == ["online"]


def test_a_virtual_location_is_online(tmp_path: Path) -> None:
    virtual = location("virtual", latitude=None, longitude=None)
    virtual["location"] = {k: v for k, v in virtual["location"].items() if v is not None}
    virtual["location"]["url"] = "https://example.org/meet"
    doc = service("Online peer group", service_at_locations=[virtual])
    load(tmp_path, doc)
    s = Service.objects.get(id=doc["id"])
    assert s.delivery_modes == ["online"] and s.latitude is None


def test_a_public_location_is_in_person_and_words_add_modes(tmp_path: Path) -> None:
    doc = service(
        "Carers centre",
        "Drop in at the centre, or get support by phone. We also offer home visits.",
        service_at_locations=[location(name="Carers Centre")],
        phones=phone(),
    )
    load(tmp_path, doc)
    assert modes(doc) == ["in_person", "phone", "home_visit"]


def test_a_location_not_open_to_the_public_is_not_where_it_happens(tmp_path: Path) -> None:
    office = location(name="Head office", description="Not open to the public.")
    doc = service(
        "Befriending calls",
        "A weekly friendly call.",
        service_at_locations=[office],
        phones=phone(),
    )
    result = load(tmp_path, doc)
    s = Service.objects.get(id=doc["id"])
    assert s.delivery_modes == ["phone"]
    assert s.latitude is None, "a head office gives the service no point on the map"
    assert any(f"service {doc['id']}" in line and "phone" in line for line in result.inferences)
    assert "Worked out from the data" in result.summary()


def test_an_attribute_naming_the_mode(tmp_path: Path) -> None:
    term = {"id": _id(), "code": "online", "name": "Online", "description": "Delivery method"}
    attr = {
        "id": _id(),
        "link_entity": "service",
        "taxonomy_term_id": term["id"],
        "taxonomy_term": term,
        "value": "delivery method",
    }
    doc = service("Web chat", "Talk to us.", attributes=[attr], phones=phone())
    load(tmp_path, doc)
    assert "online" in modes(doc)


def test_explicit_delivery_extension_wins(tmp_path: Path) -> None:
    doc = service("Group", "by phone", phones=phone(), linkwork={"delivery_modes": ["in_person"]})
    load(tmp_path, doc)
    assert modes(doc) == ["in_person"]


@pytest.mark.parametrize("field", ["url"])
def test_javascript_urls_are_refused_naming_record_and_field(tmp_path: Path, field: str) -> None:
    good = service("Fine", url="https://example.org")
    bad = service("Sneaky", **{field: "javascript:alert(1)"})
    with pytest.raises(ImportFailed) as exc:
        load(tmp_path, good, bad)
    (problem,) = [str(p) for p in exc.value.problems]
    assert bad["id"] in problem and field in problem and "http" in problem
    assert not Service.objects.exists(), "all or nothing"


def test_organisation_website_with_another_scheme_is_refused(tmp_path: Path) -> None:
    org = {"id": _id(), "name": "Org", "description": "", "website": "data:text/html,hi"}
    with pytest.raises(ImportFailed) as exc:
        load(tmp_path, service("S", organization=org))
    assert "website" in str(exc.value.problems[0]) and org["id"] in str(exc.value.problems[0])


@pytest.mark.parametrize(
    ("value", "linked"),
    [
        ("https://example.org/x", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("data:text/html,x", False),
        ("//evil.example", False),
        ("", False),
    ],
)
def test_web_link_filter_only_links_http(value: str, linked: bool) -> None:
    out = Template("{% load safe_links %}{{ v|web_link }}").render(Context({"v": value}))
    assert out == (value.strip() if linked else "")


def test_aliss_service_with_only_a_phone_and_scotland_is_national_by_phone(tmp_path: Path) -> None:
    page = {
        "data": [
            {
                "id": _id(),
                "name": "Breathing Space",
                "description": "A free, confidential phone line for anyone feeling low.",
                "phone": "0800 83 85 87",
                "url": "https://breathingspace.scot",
                "organisation": {"id": _id(), "name": "NHS 24"},
                "categories": [],
                "locations": [],
                "service_areas": [{"code": "XS", "type": 0, "name": "Scotland"}],
            }
        ]
    }
    path = tmp_path / "aliss.json"
    path.write_text(json.dumps(page))
    call_command("import-aliss", str(path))
    s = Service.objects.get(name="Breathing Space")
    assert s.delivery_phone and s.delivery_online and not s.delivery_in_person
    assert s.service_areas.get().gss_code == "S92000003"
