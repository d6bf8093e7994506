"""Who may do what in governance: declared in the core policy (linkwork.core.policy).

Data protection officers act on the organisations they are members of (and, for a DPO who is a
member of a programme, on the organisations inside it)."""

from __future__ import annotations

from linkwork.core.policy import Rule, Scope, define
from linkwork.core.roles import Role

_DPO = (Rule(Role.DPO, Scope.OWN_ORGANISATION), Rule(Role.DPO, Scope.OWN_PROGRAMME))

VIEW_DASHBOARD = "governance.view_dashboard"
VIEW_AUDIT = "governance.view_audit"
EXPORT_AUDIT = "governance.export_audit"
VIEW_PERSON_ACCESS = "governance.view_person_access"
VIEW_UNUSUAL_ACCESS = "governance.view_unusual_access"
VIEW_PROCESSING = "governance.view_processing_record"
VIEW_AGREEMENTS = "governance.view_agreements"
MANAGE_AGREEMENTS = "governance.manage_agreements"
SUBJECT_ACCESS = "governance.subject_access"
ERASE_PERSON = "governance.erase_person"
VIEW_CORRECTIONS = "governance.view_corrections"

for _action in (
    VIEW_DASHBOARD,
    VIEW_AUDIT,
    EXPORT_AUDIT,
    VIEW_PERSON_ACCESS,
    VIEW_UNUSUAL_ACCESS,
    VIEW_PROCESSING,
    VIEW_AGREEMENTS,
    MANAGE_AGREEMENTS,
    SUBJECT_ACCESS,
    ERASE_PERSON,
    VIEW_CORRECTIONS,
):
    define(_action, *_DPO)
