"""Member profiles and network settings."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from linkwork.core import audit
from linkwork.core import policy as core_policy
from linkwork.core.models import User
from linkwork.network import policy
from linkwork.network.models import MemberProfile, new_feed_token

PROFILE_FIELDS = (
    "listed",
    "visibility",
    "display_name",
    "job_role",
    "organisation_name",
    "area",
    "practices",
    "specialisms",
    "languages",
    "ask_me_about",
    "digest",
)


def profile_for(user: User) -> MemberProfile:
    """The member's profile, made (unlisted) the first time they come to the network."""
    profile, _ = MemberProfile.objects.get_or_create(user=user)
    return profile


@transaction.atomic
def update_profile(*, actor: User, profile: MemberProfile, data: dict[str, Any]) -> MemberProfile:
    core_policy.check(actor, policy.EDIT_PROFILE, profile)
    before = {f: getattr(profile, f) for f in PROFILE_FIELDS}
    for field in PROFILE_FIELDS:
        if field in data:
            setattr(profile, field, data[field])
    profile.full_clean()
    profile.save()
    after = {f: getattr(profile, f) for f in PROFILE_FIELDS}
    audit.record(
        audit.Action.UPDATE,
        profile,
        actor=actor,
        detail={"fields": audit.changed_fields(before, after)},
    )
    return profile


@transaction.atomic
def renew_feed_token(*, actor: User, profile: MemberProfile) -> MemberProfile:
    """A new calendar feed address; the old one stops working (if it was shared by mistake)."""
    core_policy.check(actor, policy.EDIT_PROFILE, profile)
    profile.feed_token = new_feed_token()
    profile.save(update_fields=["feed_token"])
    audit.record(audit.Action.UPDATE, profile, actor=actor, detail={"fields": ["feed_token"]})
    return profile
