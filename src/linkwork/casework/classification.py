"""Personal-data classification of every field of every casework model.

- PERSONAL: identifies or is about a living person (UK GDPR art. 4).
- SPECIAL: special category data (art. 9: health, ethnicity, sex life...) or data that needs
  the same care here (safeguarding, free-text notes of health conversations).
- NOT_PERSONAL: ids, codes, timestamps of system events, counters.

`tests/casework/test_classification.py` fails when a field is added without an entry here, so
the classification cannot fall behind the models. Staff user links (recorded_by...) are the
staff member's personal data; they are PERSONAL.
"""

from __future__ import annotations

from enum import StrEnum


class Level(StrEnum):
    PERSONAL = "personal"
    SPECIAL = "special category"
    NOT_PERSONAL = "not personal"


P, S, N = Level.PERSONAL, Level.SPECIAL, Level.NOT_PERSONAL

CLASSIFICATION: dict[str, dict[str, Level]] = {
    "person": {
        "id": N,
        "chi": P,
        "given_name": P,
        "family_name": P,
        "preferred_name": P,
        "date_of_birth": P,
        "sex": S,
        "gender": S,
        "pronouns": S,
        "phone": P,
        "mobile": P,
        "email": P,
        "address": P,
        "postcode": P,
        "contact_methods": P,
        "safe_to_leave_message": S,
        "contact_notes": P,
        "preferred_language": P,
        "interpreter_needed": P,
        "communication_needs": S,
        "data_zone": P,
        "simd_decile": P,
        "simd_quintile": P,
        "simd_version": N,
        "gp_practice": P,
        "ethnicity": S,
        "disability": S,
        "carer": P,
        "armed_forces": P,
        "merged_into": N,
        "version": N,
        "created_at": N,
        "updated_at": N,
    },
    "householdlink": {
        "id": N,
        "person": P,
        "related_person": P,
        "relationship": P,
        "lives_with": P,
        "created_at": N,
    },
    "consent": {
        "id": N,
        "person": P,
        "purpose": P,
        "partner": P,
        "decision": P,
        "decided_on": P,
        "recorded_by": P,
        "recorded_at": N,
        "note": P,
    },
    "referral": {
        "id": N,
        "person": P,
        "source": P,
        "referring_organisation": P,
        "referred_by": P,
        "referrer_name": P,
        "referrer_role": P,
        "referrer_contact": P,
        "reasons": S,
        "reason_detail": S,
        "person_agreed": P,
        "received_at": P,
        "external_id": P,
    },
    "case": {
        "id": N,
        "referral": N,
        "person": P,
        "practice": P,
        "status": P,
        "status_changed_at": P,
        "link_worker": P,
        "allocated_at": P,
        "next_follow_up": P,
        "opened_at": P,
        "closed_at": P,
        "version": N,
    },
    "statuschange": {
        "id": N,
        "case": N,
        "from_status": P,
        "to_status": P,
        "at": P,
        "by": P,
        "note": P,
    },
    "encounter": {
        "id": N,
        "case": N,
        "occurred_at": P,
        "mode": P,
        "duration_minutes": P,
        "attendance": P,
        "notes": S,
        "recorded_by": P,
        "reminder_sent_at": P,
        "created_at": N,
        "version": N,
    },
    "whatmatters": {
        "id": N,
        "case": N,
        "held_on": P,
        "text": S,
        "domains": S,
        "recorded_by": P,
        "created_at": N,
    },
    "goal": {
        "id": N,
        "case": N,
        "what": S,
        "why": S,
        "target_date": P,
        "status": P,
        "created_by": P,
        "created_at": N,
        "version": N,
    },
    "goalprogress": {
        "id": N,
        "goal": N,
        "rated_on": P,
        "rating": S,
        "note": S,
        "recorded_by": P,
    },
    "safeguardingconcern": {
        "id": N,
        "person": S,
        "case": N,
        "kind": S,
        "source": S,
        "detail_code": S,
        "description": S,
        "action_taken": S,
        "who_told": S,
        "told_at": S,
        "raised_by": P,
        "raised_at": S,
        "status": S,
        "closed_at": S,
        "held_open_reason": S,
        "held_by": S,
        "held_open_at": S,
        "version": N,
    },
    "discharge": {
        "id": N,
        "case": N,
        "reason": S,
        "summary": S,
        "discharged_on": P,
        "discharged_by": P,
        "created_at": N,
    },
    "servicelink": {
        "id": N,
        "case": N,
        "service": P,
        "kind": P,
        "status": P,
        "receiving_organisation": P,
        "note_to_organisation": S,
        "shared_fields": N,
        "response_reason": P,
        "first_attended_on": P,
        "sent_at": P,
        "responded_at": P,
        "created_by": P,
        "created_at": N,
        "updated_at": N,
        "version": N,
    },
    "servicelinkchange": {
        "id": N,
        "link": N,
        "from_status": P,
        "to_status": P,
        "at": P,
        "by": P,
        "reason": P,
    },
}


def level(model_name: str, field_name: str) -> Level:
    return CLASSIFICATION[model_name.lower()][field_name]


def fields_at(level_: Level) -> list[str]:
    return sorted(
        f"{m}.{f}"
        for m, fields in CLASSIFICATION.items()
        for f, lv in fields.items()
        if lv == level_
    )
