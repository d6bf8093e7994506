"""A real postcode the places data does not list is placed near its sector or district
(decision 0015), by the places data first and the directory's own addresses after; the areas
come from the boundaries; a postcode with nothing known near it is still unknown."""

from __future__ import annotations

import pytest
from django.test import Client

from linkwork.directory.models import Address
from linkwork.directory.selectors import place_for_postcode
from linkwork.places.models import CouncilArea, HealthBoard
from linkwork.search.engine import reset_places
from tests.directory.factories import LocationFactory, ServiceFactory, place_service, postcode

pytestmark = pytest.mark.django_db

# A square around Dundee (lon/lat), standing in for the council's boundary.
DUNDEE_SQUARE = {
    "type": "Polygon",
    "coordinates": [[[-3.1, 56.4], [-2.8, 56.4], [-2.8, 56.55], [-3.1, 56.55], [-3.1, 56.4]]],
}


def _address(code: str, lat: float, lon: float) -> Address:
    return Address.objects.create(
        location=LocationFactory(latitude=lat, longitude=lon),
        address_1="1 High Street",
        city="Dundee",
        postal_code=code,
        country="GB",
        address_type="physical",
    )


def test_a_known_postcode_is_exact() -> None:
    postcode("PH1 5PH")
    place = place_for_postcode("PH1 5PH")
    assert place is not None and place.approximate == ""
    assert place.area_codes == ("S12000048", "S37000033", "S08000030")


def test_an_unlisted_postcode_is_placed_at_its_sectors_centre_with_its_areas() -> None:
    postcode("PH1 5PH")  # the only listed postcode of sector PH1 5
    postcode("PH2 8BX")  # another district: not used
    place = place_for_postcode("PH1 5ZZ")
    assert place is not None
    assert place.approximate == "PH1 5"
    assert (place.latitude, place.longitude) == (56.3967, -3.4337)


def test_the_district_is_used_when_the_sector_is_unknown_and_DG10_is_not_DG1() -> None:
    postcode("DG1 2BD")
    assert place_for_postcode("DG10 9AA") is None  # DG10 is another district, not DG1's
    place = place_for_postcode("DG1 4XX")
    assert place is not None and place.approximate == "DG1"


def test_the_directory_addresses_place_a_postcode_area_the_places_data_lacks() -> None:
    CouncilArea.objects.create(code="S12000042", name="Dundee City", boundary=DUNDEE_SQUARE)
    HealthBoard.objects.create(code="S08000030", name="NHS Tayside", boundary=DUNDEE_SQUARE)
    _address("dd1 4hn", 56.46, -2.97)  # feeds write postcodes in any case and spacing
    _address("DD14HS", 56.48, -2.99)
    _address("DD2 1AA", 56.47, -3.05)  # another district
    _address("not a postcode", 56.0, -3.0)
    place = place_for_postcode("DD1 4ZZ")
    assert place is not None and place.approximate == "DD1 4"
    assert place.latitude == pytest.approx(56.47) and place.longitude == pytest.approx(-2.98)
    assert place.area_codes == ("S12000042", "S08000030")


def test_a_postcode_with_nothing_known_near_it_is_still_unknown() -> None:
    postcode("PH1 5PH")
    assert place_for_postcode("AB10 1XG") is None


@pytest.mark.django_db(transaction=True)
def test_search_near_an_unlisted_postcode_finds_nearby_services_and_says_so(
    client: Client,
) -> None:
    reset_places()
    near = ServiceFactory(name="Perth walking group", categories=["physical-activity"])
    place_service(near, "PH1 5PH")
    far = ServiceFactory(name="Kirkwall walking group", categories=["physical-activity"])
    place_service(far, "KW15 1NX")
    r = client.get("/api/v1/search", {"q": "walking group", "postcode": "PH1 5ZZ"})
    assert r.status_code == 200, r.content
    body = r.json()
    assert [x["id"] for x in body["results"]] == [str(near.id)]
    assert any("PH1 5" in note for note in body["notes"]), body["notes"]
    assert client.get("/api/v1/search", {"q": "walk", "postcode": "ZZ9 9ZZ"}).status_code == 422
