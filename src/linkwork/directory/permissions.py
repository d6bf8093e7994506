"""Who may change which directory records: moderators everything, editors their own."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from linkwork.core.permissions import community_organisation_ids, has_role
from linkwork.core.roles import Role
from linkwork.directory.models import Organization


def is_moderator(user: Any) -> bool:
    return has_role(user, Role.PROGRAMME_MANAGER)


def editable_organizations(user: Any) -> QuerySet[Organization]:
    if is_moderator(user):
        return Organization.objects.all()
    if not has_role(user, Role.COMMUNITY_EDITOR):
        return Organization.objects.none()
    return Organization.objects.filter(owner_id__in=community_organisation_ids(user))


def can_edit(user: Any, organization: Organization | None) -> bool:
    """An editor may change an organisation (and its services) their account owns."""
    if organization is None:
        return is_moderator(user)
    if is_moderator(user):
        return True
    return (
        has_role(user, Role.COMMUNITY_EDITOR)
        and organization.owner_id is not None
        and organization.owner_id in community_organisation_ids(user)
    )
