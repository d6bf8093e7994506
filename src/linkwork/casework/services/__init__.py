"""Every write to casework data: plain functions with keyword-only arguments, one transaction
each, writing the audit entry in the same transaction. Import them from here."""

from linkwork.casework.services.links import create_link, update_link_status
from linkwork.casework.services.locking import EditConflict
from linkwork.casework.services.people import (
    DuplicatePerson,
    create_person,
    link_household,
    merge_people,
    record_consent,
    update_person,
)
from linkwork.casework.services.records import (
    add_goal,
    discharge,
    rate_goal,
    record_encounter,
    record_what_matters,
    set_goal_status,
    update_encounter,
)
from linkwork.casework.services.referrals import (
    allocate,
    create_referral,
    refer,
    transition,
    triage,
)
from linkwork.casework.services.safeguarding import (
    close_concern,
    raise_concern,
    raise_risk_flag,
)

__all__ = [
    "DuplicatePerson",
    "EditConflict",
    "add_goal",
    "allocate",
    "close_concern",
    "create_link",
    "create_person",
    "create_referral",
    "discharge",
    "link_household",
    "merge_people",
    "raise_concern",
    "raise_risk_flag",
    "rate_goal",
    "record_consent",
    "record_encounter",
    "record_what_matters",
    "refer",
    "set_goal_status",
    "transition",
    "triage",
    "update_encounter",
    "update_link_status",
    "update_person",
]
