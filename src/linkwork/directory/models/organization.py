"""Organisations that provide services, with their identifiers, programmes and funding."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from linkwork.directory.models.base import HsdsModel, number, text


class Organization(HsdsModel):
    """A charity, public body, business or group that provides services to people.

    `owner` is the Linkwork account (a community organisation) whose editors may change it,
    set when a moderator approves the organisation's claim.
    """

    name = models.CharField(_("name"), max_length=500)
    alternate_name = text("alternate name")
    description = text("description")
    email = models.CharField(_("email"), max_length=254, blank=True)
    website = models.CharField(_("website"), max_length=1000, blank=True)
    tax_status = text("tax status")
    tax_id = text("tax id")
    year_incorporated = number("year incorporated")
    legal_status = text("legal status")
    logo = text("logo")
    uri = models.CharField(_("URI"), max_length=1000, blank=True)
    parent_organization = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    owner = models.ForeignKey(
        "core.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directory_organizations",
        verbose_name=_("owning account"),
    )
    last_reviewed_at = models.DateTimeField(_("last checked"), null=True, blank=True)
    last_reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_modified = models.DateTimeField(_("last modified"), auto_now=True, db_index=True)

    class Meta(HsdsModel.Meta):
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["name"])]

    def __str__(self) -> str:
        return self.name


class OrganizationIdentifier(HsdsModel):
    """A registered identifier of an organisation (e.g. a Scottish charity number)."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="organization_identifiers"
    )
    identifier_scheme = text("identifier scheme")
    identifier_type = models.TextField(_("identifier type"))
    identifier = models.TextField(_("identifier"))


class Program(HsdsModel):
    """A named programme of services run by an organisation."""

    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="programs"
    )
    name = models.CharField(_("name"), max_length=500)
    alternate_name = text("alternate name")
    description = text("description")

    def __str__(self) -> str:
        return self.name


class Funding(HsdsModel):
    """Where an organisation's or service's money comes from."""

    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="funding"
    )
    service = models.ForeignKey(
        "directory.Service", null=True, blank=True, on_delete=models.CASCADE, related_name="funding"
    )
    source = text("source")
