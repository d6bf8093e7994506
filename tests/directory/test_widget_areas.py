"""The widget builder's area list: grouped by kind (council areas, partnerships, health
boards), each place once. A partnership that covers exactly one council area is that area."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from linkwork.places.models import HSCP, CouncilArea, DataZone, HealthBoard

pytestmark = pytest.mark.django_db


def _zone(code: str, council: CouncilArea, hscp: HSCP, board: HealthBoard) -> None:
    DataZone.objects.create(code=code, council_area=council, hscp=hscp, health_board=board)


def test_areas_are_grouped_and_each_place_is_listed_once(client: Client) -> None:
    fife = CouncilArea.objects.create(code="S12000047", name="Fife")
    clacks = CouncilArea.objects.create(code="S12000005", name="Clackmannanshire")
    stirling = CouncilArea.objects.create(code="S12000030", name="Stirling")
    edinburgh = CouncilArea.objects.create(code="S12000036", name="City of Edinburgh")
    fife_hscp = HSCP.objects.create(code="S37000032", name="Fife")
    forth = HSCP.objects.create(code="S37000005", name="Clackmannanshire and Stirling")
    edin_hscp = HSCP.objects.create(code="S37000012", name="Edinburgh")
    nhs_fife = HealthBoard.objects.create(code="S08000029", name="Fife")
    valley = HealthBoard.objects.create(code="S08000019", name="Forth Valley")
    lothian = HealthBoard.objects.create(code="S08000024", name="Lothian")
    _zone("S01000001", fife, fife_hscp, nhs_fife)
    _zone("S01000002", clacks, forth, valley)
    _zone("S01000003", stirling, forth, valley)
    _zone("S01000004", edinburgh, edin_hscp, lothian)

    html = client.get("/widget/").content.decode()
    page = re.search(r'<select name="area".*?</select>', html, re.S).group(0)  # type: ignore[union-attr]
    groups = re.findall(r'<optgroup label="([^"]+)">', page)
    assert groups == ["Council areas", "Health and social care partnerships", "Health boards"]
    options = re.findall(r"<option[^>]*>([^<]+)</option>", page)
    assert len(options) == len(set(options)), options  # no name twice
    assert "Clackmannanshire and Stirling" in options  # spans two council areas: kept
    assert "Edinburgh" not in options  # the same place as City of Edinburgh
    assert {"Fife", "NHS Fife", "NHS Forth Valley", "City of Edinburgh"} <= set(options)
