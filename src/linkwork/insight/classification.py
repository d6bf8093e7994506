"""Personal-data classification of insight's models (the registry is core.classification).
Approvals and extracts name the analyst (staff: personal); the extract's rows are held in the
file the analyst took, never here. The kept facts (decision 0014) are about each case: keyed
by case and person, with health and ethnicity among what they count, so special category, like
the casework rows they are built from."""

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
        "casefact": levels(
            special="case person_id received_at source reasons status data_zone hscp "
            "council_area intermediate_zone simd_quintile simd_decile sex ethnicity disability "
            "age contacts dnas wait discharge_reason engaged links_signposted links_supported "
            "links_accompanied links_sent links_accepted links_attended links_attending",
            personal="link_worker",
            not_personal="programme practice",
        ),
        "casecode": levels(special="case code", not_personal="id kind"),
        "outcomefact": levels(special="case baseline followup", not_personal="id instrument"),
        "factchange": levels(personal="case_id referral_id person_id", not_personal="id"),
        "keptstate": levels(not_personal="id built refreshed_at seconds"),
    },
)
