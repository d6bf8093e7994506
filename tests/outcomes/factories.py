"""Outcomes test data: people and cases come from casework's factories."""

from __future__ import annotations

from typing import Any

from linkwork.casework.guards import service_writes
from linkwork.outcomes import services
from linkwork.outcomes.models import Administration
from tests.casework.factories import CaseFactory, PersonFactory, PracticeFactory  # noqa: F401


def record(person: Any, instrument: str, answers: list, time_point: str = "baseline",
           **kwargs: Any) -> Administration:  # fmt: skip
    """An administration made through the real service (scored, audited), by a link worker
    of the person's practice unless another actor is given."""
    if kwargs.get("actor") is None:
        from linkwork.core.roles import Role
        from tests.core.factories import make_user

        kwargs["actor"] = make_user(Role.LINK_WORKER, organisations=(person.gp_practice,))
    with service_writes():
        return services.administer(
            person=person, instrument=instrument, answers=answers, time_point=time_point, **kwargs
        )
