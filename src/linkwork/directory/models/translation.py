"""A service's or organisation's name and description written in another language.

HSDS 3.0 has one text per field; Linkwork keeps translations beside the record so that a
person reading Polish sees the Polish description first and search finds the translated
words. Translations are public data, written by the organisation's editors.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentTranslation(models.Model):
    """One language's version of a service's or an organisation's name and description.

    Exactly one of `service` and `organization` is set. `language` is a lower-case BCP 47
    tag as Django uses it (`pl`, `gd`, `ar`, `zh-hans`, `uk`).
    """

    service = models.ForeignKey(
        "directory.Service",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="translations",
    )
    organization = models.ForeignKey(
        "directory.Organization",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="translations",
    )
    language = models.CharField(_("language"), max_length=20)
    name = models.CharField(_("name"), max_length=500, blank=True)
    description = models.TextField(_("description"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["language"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(service__isnull=False, organization__isnull=True)
                    | models.Q(service__isnull=True, organization__isnull=False)
                ),
                name="translation_of_one_record",
            ),
            models.UniqueConstraint(
                fields=["service", "language"],
                condition=models.Q(service__isnull=False),
                name="one_translation_per_service_language",
            ),
            models.UniqueConstraint(
                fields=["organization", "language"],
                condition=models.Q(organization__isnull=False),
                name="one_translation_per_organization_language",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.language}: {self.name}"
