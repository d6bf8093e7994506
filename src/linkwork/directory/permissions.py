"""Who may change which directory records: moderators everything, editors their own."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from linkwork.core import policy
from linkwork.core.permissions import community_organisation_ids, has_role
from linkwork.core.roles import Role
from linkwork.directory.models import Organization
from linkwork.directory.policy import EDIT


def is_moderator(user: Any) -> bool:
    return has_role(user, Role.PROGRAMME_MANAGER)


def editable_organizations(user: Any) -> QuerySet[Organization]:
    if is_moderator(user):
        return Organization.objects.all()
    if not has_role(user, Role.COMMUNITY_EDITOR):
        return Organization.objects.none()
    return Organization.objects.filter(owner_id__in=community_organisation_ids(user))


def can_edit(user: Any, organization: Organization | None) -> bool:
    """An editor may change an organisation (and its services) their account owns; a moderator
    any (the ``directory.edit`` rule of the core policy). A record no organisation owns is the
    moderators' alone."""
    if organization is None:
        return is_moderator(user)
    return policy.can(user, EDIT, organization)
