"""Places test data: real Scottish codes and values (checked against the SIMD 2020v2 and
NSPL November 2021 files), so tests never invent geography."""

from __future__ import annotations

import factory

from linkwork.places.models import (
    HSCP,
    CouncilArea,
    DataZone,
    HealthBoard,
    IntermediateZone,
    Postcode,
)


class CouncilAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CouncilArea
        django_get_or_create = ("code",)

    code = "S12000006"
    name = "Dumfries and Galloway"


class HealthBoardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HealthBoard
        django_get_or_create = ("code",)

    code = "S08000017"
    name = "Dumfries and Galloway"


class HSCPFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HSCP
        django_get_or_create = ("code",)

    code = "S37000006"
    name = "Dumfries and Galloway"


class IntermediateZoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IntermediateZone
        django_get_or_create = ("code",)

    code = "S02001430"
    name = "Dumfries Central"


class DataZoneFactory(factory.django.DjangoModelFactory):
    """S01007612 (Dumfries Central): SIMD 2020v2 rank 392, decile 1, quintile 1."""

    class Meta:
        model = DataZone
        django_get_or_create = ("code",)

    code = "S01007612"
    intermediate_zone = factory.SubFactory(IntermediateZoneFactory)
    council_area = factory.SubFactory(CouncilAreaFactory)
    health_board = factory.SubFactory(HealthBoardFactory)
    hscp = factory.SubFactory(HSCPFactory)
    population = 964
    simd_rank = 392
    simd_decile = 1
    simd_quintile = 1


class PostcodeFactory(factory.django.DjangoModelFactory):
    """DG1 1AA, in data zone S01007612."""

    class Meta:
        model = Postcode
        django_get_or_create = ("postcode",)

    postcode = "DG1 1AA"
    latitude = 55.069708
    longitude = -3.609592
    data_zone = factory.SubFactory(DataZoneFactory)
    council_area = factory.SubFactory(CouncilAreaFactory)
    health_board = factory.SubFactory(HealthBoardFactory)
    hscp = factory.SubFactory(HSCPFactory)
