"""The shipped places pack loads and holds real Scottish geography."""

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

pytestmark = pytest.mark.django_db


def test_pack_loads_every_data_zone_and_area() -> None:
    call_command("load-places", "--no-progress")
    assert DataZone.objects.count() == 6976
    assert IntermediateZone.objects.count() == 1279
    assert CouncilArea.objects.count() == 32
    assert HealthBoard.objects.count() == 14
    assert HSCP.objects.count() == 31
    assert Postcode.objects.count() == 33879
