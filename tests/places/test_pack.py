"""The shipped places pack loads quickly and holds real Scottish geography.

Expected values were read from the raw files: NSPL_NOV_2021_UK_PH.csv ("PH1 1QD": lsoa11
S01011907, lat 56.399240, long -3.481269), simd2020v2_withinds.csv (S01011907 "Western Edge":
rank 5581, decile 9, quintile 5) and simd2020v2_phs_codes.csv (S01011907: IntZone S02002245,
HSCP S37000033; PHS's population-weighted quintile is 4, which we do not use).
"""

from __future__ import annotations

import pytest
from django.core.management import call_command

from linkwork.places.models import (
    HSCP,
    CouncilArea,
    DataZone,
    HealthBoard,
    IntermediateZone,
    Postcode,
)
from linkwork.places.pack import ATTRIBUTION, PACK_DIR, pack_files
from linkwork.places.selectors import lookup_postcode

pytestmark = pytest.mark.django_db


def test_the_pack_is_small_and_carries_its_attribution() -> None:
    assert sum(p.stat().st_size for p in PACK_DIR.iterdir()) <= 5 * 1024 * 1024
    assert all(p.exists() for p in pack_files())
    text = (PACK_DIR / "ATTRIBUTION.txt").read_text(encoding="utf-8")
    assert all(line in text for line in ATTRIBUTION)
    assert "Open Government Licence v3.0" in text


def test_pack_loads_every_data_zone_and_area_with_real_values() -> None:
    call_command("load-places", "--no-progress")
    assert DataZone.objects.count() == 6976
    assert IntermediateZone.objects.count() == 1279
    assert CouncilArea.objects.count() == 32
    assert HealthBoard.objects.count() == 14
    assert HSCP.objects.count() == 31
    assert Postcode.objects.count() == 33879
    assert not CouncilArea.objects.filter(boundary__isnull=True).exists()
    assert not DataZone.objects.filter(simd_quintile__isnull=True).exists()

    place = lookup_postcode("ph1 1qd")
    assert (place.latitude, place.longitude) == (56.399240, -3.481269)
    assert place.data_zone_code == "S01011907"
    assert (place.simd_rank, place.simd_decile, place.simd_quintile) == (5581, 9, 5)
    assert place.simd_version == "2020v2"
    assert (place.council_area_code, place.council_area_name) == ("S12000048", "Perth and Kinross")
    assert (place.health_board_code, place.health_board_name) == ("S08000030", "Tayside")
    assert (place.hscp_code, place.hscp_name) == ("S37000033", "Perth and Kinross")
    assert DataZone.objects.get(code="S01011907").intermediate_zone.name == "Western Edge"

    dumfries = lookup_postcode("DG11AA")
    assert (dumfries.data_zone_code, dumfries.simd_rank, dumfries.simd_quintile) == (
        "S01007612",
        392,
        1,
    )
    assert lookup_postcode("DG1 1AD").terminated == "199512"

    # Glasgow G2 from the ALISS file: old area codes mapped to the current ones, no data zone.
    glasgow = lookup_postcode("G2 1AL")
    assert (glasgow.council_area_code, glasgow.health_board_code, glasgow.hscp_code) == (
        "S12000049",
        "S08000031",
        "S37000034",
    )
    assert glasgow.data_zone_code == "" and glasgow.simd_quintile is None

    # Loading again updates in place: the same rows.
    call_command("load-places", "--no-progress")
    assert Postcode.objects.count() == 33879
    assert DataZone.objects.count() == 6976
