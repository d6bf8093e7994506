"""What the message back to the GP says beyond the discharge record itself: the person's
outcome scores (first and last, with the change), safeguarding concerns still open, and how
to reach the sender. Filled in automatically so no letter goes out without them."""

from __future__ import annotations

from typing import Any

from linkwork.casework.models import Discharge, SafeguardingConcern
from linkwork.outcomes.letter import first_and_last


def sender(discharge: Discharge) -> dict[str, str]:
    """Who wrote the letter and how to reach them (the practice they work in)."""
    user = discharge.discharged_by or discharge.case.link_worker
    case = discharge.case
    return {
        "name": (user.get_full_name() or user.get_username()) if user else "",
        "email": user.email if user else "",
        "role": "link_worker",
        "practice": case.practice.name,
    }


def letter_extras(discharge: Discharge) -> dict[str, Any]:
    case = discharge.case
    return {
        "scores": first_and_last(case.pk),
        "sender": sender(discharge),
        "open_concerns": list(
            SafeguardingConcern.objects.filter(
                person_id=case.person_id, status=SafeguardingConcern.Status.OPEN
            ).order_by("raised_at")
        ),
    }
