"""Personal-data classification of every field of every outcomes model (same levels as
casework). Questionnaire answers and scores are health data: special category.
`tests/core/test_classification.py` fails when a field is added without an entry here."""

from __future__ import annotations

from linkwork.core.classification import Level, classify

P, S, N = Level.PERSONAL, Level.SPECIAL, Level.NOT_PERSONAL

CLASSIFICATION: dict[str, dict[str, Level]] = {
    "instrumenttext": {
        "id": N,
        "instrument": N,
        "language": N,
        "licence_reference": N,
        "instructions": N,
        "items": N,
        "loaded_at": N,
    },
    "administration": {
        "id": N,
        "person": P,
        "case": P,
        "instrument": S,
        "time_point": S,
        "follow_up_months": S,
        "answers": S,
        "result": S,
        "valid": S,
        "completed_via": P,
        "administered_by": P,
        "administered_at": P,
        "created_at": N,
    },
    "selfcompletionlink": {
        "id": N,
        "token_hash": N,
        "person": P,
        "case": P,
        "instrument": S,
        "time_point": S,
        "follow_up_months": S,
        "created_by": P,
        "created_at": N,
        "expires_at": N,
        "used_at": N,
        "administration": P,
    },
}

classify("outcomes", CLASSIFICATION)
