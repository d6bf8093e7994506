"""Places services happen: locations, their addresses and accessibility."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from linkwork.directory.models.base import HsdsModel, text


class Location(HsdsModel):
    """A physical, postal or virtual place where services are delivered."""

    class Type(models.TextChoices):
        PHYSICAL = "physical", _("Physical")
        POSTAL = "postal", _("Postal")
        VIRTUAL = "virtual", _("Virtual")

    location_type = models.CharField(_("type"), max_length=10, choices=Type.choices)
    url = models.CharField(_("URL"), max_length=1000, blank=True)
    organization = models.ForeignKey(
        "directory.Organization",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="locations",
    )
    name = models.CharField(_("name"), max_length=500, blank=True)
    alternate_name = text("alternate name")
    description = text("description")
    transportation = text("how to get there")
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    external_identifier = text("external identifier")
    external_identifier_type = text("external identifier type")

    def __str__(self) -> str:
        return self.name or str(self.id)


class ServiceAtLocation(HsdsModel):
    """That a service is delivered at a location (with details specific to that place)."""

    service = models.ForeignKey(
        "directory.Service",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="service_at_locations",
    )
    location = models.ForeignKey(
        Location,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="service_at_locations",
    )
    description = text("description")
    last_modified = models.DateTimeField(auto_now=True, db_index=True)


class Address(HsdsModel):
    """A location's street or postal address."""

    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="addresses"
    )
    attention = text("attention")
    address_1 = models.TextField(_("address line 1"))
    address_2 = text("address line 2")
    city = models.TextField(_("town or city"))
    region = text("region")
    state_province = models.TextField(_("council area or county"))
    postal_code = models.CharField(_("postcode"), max_length=50)
    country = models.CharField(_("country"), max_length=50)
    address_type = models.CharField(_("type"), max_length=10)

    def one_line(self) -> str:
        parts = [self.address_1, self.address_2, self.city, self.postal_code]
        return ", ".join(p for p in parts if p)


class Accessibility(HsdsModel):
    """An accessibility feature of a location (step-free access, hearing loop, ...)."""

    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="accessibility"
    )
    description = text("description")
    details = text("details")
    url = models.CharField(_("URL"), max_length=1000, blank=True)
    code = models.CharField(
        _("feature code"),
        max_length=40,
        blank=True,
        db_index=True,
        help_text=_("Linkwork's code for the feature, used by the accessibility filter."),
    )

    class Meta(HsdsModel.Meta):
        verbose_name_plural = "accessibility"
