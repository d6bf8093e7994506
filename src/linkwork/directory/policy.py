"""Who may do what in the service directory: declared in the core policy (linkwork.core.policy).

- The public directory (search, a service's or organisation's page, My list, the widget,
  reporting a problem) is for everyone, signed in or not: ``directory.view_public``.
- Editors of a community organisation change the directory records their organisation owns
  (``Organization.owner``), through moderation; moderators (programme managers, and admins)
  change any record and apply changes at once: ``directory.edit``. Another organisation's
  editor gets 403 (``directory.permissions.can_edit``, the object check of this rule).
- A community editor may claim an unowned organisation for theirs: ``directory.claim``.
- Moderation (the queue, changes, claims, duplicates) is for moderators: ``directory.moderate``;
  a problem report is resolved by the owning organisation's editors or a moderator:
  ``directory.resolve_problem``.
- Translating a record's name and description is an edit: ``directory.translate_record``,
  the organisation's own editors and the moderators.
"""

from __future__ import annotations

from linkwork.core.policy import Rule, Scope, declare_urls, define, register_scope
from linkwork.core.roles import PUBLIC, Role
from linkwork.directory.models import Organization, ProblemReport, Service

VIEW_PUBLIC = "directory.view_public"
EDIT = "directory.edit"
CLAIM = "directory.claim"
MODERATE = "directory.moderate"
RESOLVE_PROBLEM = "directory.resolve_problem"
TRANSLATE = "directory.translate_record"

register_scope(Organization, organisations=("owner_id",))
register_scope(Service, organisations=("organization__owner_id",))
register_scope(ProblemReport, organisations=("organization__owner_id",))

define(VIEW_PUBLIC, Rule(PUBLIC))
define(
    EDIT,
    Rule(Role.COMMUNITY_EDITOR, Scope.OWN_ORGANISATION),
    Rule(Role.PROGRAMME_MANAGER),
)
define(
    TRANSLATE,
    Rule(Role.COMMUNITY_EDITOR, Scope.OWN_ORGANISATION),
    Rule(Role.PROGRAMME_MANAGER),
)
define(CLAIM, Rule(Role.COMMUNITY_EDITOR))
define(MODERATE, Rule(Role.PROGRAMME_MANAGER))
define(
    RESOLVE_PROBLEM,
    Rule(Role.COMMUNITY_EDITOR, Scope.OWN_ORGANISATION),
    Rule(Role.PROGRAMME_MANAGER),
)

PUBLIC_PAGES = (
    "search",
    "service",
    "organisation",
    "report_problem",
    "my_list",
    "my_list_add",
    "my_list_remove",
    "my_list_print",
    "my_list_pdf",
    "my_list_share",
    "my_list_shared",
    "my_list_shared_done",
    "widget",
    "widget_builder",
)
EDITOR_PAGES = (
    "editor_dashboard",
    "edit_organisation",
    "new_service",
    "edit_service",
    "edit_times",
    "edit_location",
    "edit_contacts",
    "confirm_accurate",
    "history",
)
MODERATOR_PAGES = ("moderation_queue", "review_change", "review_claim", "review_duplicate")

declare_urls(
    {
        **{f"directory:{name}": VIEW_PUBLIC for name in PUBLIC_PAGES},
        **{f"directory:{name}": EDIT for name in EDITOR_PAGES},
        **{f"directory:{name}": MODERATE for name in MODERATOR_PAGES},
        "directory:edit_service_translations": TRANSLATE,
        "directory:edit_organisation_translations": TRANSLATE,
        "directory:claim": CLAIM,
        "directory:resolve_problem": RESOLVE_PROBLEM,
        "PATCH /api/v1/directory/services/{service_id}": EDIT,
        "PATCH /api/v1/directory/organizations/{organization_id}": EDIT,
    }
)
