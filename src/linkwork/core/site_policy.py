"""The site's own pages and signing in, declared in the core policy (linkwork.core.policy).

The home page, the data notes, the health check, signing in and out, password reset and the
language switch are for everyone; the dashboard is for every signed-in role; the audit log is
the data protection officer's; changing one's password and reading one's own account over the
API are ``core.manage_own_account`` (account_policy.py)."""

from __future__ import annotations

from linkwork.core.account_policy import MANAGE_OWN_ACCOUNT
from linkwork.core.policy import Rule, declare_urls, define
from linkwork.core.roles import PUBLIC, Role

VIEW_PUBLIC_PAGE = "core.view_public_page"
VIEW_DASHBOARD = "core.view_dashboard"
VIEW_AUDIT_LOG = "core.view_audit_log"
LOOK_UP_POSTCODE = "places.look_up_postcode"

define(VIEW_PUBLIC_PAGE, Rule(PUBLIC))
define(VIEW_DASHBOARD, *(Rule(role) for role in Role))
define(VIEW_AUDIT_LOG, Rule(Role.DPO))
# Reference data (ONS/NRS postcodes, SIMD): nothing personal, answered without signing in.
define(LOOK_UP_POSTCODE, Rule(PUBLIC))

declare_urls(
    {
        "core:home": VIEW_PUBLIC_PAGE,
        "core:about_data": VIEW_PUBLIC_PAGE,
        "core:healthz": VIEW_PUBLIC_PAGE,
        "core:dashboard": VIEW_DASHBOARD,
        "core:audit_log": VIEW_AUDIT_LOG,
        **{
            name: VIEW_PUBLIC_PAGE
            for name in (
                "login",
                "logout",
                "password_reset",
                "password_reset_done",
                "password_reset_confirm",
                "password_reset_complete",
                "set_language",
                "core:two_factor_enrol",  # the token in the link is the credential
            )
        },
        "password_change": MANAGE_OWN_ACCOUNT,
        "password_change_done": MANAGE_OWN_ACCOUNT,
        "GET /api/v1/me": MANAGE_OWN_ACCOUNT,
        "GET /api/v1/places/postcodes/{postcode}": LOOK_UP_POSTCODE,
    }
)
