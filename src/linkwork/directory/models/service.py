"""Services: what people can go to, who may use them, where, what they cost."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from linkwork.directory.models.base import HsdsModel, number, text


class Service(HsdsModel):
    """Something an organisation offers people: a walking group, debt advice, a food larder.

    Public data. HSDS 3.0 properties plus Linkwork's: how it is delivered, how to get in,
    who owns the record, when it was last checked and by whom, and a copy of its first
    location's coordinates so place search needs no join.
    """

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        INACTIVE = "inactive", _("Inactive")
        DEFUNCT = "defunct", _("Defunct (closed for good)")
        TEMPORARILY_CLOSED = "temporarily closed", _("Temporarily closed")

    class Access(models.TextChoices):
        SELF_REFERRAL = "self_referral", _("Contact them yourself")
        REFERRAL_NEEDED = "referral_needed", _("You need a referral")
        DROP_IN = "drop_in", _("Drop in")

    organization = models.ForeignKey(
        "directory.Organization",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="services",
        verbose_name=_("organisation"),
    )
    program = models.ForeignKey(
        "directory.Program",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="services",
    )
    name = models.CharField(_("name"), max_length=500)
    alternate_name = text("alternate name")
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    description = text("description")
    url = models.CharField(_("website"), max_length=1000, blank=True)
    email = models.CharField(_("email"), max_length=254, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE, db_index=True
    )
    interpretation_services = text("interpretation services")
    application_process = text("how to access")
    fees_description = text("fees")
    wait_time = text("wait time")
    fees = text("fees (old property)")
    accreditations = text("accreditations")
    eligibility_description = text("who it is for")
    minimum_age = number("minimum age")
    maximum_age = number("maximum age")
    assured_date = models.CharField(_("assured date"), max_length=100, blank=True)
    assurer_email = models.CharField(_("assurer email"), max_length=254, blank=True)
    licenses = text("licences")
    alert = text("alert")
    # Linkwork additions
    access = models.CharField(_("how to access"), max_length=20, choices=Access.choices, blank=True)
    delivery_in_person = models.BooleanField(_("in person"), default=True)
    delivery_phone = models.BooleanField(_("by phone"), default=False)
    delivery_online = models.BooleanField(_("online"), default=False)
    delivery_home_visit = models.BooleanField(_("home visits"), default=False)
    is_free = models.BooleanField(_("free of charge"), null=True, blank=True)
    owner = models.ForeignKey(
        "core.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directory_services",
        verbose_name=_("owning account"),
    )
    categories = models.ManyToManyField(
        "directory.TaxonomyTerm", blank=True, related_name="services", verbose_name=_("categories")
    )
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    postcode = models.CharField(_("postcode"), max_length=8, blank=True)
    last_reviewed_at = models.DateTimeField(_("last checked"), null=True, blank=True)
    last_reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_modified = models.DateTimeField(_("last modified"), auto_now=True, db_index=True)

    DELIVERY_MODES = ("in_person", "phone", "online", "home_visit")

    class Meta(HsdsModel.Meta):
        ordering = ["name", "id"]
        indexes = [
            models.Index(fields=["latitude", "longitude"], name="directory_service_latlon"),
            models.Index(fields=["status", "name"]),
            models.Index(fields=["organization", "status"]),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def delivery_modes(self) -> list[str]:
        return [m for m in self.DELIVERY_MODES if getattr(self, f"delivery_{m}")]


class ServiceArea(HsdsModel):
    """Where a service's users may live: a council area, HSCP, health board or all Scotland.

    `gss_code` is the area's official code (S12..., S37..., S08...) or "S92000003" for the
    whole of Scotland; `extent` may hold a GeoJSON shape from an import.
    """

    class Kind(models.TextChoices):
        COUNCIL_AREA = "council_area", _("Council area")
        HSCP = "hscp", _("Health and social care partnership")
        HEALTH_BOARD = "health_board", _("Health board")
        SCOTLAND = "scotland", _("All of Scotland")
        OTHER = "other", _("Other")

    SCOTLAND_CODE = "S92000003"

    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="service_areas"
    )
    name = text("name")
    description = text("description")
    extent = text("extent")
    extent_type = text("extent type")
    uri = text("URI")
    gss_code = models.CharField(_("area code"), max_length=9, blank=True, db_index=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, blank=True)


class CostOption(HsdsModel):
    """What a service costs (amount 0 means free)."""

    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="cost_options"
    )
    valid_from = models.CharField(max_length=100, blank=True)
    valid_to = models.CharField(max_length=100, blank=True)
    option = text("option")
    currency = models.CharField(_("currency"), max_length=20, blank=True)
    amount = number("amount")
    amount_description = text("amount description")


class RequiredDocument(HsdsModel):
    """A document a person must bring to use a service."""

    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="required_documents"
    )
    document = text("document")
    uri = models.CharField(_("URI"), max_length=1000, blank=True)
