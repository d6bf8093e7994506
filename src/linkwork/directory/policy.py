"""Directory actions declared in the core policy (linkwork.core.policy), for the pages added
since the policy: the directory's older pages still check `directory.permissions.can_edit`
(NOT_YET_DECLARED in the permission matrix test). Translating a record is an edit: an
organisation's own editors, and programme managers (the directory's moderators)."""

from __future__ import annotations

from linkwork.core.policy import Rule, Scope, declare_urls, define, register_scope
from linkwork.core.roles import Role
from linkwork.directory.models import Organization, Service

TRANSLATE = "directory.translate_record"

register_scope(Organization, organisations=("owner_id",))
register_scope(Service, organisations=("organization__owner_id",))

define(
    TRANSLATE,
    Rule(Role.COMMUNITY_EDITOR, Scope.OWN_ORGANISATION),
    Rule(Role.PROGRAMME_MANAGER, Scope.ANY),
)

declare_urls(
    {
        "directory:edit_service_translations": TRANSLATE,
        "directory:edit_organisation_translations": TRANSLATE,
    }
)
