"""The referral-to-discharge state machine. Kept apart from the models so the rules can be
read (and tested) on their own: which status may follow which, and nothing else."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    TRIAGED = "triaged", _("Triaged")
    WAITING = "waiting", _("Waiting for a link worker")
    ALLOCATED = "allocated", _("Allocated")
    ACTIVE = "active", _("Active")
    CLOSED = "closed", _("Closed")
    DECLINED = "declined", _("Declined")
    UNABLE_TO_CONTACT = "unable_to_contact", _("Unable to contact")
    DID_NOT_ENGAGE = "did_not_engage", _("Did not engage")


S = CaseStatus
_ENDINGS = {S.DECLINED, S.UNABLE_TO_CONTACT}

TRANSITIONS: dict[str, frozenset[str]] = {
    S.RECEIVED: frozenset({S.TRIAGED, *_ENDINGS}),
    S.TRIAGED: frozenset({S.WAITING, S.ALLOCATED, *_ENDINGS}),
    S.WAITING: frozenset({S.ALLOCATED, S.DID_NOT_ENGAGE, *_ENDINGS}),
    S.ALLOCATED: frozenset({S.ACTIVE, S.WAITING, S.DID_NOT_ENGAGE, *_ENDINGS}),
    S.ACTIVE: frozenset({S.CLOSED, S.DID_NOT_ENGAGE}),
    S.CLOSED: frozenset(),
    S.DECLINED: frozenset(),
    S.UNABLE_TO_CONTACT: frozenset(),
    S.DID_NOT_ENGAGE: frozenset(),
}

#: Statuses a case ends in (a discharge message may be sent from each).
FINAL = frozenset(s for s, nxt in TRANSITIONS.items() if not nxt)
#: Statuses before a link worker has the case.
QUEUED = frozenset({S.RECEIVED, S.TRIAGED, S.WAITING})
OPEN = frozenset(TRANSITIONS) - FINAL


class IllegalTransition(ValueError):
    """That status cannot follow the current one."""


def allowed_next(status: str) -> frozenset[str]:
    return TRANSITIONS.get(status, frozenset())


def check_transition(current: str, new: str) -> None:
    if new not in allowed_next(current):
        raise IllegalTransition(
            _("A case that is “%(current)s” cannot become “%(new)s”.")
            % {"current": CaseStatus(current).label, "new": _label(new)}
        )


def _label(status: str) -> str:
    try:
        return str(CaseStatus(status).label)
    except ValueError:
        return status


#: FHIR Task.status for each case status (the closed loop the referrer sees).
FHIR_TASK_STATUS: dict[str, str] = {
    S.RECEIVED: "received",
    S.TRIAGED: "accepted",
    S.WAITING: "accepted",
    S.ALLOCATED: "accepted",
    S.ACTIVE: "in-progress",
    S.CLOSED: "completed",
    S.DECLINED: "rejected",
    S.UNABLE_TO_CONTACT: "failed",
    S.DID_NOT_ENGAGE: "failed",
}
