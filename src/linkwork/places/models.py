"""Scotland's geography and deprivation: postcodes, data zones, SIMD, and the areas above them.

Codes are the official GSS codes (e.g. S01006506 for a 2011 data zone) and are the keys.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Area(models.Model):
    """An administrative area with a GSS code, a name and a simplified boundary (GeoJSON)."""

    code = models.CharField(_("code"), max_length=9, primary_key=True)
    name = models.CharField(_("name"), max_length=200)
    boundary = models.JSONField(_("boundary"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class HealthBoard(Area):
    """One of Scotland's 14 NHS territorial health boards."""


class CouncilArea(Area):
    """One of Scotland's 32 council (local authority) areas."""


class HSCP(Area):
    """A Health and Social Care Partnership (31): the integration authority for an area."""

    class Meta(Area.Meta):
        verbose_name = "HSCP"
        verbose_name_plural = "HSCPs"


class IntermediateZone(Area):
    """A 2011 intermediate zone: a group of data zones (2,500-6,000 residents)."""


class DataZone(models.Model):
    """A 2011 data zone (500-1,000 residents), the unit SIMD ranks. Rank 1 = most deprived."""

    code = models.CharField(_("code"), max_length=9, primary_key=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    intermediate_zone = models.ForeignKey(
        IntermediateZone, null=True, blank=True, on_delete=models.SET_NULL
    )
    council_area = models.ForeignKey(CouncilArea, null=True, blank=True, on_delete=models.SET_NULL)
    health_board = models.ForeignKey(HealthBoard, null=True, blank=True, on_delete=models.SET_NULL)
    hscp = models.ForeignKey(HSCP, null=True, blank=True, on_delete=models.SET_NULL)
    population = models.PositiveIntegerField(null=True, blank=True)
    working_age_population = models.PositiveIntegerField(null=True, blank=True)
    simd_version = models.CharField(max_length=10, default="2020v2")
    simd_rank = models.PositiveIntegerField(null=True, blank=True)
    simd_decile = models.PositiveSmallIntegerField(null=True, blank=True)
    simd_quintile = models.PositiveSmallIntegerField(null=True, blank=True)
    # Domain ranks are floats: SIMD gives tied data zones the mean rank (e.g. 5955.5).
    income_rank = models.FloatField(null=True, blank=True)
    employment_rank = models.FloatField(null=True, blank=True)
    health_rank = models.FloatField(null=True, blank=True)
    education_rank = models.FloatField(null=True, blank=True)
    access_rank = models.FloatField(null=True, blank=True)
    crime_rank = models.FloatField(null=True, blank=True)
    housing_rank = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["code"]
        indexes = [models.Index(fields=["simd_quintile"]), models.Index(fields=["simd_decile"])]

    def __str__(self) -> str:
        return f"{self.code} {self.name}".strip()


class Postcode(models.Model):
    """A postcode unit, stored normalised ("EH1 1AB"), with where it is and which areas hold it."""

    postcode = models.CharField(_("postcode"), max_length=8, primary_key=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    data_zone = models.ForeignKey(DataZone, null=True, blank=True, on_delete=models.SET_NULL)
    council_area = models.ForeignKey(CouncilArea, null=True, blank=True, on_delete=models.SET_NULL)
    health_board = models.ForeignKey(HealthBoard, null=True, blank=True, on_delete=models.SET_NULL)
    hscp = models.ForeignKey(HSCP, null=True, blank=True, on_delete=models.SET_NULL)
    terminated = models.CharField(
        _("terminated"), max_length=7, blank=True, help_text=_("YYYYMM when no longer in use")
    )

    class Meta:
        ordering = ["postcode"]

    def __str__(self) -> str:
        return self.postcode
