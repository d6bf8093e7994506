"""scripts/build_places_pack.py on a miniature copy of the open data folder: the pack it writes
loads, maps old codes, drops English rows, and rebuilds byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from scripts import build_places_pack

from linkwork.places.models import CouncilArea, DataZone, Postcode
from tests.places.test_loader import NSPL, PHS, SIMD, boundaries

pytestmark = pytest.mark.django_db

G2 = [
    {
        "model": "aliss.postcode",
        "pk": "G2 1AL",
        "fields": {
            "latitude": 55.86045205,
            "longitude": -4.24858105,
            "council_area_2011_code": "S12000046",
            "health_board_area_2014_code": "S08000021",
            "integration_authority_2016_code": "S37000015",
        },
    }
]


@pytest.fixture
def source(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    for folder in ("simd", "postcodes", "boundaries", "aliss"):
        (root / folder).mkdir(parents=True)
    (root / "simd/simd2020v2_phs_codes.csv").write_text(PHS, encoding="utf-8")
    (root / "simd/simd2020v2_withinds.csv").write_text(SIMD, encoding="utf-8")
    (root / "postcodes/NSPL_NOV_2021_UK_PH.csv").write_text(NSPL, encoding="utf-8")
    (root / "aliss/g2_postcodes.json").write_text(json.dumps(G2), encoding="utf-8")
    (root / "boundaries/council_areas_2018.geojson").write_text(
        boundaries([{"lad18cd": "S12000046", "lad18nm": "Glasgow City "}]), encoding="utf-8"
    )
    (root / "boundaries/health_boards_2019.geojson").write_text(
        boundaries([{"HBCode": "S08000030", "HBName": "Tayside"}]), encoding="utf-8"
    )
    (root / "boundaries/hscps_2019.geojson").write_text(
        boundaries([{"HIACode": "S37000033", "HIAName": "Perth and Kinross"}]), encoding="utf-8"
    )
    return root


def test_the_built_pack_loads_and_rebuilds_identically(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack"
    build_places_pack.main(["--source", str(source), "--out", str(out)])
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    assert {"ATTRIBUTION.txt", "README.md", "postcodes.csv.gz", "data_zones.csv.gz"} <= set(first)

    call_command("load-places", str(out), "--no-progress")
    assert DataZone.objects.get(code="S01011907").simd_quintile == 5
    assert set(Postcode.objects.values_list("postcode", flat=True)) == {
        "PH1 1QD",
        "DG1 1AD",
        "G2 1AL",
    }
    g2 = Postcode.objects.get(postcode="G2 1AL")
    assert (g2.council_area_id, g2.health_board_id, g2.hscp_id) == (
        "S12000049",
        "S08000031",
        "S37000034",
    )
    assert Postcode.objects.get(postcode="PH1 1QD").hscp_id == "S37000033"
    assert CouncilArea.objects.get(code="S12000049").name == "Glasgow City"

    build_places_pack.main(["--source", str(source), "--out", str(out)])
    assert {p.name: p.read_bytes() for p in out.iterdir()} == first
