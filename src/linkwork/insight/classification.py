"""Personal-data classification of insight's models (the registry is core.classification).
Approvals and extracts name the analyst (staff: personal); the extract's rows are held in the
file the analyst took, never here."""

from __future__ import annotations

from linkwork.core.classification import classify, levels

classify(
    "insight",
    {
        "programme": levels(not_personal="id name kind code postcode programme created_at"),
        "extractapproval": levels(
            personal="analyst granted_by granted_at revoked_at",
            not_personal="id programme approval_reference purpose expires_on",
        ),
        "researchextract": levels(
            personal="analyst taken_at",
            not_personal="id approval purpose period_start period_end rows",
        ),
    },
)
