"""Casework models: people, referrals, cases and everything recorded on a case."""

from linkwork.casework.models.cases import (
    Case,
    Discharge,
    Encounter,
    Goal,
    GoalProgress,
    Referral,
    SafeguardingConcern,
    StatusChange,
    WhatMatters,
)
from linkwork.casework.models.links import ServiceLink, ServiceLinkChange
from linkwork.casework.models.people import Consent, HouseholdLink, Person
from linkwork.casework.states import CaseStatus

__all__ = [
    "Case",
    "CaseStatus",
    "Consent",
    "Discharge",
    "Encounter",
    "Goal",
    "GoalProgress",
    "HouseholdLink",
    "Person",
    "Referral",
    "SafeguardingConcern",
    "ServiceLink",
    "ServiceLinkChange",
    "StatusChange",
    "WhatMatters",
]
