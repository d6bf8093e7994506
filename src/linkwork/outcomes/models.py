"""Models of the outcomes app.

Instrument definitions are data files, not rows (see `definitions.py`). The database holds what
changes per deployment: licensed wording an organisation loads, and (with casework) the
administrations of instruments to people.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class InstrumentText(models.Model):
    """The licensed wording of an instrument (items, answers, instructions) that this
    organisation holds a licence or registration for, loaded with `linkwork load-instrument-text`.
    Not personal data."""

    instrument = models.CharField(_("instrument"), max_length=40)
    language = models.CharField(_("language"), max_length=16, default="en-GB")
    licence_reference = models.CharField(_("licence or registration reference"), max_length=200)
    instructions = models.TextField(_("instructions"), blank=True)
    #: [{"number": 1, "text": "...", "options": ["label of the first printed answer", ...]}]
    items = models.JSONField(_("items"))
    loaded_at = models.DateTimeField(_("loaded at"), auto_now=True)

    class Meta:
        verbose_name = _("instrument wording")
        verbose_name_plural = _("instrument wording")
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "language"], name="outcomes_text_one_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.instrument} ({self.language})"

    def item(self, number: int) -> dict:
        return self.items[number - 1]
