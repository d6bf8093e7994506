"""Taxonomies (ours and others'), their terms, and HSDS attributes and change metadata."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from linkwork.directory.models.base import HsdsModel, text


class Taxonomy(HsdsModel):
    """A published list of categories (Linkwork's wellbeing needs, ALISS, Open Eligibility...)."""

    name = models.CharField(_("name"), max_length=200)
    description = text("description")
    uri = models.CharField(_("URI"), max_length=1000, blank=True)
    version = models.CharField(_("version"), max_length=50, blank=True)
    is_default = models.BooleanField(
        _("Linkwork's own"), default=False, help_text=_("The taxonomy search filters use.")
    )

    class Meta(HsdsModel.Meta):
        verbose_name_plural = "taxonomies"
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class TaxonomyTerm(HsdsModel):
    """A category in a taxonomy. Terms of other taxonomies point at ours with `maps_to`."""

    taxonomy_ref = models.ForeignKey(
        Taxonomy,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="terms",
        db_column="taxonomy_id",
    )
    code = models.CharField(_("code"), max_length=200, blank=True, db_index=True)
    name = models.CharField(_("name"), max_length=500)
    description = text("description")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    taxonomy = models.CharField(_("taxonomy name"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=20, blank=True)
    term_uri = models.CharField(_("term URI"), max_length=1000, blank=True)
    synonyms = models.JSONField(_("synonyms"), default=list, blank=True)
    maps_to = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mapped_from",
        verbose_name=_("Linkwork category"),
    )

    class Meta(HsdsModel.Meta):
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class Attribute(HsdsModel):
    """That a record (service, location, ...) is tagged with a taxonomy term or a value.

    HSDS links any table this way: `link_id` is the record's id, `link_entity` its table.
    """

    link_id = models.UUIDField(null=True, blank=True, db_index=True)
    taxonomy_term = models.ForeignKey(
        TaxonomyTerm, null=True, blank=True, on_delete=models.CASCADE, related_name="attributes"
    )
    link_type = text("link type")
    link_entity = models.CharField(max_length=50, blank=True)
    value = text("value")


class Metadata(HsdsModel):
    """HSDS change metadata carried with a record (kept as imported, exported back)."""

    resource_id = models.UUIDField(null=True, blank=True, db_index=True)
    resource_type = models.CharField(max_length=50, blank=True)
    last_action_date = models.CharField(max_length=100)
    last_action_type = models.TextField()
    field_name = models.TextField()
    previous_value = models.TextField()
    replacement_value = models.TextField()
    updated_by = models.TextField()

    class Meta(HsdsModel.Meta):
        verbose_name_plural = "metadata"
