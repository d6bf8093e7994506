"""What every HSDS record has: a UUID id, a place in its list, and the properties we keep."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class HsdsModel(models.Model):
    """An HSDS 3.0 object. Ids are UUIDs, as the standard requires.

    `extra` holds properties of the imported document that we do not model (profile
    extensions, rare fields), so export gives back what import was given.
    `position` keeps the order the object had in its parent's list.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    extra = models.JSONField(_("other HSDS properties"), default=dict, blank=True)
    position = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        abstract = True
        ordering = ["position", "id"]


def text(verbose: str, **kwargs: object) -> models.TextField:
    """An optional HSDS text property (blank when absent)."""
    return models.TextField(_(verbose), blank=True, **kwargs)  # type: ignore[arg-type]


def number(verbose: str) -> models.FloatField:
    """An optional HSDS number property."""
    return models.FloatField(_(verbose), null=True, blank=True)
