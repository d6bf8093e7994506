"""Who may do what in network: declared in the core policy (linkwork.core.policy).

Members of the network are the signed-in staff roles (link workers, practice staff, community
organisation editors, programme managers, analysts and data protection officers; admins hold
every role). Moderators are programme managers (and admins): they already moderate the service
directory, and a role is audited and removed with the account, where a separate flag would be
one more thing to forget. Nothing of the network is public.

Network content (resources, events, discussions) is national: every member sees it, so its
rules use ``Scope.ANY``. Profiles are the exception: who sees one is the member's own choice
(everyone / my programme / nobody), which ``selectors.visible_profiles`` applies on top of
``network.view``.
"""

from __future__ import annotations

from linkwork.core.policy import Rule, Scope, define, register_scope
from linkwork.core.roles import PUBLIC, Role
from linkwork.network.models import MemberProfile

MEMBER_ROLES = (
    Role.LINK_WORKER,
    Role.PRACTICE_STAFF,
    Role.COMMUNITY_EDITOR,
    Role.PROGRAMME_MANAGER,
    Role.ANALYST,
    Role.DPO,
)
MODERATOR_ROLES = (Role.PROGRAMME_MANAGER,)

VIEW = "network.view"
EDIT_PROFILE = "network.edit_profile"
SUGGEST_RESOURCE = "network.suggest_resource"
PUBLISH_RESOURCE = "network.publish_resource"
DOWNLOAD_RESOURCE = "network.download_resource"
REGISTER_FOR_EVENT = "network.register_for_event"
MANAGE_EVENT = "network.manage_event"
POST = "network.post"
MODERATE = "network.moderate"
ADD_CASE_STUDY = "network.add_case_study"

register_scope(MemberProfile, owner="user_id")

_members = tuple(Rule(role, Scope.ANY) for role in MEMBER_ROLES)
_moderators = tuple(Rule(role, Scope.ANY) for role in MODERATOR_ROLES)

define(VIEW, *_members)
define(EDIT_PROFILE, *(Rule(role, Scope.SELF) for role in MEMBER_ROLES))
define(SUGGEST_RESOURCE, *_members)
define(DOWNLOAD_RESOURCE, *_members)
define(REGISTER_FOR_EVENT, *_members)
define(POST, *_members)
define(PUBLISH_RESOURCE, *_moderators)
define(MANAGE_EVENT, *_moderators)
define(MODERATE, *_moderators)
define(ADD_CASE_STUDY, *_moderators)

#: The personal calendar feed: calendar apps cannot sign in, so the feed's secret token (which
#: the member can renew) is the credential; it holds no name or email.
define("network.calendar_feed", Rule(PUBLIC))
