"""Who may do what in engagement: declared in the core policy (linkwork.core.policy).

Consultations belong to an organisation (usually a programme). Programme managers create and
run them for their programme; analysts read the answers and review themes but never see who
answered (names are only collected for consultations that are not anonymous, and only
programme managers of the programme see them). Anyone may answer an open consultation and
read published stories.
"""

from __future__ import annotations

from linkwork.core.policy import Rule, Scope, declare_urls, define, register_scope
from linkwork.core.roles import PUBLIC, Role
from linkwork.engagement.models import (
    Answer,
    Consultation,
    Response,
    Story,
    Theme,
    ThemeAssignment,
    ThemeRun,
)

CREATE_CONSULTATION = "engagement.create_consultation"
#: Build a draft (details, questions, order), publish it, move its closing date.
EDIT_CONSULTATION = "engagement.edit_consultation"
VIEW_CONSULTATION = "engagement.view_consultation"
VIEW_RESPONSES = "engagement.view_responses"
VIEW_IDENTITIES = "engagement.view_respondent_identities"
ANALYSE = "engagement.analyse_themes"
IMPORT_RESPONSES = "engagement.import_responses"
EXPORT_RESPONSES = "engagement.export_responses"
RESPOND = "engagement.respond"
SUBMIT_STORY = "engagement.submit_story"
#: Anyone may send a story for review (it is published only after a programme manager's review).
SHARE_STORY = "engagement.share_story"
REVIEW_STORY = "engagement.review_story"
VIEW_PUBLISHED_STORIES = "engagement.view_published_stories"

_PROGRAMME = Scope.OWN_PROGRAMME
_ORG = ("organisation_id",)
register_scope(Consultation, organisations=_ORG)
register_scope(Response, organisations=("consultation__organisation_id",))
register_scope(Answer, organisations=("response__consultation__organisation_id",))
register_scope(ThemeRun, organisations=("question__consultation__organisation_id",))
register_scope(Theme, organisations=("run__question__consultation__organisation_id",))
register_scope(ThemeAssignment, organisations=("run__question__consultation__organisation_id",))
register_scope(Story, organisations=_ORG, owner="created_by_id")

define(CREATE_CONSULTATION, Rule(Role.PROGRAMME_MANAGER, _PROGRAMME))
define(EDIT_CONSULTATION, Rule(Role.PROGRAMME_MANAGER, _PROGRAMME))
define(
    VIEW_CONSULTATION,
    Rule(Role.PROGRAMME_MANAGER, _PROGRAMME),
    Rule(Role.ANALYST, _PROGRAMME),
)
define(
    VIEW_RESPONSES,
    Rule(Role.PROGRAMME_MANAGER, _PROGRAMME),
    Rule(Role.ANALYST, _PROGRAMME),
)
# Only for consultations that are not anonymous; checked in addition to VIEW_RESPONSES.
define(VIEW_IDENTITIES, Rule(Role.PROGRAMME_MANAGER, _PROGRAMME))
define(ANALYSE, Rule(Role.PROGRAMME_MANAGER, _PROGRAMME), Rule(Role.ANALYST, _PROGRAMME))
define(IMPORT_RESPONSES, Rule(Role.PROGRAMME_MANAGER, _PROGRAMME), Rule(Role.ANALYST, _PROGRAMME))
define(EXPORT_RESPONSES, Rule(Role.PROGRAMME_MANAGER, _PROGRAMME), Rule(Role.ANALYST, _PROGRAMME))
define(RESPOND, Rule(PUBLIC))
define(
    SUBMIT_STORY,
    Rule(Role.COMMUNITY_EDITOR, Scope.OWN_ORGANISATION),
    Rule(Role.PROGRAMME_MANAGER, _PROGRAMME),
)
define(REVIEW_STORY, Rule(Role.PROGRAMME_MANAGER, _PROGRAMME))
define(SHARE_STORY, Rule(PUBLIC))
define(VIEW_PUBLISHED_STORIES, Rule(PUBLIC))

declare_urls(
    {
        "engagement:respond": RESPOND,
        "engagement:resume": RESPOND,
        "engagement:respond_easy_read": RESPOND,
        "engagement:resume_easy_read": RESPOND,
        "engagement:story_share": SHARE_STORY,
        "engagement:story_shared": SHARE_STORY,
        "engagement:consultation_create": CREATE_CONSULTATION,
        "engagement:consultation_build": EDIT_CONSULTATION,
        "engagement:question_add": EDIT_CONSULTATION,
        "engagement:question_edit": EDIT_CONSULTATION,
        "engagement:question_move": EDIT_CONSULTATION,
        "engagement:question_remove": EDIT_CONSULTATION,
        "engagement:consultation_publish": EDIT_CONSULTATION,
        "engagement:consultation_translate": EDIT_CONSULTATION,
        "engagement:event_notes": IMPORT_RESPONSES,
        "engagement:story_review_list": REVIEW_STORY,
        "engagement:story_review": REVIEW_STORY,
        "engagement:thanks": RESPOND,
        "engagement:story_list": VIEW_PUBLISHED_STORIES,
        "engagement:story_detail": VIEW_PUBLISHED_STORIES,
        "engagement:consultation_list": VIEW_CONSULTATION,
        "engagement:consultation_detail": VIEW_RESPONSES,
        "engagement:run_themes": ANALYSE,
        "engagement:theme_review": ANALYSE,
        "engagement:report": VIEW_RESPONSES,
        "engagement:report_pdf": VIEW_RESPONSES,
        "engagement:export_csv": EXPORT_RESPONSES,
        "engagement:import_responses": IMPORT_RESPONSES,
    }
)
