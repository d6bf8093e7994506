"""Optimistic locking: an edit names the version it started from; if someone saved in
between, the edit is refused with EditConflict and the caller re-shows the user's input."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import F, Model
from django.utils.translation import gettext as _

M = TypeVar("M", bound=Model)


class EditConflict(Exception):
    """Someone else saved this record after the editor opened it."""

    def __init__(self, current: Model) -> None:
        self.current = current
        super().__init__(
            _(
                "Someone else changed this record while you were editing it. Your changes "
                "have not been saved yet: check their changes below, then save again."
            )
        )


def save_versioned(instance: M, *, expected_version: int | None, changes: dict[str, Any]) -> M:
    """Apply `changes` only if the row is still at `expected_version`; bump the version.

    Call inside a service (the write gate must be open) and a transaction.
    """
    model = type(instance)
    qs = model._default_manager.filter(pk=instance.pk)
    if expected_version is not None:
        qs = qs.filter(version=expected_version)
    updated = qs.update(**changes, version=F("version") + 1)
    if not updated:
        raise EditConflict(model._default_manager.get(pk=instance.pk))
    instance.refresh_from_db()
    return instance
