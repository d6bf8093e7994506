"""import-aliss: ALISS API v4 service pages become directory services mapped to our taxonomy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from linkwork.directory.models import Service
from linkwork.directory.taxonomy import import_aliss_categories
from tests.directory.official import require_official

pytestmark = pytest.mark.django_db

PAGE = {
    "meta": {"licence": "https://creativecommons.org/licenses/by/4.0/", "attribution": []},
    "count": 2,
    "next": None,
    "previous": None,
    "data": [
        {
            "id": "4b0f3c1e-2a5d-4d8e-9f00-0a1b2c3d4e5f",
            "organisation": {
                "id": "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e60",
                "name": "Kelvin Side Support",
                "aliss_url": "https://www.aliss.org/organisations/7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e60/",
                "is_claimed": True,
            },
            "name": "Listening Ear",
            "description": "Someone to talk to when things are hard.",
            "url": "https://example.org/listening",
            "phone": "0141 000 1111",
            "email": "",
            "categories": [
                {"name": "Counselling", "slug": "counselling"},
                {"name": "Anxiety", "slug": "anxiety"},
            ],
            "locations": [
                {
                    "id": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
                    "formatted_address": "Hall, 1 Example Street, Glasgow, G2 4AA",
                    "name": "Community Hall",
                    "description": "",
                    "street_address": "1 Example Street",
                    "locality": "Glasgow",
                    "region": "Glasgow City",
                    "state": "",
                    "postal_code": "G2 4AA",
                    "country": "GB",
                    "latitude": 55.8617,
                    "longitude": -4.2583,
                }
            ],
            "service_areas": [
                {"code": "S12000046", "type": "Local Authority", "name": "Glasgow City"}
            ],
            "aliss_url": "https://www.aliss.org/services/4b0f3c1e-2a5d-4d8e-9f00-0a1b2c3d4e5f/",
            "last_updated": "2019-03-01T10:00:00.000000+00:00",
        },
        {
            "id": "5c1f3c1e-2a5d-4d8e-9f00-0a1b2c3d4e5f",
            "organisation": {
                "id": "8d1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e60",
                "name": "Debt Line Scotland",
            },
            "name": "Debt helpline",
            "description": "Free advice on debts.",
            "phone": "0800 000 000",
            "categories": [{"name": "Money Advice", "slug": "money-advice"}],
            "locations": [],
            "service_areas": [{"code": "XS", "type": "Country", "name": "Scotland"}],
        },
    ],
}


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "aliss.json"
    path.write_text(json.dumps(data))
    return path


def test_aliss_v4_page_imports_and_maps(tmp_path: Path) -> None:
    call_command("import-aliss", str(write(tmp_path, PAGE)))
    ear = Service.objects.get(name="Listening Ear")
    assert ear.organization.name == "Kelvin Side Support"
    assert ear.phones.get().number == "0141 000 1111"
    assert ear.postcode == "G2 4AA" and ear.latitude == pytest.approx(55.8617)
    assert ear.delivery_in_person and not ear.delivery_phone
    area = ear.service_areas.get()
    assert (area.gss_code, area.kind) == ("S12000049", "council_area")  # Glasgow's current code
    # counselling -> therapy -> mental health; anxiety -> mental-health
    assert [c.code for c in ear.categories.all()] == ["mental-health"]
    debt = Service.objects.get(name="Debt helpline")
    assert debt.delivery_phone and not debt.delivery_in_person
    assert debt.service_areas.get().kind == "scotland"
    assert [c.code for c in debt.categories.all()] == ["money-advice"]


def test_aliss_import_is_idempotent(tmp_path: Path) -> None:
    path = write(tmp_path, PAGE)
    call_command("import-aliss", str(path))
    call_command("import-aliss", str(path))
    assert Service.objects.count() == 2


def test_aliss_bad_record_names_it_and_imports_nothing(tmp_path: Path) -> None:
    page = json.loads(json.dumps(PAGE))
    page["data"][1]["name"] = None
    with pytest.raises(CommandError):
        call_command("import-aliss", str(write(tmp_path, page)))
    assert not Service.objects.exists()


def test_aliss_category_tree_maps_to_ours() -> None:
    from tests.directory.official import HSDS

    path = HSDS.parent / "data" / "aliss" / "categories.json"
    if not path.exists():
        require_official()  # skips (or fails in CI) the same way
    counts = import_aliss_categories(path)
    assert counts["terms"] == 212 and counts["mapped"] >= 200
