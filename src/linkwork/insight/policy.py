"""Who may do what in insight: declared in the core policy (linkwork.core.policy).

Managers and analysts see their own programme's aggregates (members of a programme
organisation); counts leave the analyst role only after disclosure control. The record-level
extract needs the analyst role *and* an active ExtractApproval (checked by the service)."""

from __future__ import annotations

from linkwork.core.policy import Rule, Scope, declare_urls, define, register_scope
from linkwork.core.roles import Role
from linkwork.insight.models import Programme

VIEW = "insight.view_dashboard"
EXPORT = "insight.export_aggregates"
VIEW_UNSUPPRESSED = "insight.view_unsuppressed"
EXTRACT = "insight.extract_records"

define(
    VIEW,
    Rule(Role.PROGRAMME_MANAGER, Scope.OWN_PROGRAMME),
    Rule(Role.ANALYST, Scope.OWN_PROGRAMME),
)
define(
    EXPORT,
    Rule(Role.PROGRAMME_MANAGER, Scope.OWN_PROGRAMME),
    Rule(Role.ANALYST, Scope.OWN_PROGRAMME),
)
# Small counts are shown as they are only to analysts, inside the app.
define(VIEW_UNSUPPRESSED, Rule(Role.ANALYST, Scope.OWN_PROGRAMME))
define(EXTRACT, Rule(Role.ANALYST, Scope.OWN_PROGRAMME))

register_scope(Programme, organisations=("id",))

declare_urls(
    {
        **{f"insight:{name}": VIEW for name in (
            "dashboard", "activity", "reach", "outcomes", "gaps", "report"
        )},
        "insight:export_csv": EXPORT,
        "insight:report_pdf": EXPORT,
        "insight:extract": EXTRACT,
        "GET /api/v1/insight/programmes": VIEW,
        "GET /api/v1/insight/programmes/{programme_id}/activity": EXPORT,
        "GET /api/v1/insight/programmes/{programme_id}/reach": EXPORT,
        "GET /api/v1/insight/programmes/{programme_id}/outcomes": EXPORT,
    }
)  # fmt: skip
