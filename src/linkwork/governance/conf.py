"""Governance settings, each with a default; override any of them in Django settings."""

from __future__ import annotations

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # Unusual access report: the window looked at, and what counts as unusual in it.
    "GOVERNANCE_UNUSUAL_WINDOW_DAYS": 7,
    "GOVERNANCE_OUTSIDE_CASELOAD_THRESHOLD": 20,  # distinct people viewed outside own cases
    "GOVERNANCE_WORKING_HOURS": (7, 19),  # views from hour 7:00 to 19:59 local are usual
    "GOVERNANCE_ODD_HOURS_THRESHOLD": 5,  # views outside working hours in the window
    "GOVERNANCE_BULK_API_READS_PER_DAY": 200,  # API reads by one user on one day
    # Data-sharing agreements ending within this many days are flagged.
    "GOVERNANCE_AGREEMENT_WARNING_DAYS": 60,
    # Subject access: the statutory time limit (UK GDPR art. 12(3): one month).
    "GOVERNANCE_SUBJECT_ACCESS_DAYS": 30,
    # Retention (`linkwork apply-retention`): closed cases and their person anonymised after
    # closed_case_days; used or expired self-completion links deleted after links_days; audit
    # entries kept audit_years (never removed by apply-retention: see decision 0005).
    "GOVERNANCE_RETENTION": {"closed_case_days": 6 * 365, "links_days": 30, "audit_years": 8},
    # Extra addresses told when the audit chain fails verification.
    "GOVERNANCE_ALERT_EMAILS": [],
}


def get(name: str) -> Any:
    return getattr(settings, name, DEFAULTS[name])
