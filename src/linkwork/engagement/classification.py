"""Personal-data classification of every field of every engagement model (levels as in
casework). Free-text answers may hold anything a person chose to say, so they are personal;
ethnicity and disability are special category, and so is the profile as a whole kept apart.
`tests/engagement/test_classification.py` fails when a field is added without an entry here."""

from __future__ import annotations

from linkwork.core.classification import Level, classify

P, S, N = Level.PERSONAL, Level.SPECIAL, Level.NOT_PERSONAL

_TEXT = {"id": N, "language": N, "text": N, "help_text": N, "choices": N}
CLASSIFICATION: dict[str, dict[str, Level]] = {
    "consultation": {
        "id": N, "organisation": N, "title": N, "slug": N, "summary": N, "consent_text": N,
        "privacy_notice": N, "opens_at": N, "closes_at": N, "anonymous": N, "ask_profile": N,
        "languages": N, "is_draft": N, "created_by": P, "created_at": N,
    },
    "consultationtranslation": {
        "id": N, "consultation": N, "language": N, "title": N, "summary": N, "consent_text": N,
        "privacy_notice": N,
    },
    "question": {
        "id": N, "consultation": N, "position": N, "kind": N, "text": N, "help_text": N,
        "required": N, "choices": N, "scale_min": N, "scale_max": N, "scale_min_label": N,
        "scale_max_label": N, "symbol": N,
    },
    "questiontranslation": {
        **_TEXT, "question": N, "scale_min_label": N, "scale_max_label": N,
    },
    "event": {"id": N, "consultation": N, "name": N, "held_on": N},
    "response": {
        "id": N, "consultation": N, "status": N, "source": N, "language": P,
        "resume_token_hash": N, "started_at": P, "submitted_at": P, "consented": P,
        "respondent_name": P, "respondent_email": P, "event": N, "breakout_group": N,
    },
    "respondentprofile": {
        "id": N, "response": P, "council_area": P, "age_band": P, "ethnicity": S,
        "disability": S, "carer": P,
    },
    "answer": {"id": N, "response": P, "question": N, "text": P, "choices": P, "scale_value": P},
    "themerun": {
        "id": N, "question": N, "created_at": N, "created_by": P, "seed": N,
        "requested_themes": N, "chosen_themes": N, "silhouette": N, "confidence": N,
        "confidence_note": N, "model_name": N,
    },
    "theme": {
        "id": N, "run": N, "machine_label": N, "machine_keywords": N, "label": N,
        "merged_into": N, "split_from": N, "reviewed_by": P,
    },
    "themeassignment": {
        "id": N, "run": N, "answer": P, "machine_theme": N, "theme": N, "secondary_theme": N,
        "representative": N, "publish_quote": N, "moved_by": P,
    },
    "story": {
        "id": N, "organisation": N, "title": N, "slug": N, "summary": N, "body": N, "place": N,
        "themes": N, "tags": N, "status": N, "created_by": P, "reviewed_by": P,
        "published_at": N, "shared_by_public": N, "contributor_name": P,
        "contributor_email": P, "consent_to_publish": P, "consent_others": P,
        "submitted_at": P, "review_note": N,
    },
    # A hash of an address and a form for a few minutes: pseudonymous, so personal.
    "ratecount": {"id": N, "key": P, "window": N, "count": N},
}  # fmt: skip

classify("engagement", CLASSIFICATION)
