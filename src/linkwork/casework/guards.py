"""Writes to personal data go through services: the wrong path (`Model.objects.create()` in a
view, `instance.save()` from a template tag) raises instead of silently writing.

Services run inside `service_writes()`; everything else is refused. Tests build data through
factories that open the same gate, so the guard stays on in every test of a view.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from django.db import models

_allowed: contextvars.ContextVar[int] = contextvars.ContextVar("casework_writes", default=0)

F = TypeVar("F", bound=Callable[..., Any])


class WriteOutsideServices(PermissionError):
    """Personal data was written without going through linkwork.casework.services."""


@contextlib.contextmanager
def service_writes() -> Iterator[None]:
    token = _allowed.set(_allowed.get() + 1)
    try:
        yield
    finally:
        _allowed.reset(token)


def service(func: F) -> F:
    """Decorator for service functions: opens the write gate for the call."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with service_writes():
            return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def _check(model: type[models.Model] | models.Model) -> None:
    if _allowed.get() <= 0:
        name = model._meta.label
        raise WriteOutsideServices(
            f"{name} holds personal data: write it through linkwork.casework.services, "
            "not with .save()/.create() directly."
        )


class GuardedQuerySet(models.QuerySet):
    def bulk_create(self, objs: Any, *args: Any, **kwargs: Any) -> Any:
        _check(self.model)
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs: Any, *args: Any, **kwargs: Any) -> Any:
        _check(self.model)
        return super().bulk_update(objs, *args, **kwargs)

    def update(self, **kwargs: Any) -> int:
        _check(self.model)
        return super().update(**kwargs)

    def delete(self) -> Any:
        _check(self.model)
        return super().delete()


class GuardedModel(models.Model):
    """Base for every casework model: saves and deletes only from services."""

    objects = GuardedQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        _check(self)
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        _check(self)
        return super().delete(*args, **kwargs)
