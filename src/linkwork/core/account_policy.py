"""A staff member's own sign-in settings (second factor, recovery codes, API tokens): every
role manages its own, and nobody else's (the views act on ``request.user`` only)."""

from __future__ import annotations

from linkwork.core.policy import Rule, declare_urls, define
from linkwork.core.roles import Role

MANAGE_OWN_ACCOUNT = "core.manage_own_account"

define(MANAGE_OWN_ACCOUNT, *(Rule(role) for role in Role))
declare_urls(
    {
        f"core:{name}": MANAGE_OWN_ACCOUNT
        for name in (
            "two_factor_verify",
            "two_factor_setup",
            "recovery_codes",
            "api_tokens",
            "api_token_revoke",
        )
    }
)
