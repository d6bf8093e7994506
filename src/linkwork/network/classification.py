"""Personal-data classification of the network's models (the registry is core.classification).
Members are staff: their profiles and posts are personal data about them. Posts and uploaded
files are special category because, despite the warning before posting, someone may still
write about a person they support; moderators act on flagged posts."""

from __future__ import annotations

from linkwork.core.classification import classify, levels

classify(
    "network",
    {
        "memberprofile": levels(
            personal="user listed visibility display_name job_role organisation_name area "
            "practices specialisms languages ask_me_about digest last_digest_at updated_at",
            not_personal="id feed_token",
        ),
        "casestudylink": levels(
            personal="added_by", not_personal="id title url story summary created_at"
        ),
        "resource": levels(
            personal="owner",
            not_personal="id kind title summary audience section tags url status review_date "
            "download_count search_text created_at updated_at published_at",
        ),
        "resourceversion": levels(
            personal="uploaded_by uploaded_at",
            special="extracted_text",
            not_personal="id resource number stored_path original_name file_type content_type "
            "size sha256 note download_count",
        ),
        "event": levels(
            personal="organiser",
            not_personal="id title description format location online_url starts_at ends_at "
            "capacity feedback_consultation created_at",
        ),
        "registration": levels(
            personal="user status queued_at attended reminded_at", not_personal="id event"
        ),
        "topic": levels(
            personal="author title", not_personal="id created_at last_activity_at locked hidden"
        ),
        "post": levels(
            personal="author created_at",
            special="body",
            not_personal="id topic hidden flagged_kinds flagged flag_resolved",
        ),
    },
)
