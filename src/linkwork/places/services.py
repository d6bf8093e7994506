"""Writes to the places tables. Places data is public reference data: no audit entries."""

from __future__ import annotations

from linkwork.places.loading.load import LoadSummary, load_places

__all__ = ["LoadSummary", "load_places"]
