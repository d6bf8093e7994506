"""The roles people hold in Linkwork. Each is a Django group created by a data migration."""

from __future__ import annotations

from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class Role(StrEnum):
    COMMUNITY_EDITOR = "community_editor"
    LINK_WORKER = "link_worker"
    PRACTICE_STAFF = "practice_staff"
    PROGRAMME_MANAGER = "programme_manager"
    ANALYST = "analyst"
    DPO = "dpo"
    ADMIN = "admin"


#: `public` is anyone not logged in: it is not a group.
PUBLIC = "public"

ROLE_LABELS = {
    Role.COMMUNITY_EDITOR: _("Community organisation editor"),
    Role.LINK_WORKER: _("Link worker"),
    Role.PRACTICE_STAFF: _("GP practice staff"),
    Role.PROGRAMME_MANAGER: _("Programme manager"),
    Role.ANALYST: _("Analyst"),
    Role.DPO: _("Data protection officer"),
    Role.ADMIN: _("Administrator"),
}

#: Fixed demo account per role (printed by `linkwork demo`).
DEMO_USERNAMES = {
    Role.LINK_WORKER: "demo-link-worker",
    Role.PRACTICE_STAFF: "demo-practice",
    Role.COMMUNITY_EDITOR: "demo-editor",
    Role.PROGRAMME_MANAGER: "demo-manager",
    Role.ANALYST: "demo-analyst",
    Role.DPO: "demo-dpo",
    Role.ADMIN: "demo-admin",
}


def ensure_role_groups() -> None:
    """Create any missing role group (the data migration makes them; this repairs a database
    whose groups were removed, e.g. by a flush)."""
    from django.contrib.auth.models import Group

    for role in Role:
        Group.objects.get_or_create(name=role.value)
