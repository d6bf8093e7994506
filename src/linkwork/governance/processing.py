"""The record of processing activities (UK GDPR art. 30), generated from the personal-data
classification of every model field, so it cannot drift from the code.

What the classification does not say (purpose, lawful basis, data category shared under
agreements, retention rule) is described once per record type here; a test fails when a
classified model has no description.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from linkwork.governance import classification as cls
from linkwork.governance import conf
from linkwork.governance.models import DataCategory, DataSharingAgreement

CARE = _("Providing community link working (social prescribing) support")
ART6_TASK = _("Art. 6(1)(e) public task")
ART9_CARE = _("Art. 9(2)(h) health or social care")
ART6_LEGIT = _("Art. 6(1)(f) legitimate interests (running the service)")


@dataclass(frozen=True)
class Activity:
    purpose: Promise
    lawful_basis: Promise
    category: str  # DataCategory value: what sharing agreements may cover
    retention: str  # key in GOVERNANCE_RETENTION


DESCRIPTIONS: dict[str, Activity] = {
    "casework.person": Activity(CARE, ART6_TASK, DataCategory.IDENTITY, "person"),
    "casework.householdlink": Activity(CARE, ART6_TASK, DataCategory.IDENTITY, "person"),
    "casework.consent": Activity(
        _("Recording what the person agreed to"), ART6_TASK, DataCategory.IDENTITY, "person"
    ),
    "casework.referral": Activity(CARE, ART9_CARE, DataCategory.REFERRAL, "closed_case"),
    "casework.case": Activity(CARE, ART9_CARE, DataCategory.REFERRAL, "closed_case"),
    "casework.statuschange": Activity(CARE, ART6_TASK, DataCategory.REFERRAL, "closed_case"),
    "casework.encounter": Activity(CARE, ART9_CARE, DataCategory.HEALTH, "closed_case"),
    "casework.whatmatters": Activity(CARE, ART9_CARE, DataCategory.REFERRAL, "closed_case"),
    "casework.goal": Activity(CARE, ART9_CARE, DataCategory.HEALTH, "closed_case"),
    "casework.goalprogress": Activity(CARE, ART9_CARE, DataCategory.OUTCOMES, "closed_case"),
    "casework.safeguardingconcern": Activity(
        _("Protecting people at risk of harm"),
        _("Art. 6(1)(e) public task; Art. 9(2)(b)/(g) and DPA 2018 Sch. 1 para. 18"),
        DataCategory.HEALTH,
        "closed_case",
    ),
    "casework.discharge": Activity(CARE, ART9_CARE, DataCategory.REFERRAL, "closed_case"),
    "casework.servicelink": Activity(CARE, ART9_CARE, DataCategory.REFERRAL, "closed_case"),
    "casework.servicelinkchange": Activity(CARE, ART6_TASK, DataCategory.REFERRAL, "closed_case"),
    "outcomes.instrumenttext": Activity(
        _("Questionnaire texts (no personal data)"), ART6_LEGIT, "", "none"
    ),
    "outcomes.administration": Activity(
        _("Measuring outcomes of support"), ART9_CARE, DataCategory.OUTCOMES, "closed_case"
    ),
    "outcomes.selfcompletionlink": Activity(
        _("Letting people fill in questionnaires themselves"),
        ART6_TASK,
        DataCategory.OUTCOMES,
        "used_links",
    ),
    "governance.rectification": Activity(
        _("Keeping the history of corrections to a person's details (art. 16)"),
        _("Art. 6(1)(c) legal obligation (accountability, art. 5(2))"),
        "",  # not shared with partners
        "person",
    ),
}


@dataclass
class Row:
    label: str
    verbose_name: str
    personal: list[str] = field(default_factory=list)
    special: list[str] = field(default_factory=list)
    activity: Activity | None = None
    retention: str = ""
    shared_with: list[str] = field(default_factory=list)


def _retention_text(key: str) -> str:
    rules = conf.get("GOVERNANCE_RETENTION")
    if key == "closed_case":
        return str(_("Anonymised %(d)s days after the case closed")) % {
            "d": rules["closed_case_days"]
        }
    if key == "person":
        return str(_("Anonymised with their last case (%(d)s days after it closed)")) % {
            "d": rules["closed_case_days"]
        }
    if key == "used_links":
        return str(_("Deleted %(d)s days after used or expired")) % {"d": rules["links_days"]}
    return ""


def record_of_processing() -> list[Row]:
    partners: dict[str, set[str]] = {}
    current = DataSharingAgreement.objects.filter(
        status=DataSharingAgreement.Status.ACTIVE
    ).select_related("partner")
    for agreement in current:
        for category in agreement.data_categories:
            partners.setdefault(category, set()).add(agreement.partner.name)
    rows: list[Row] = []
    by_model: dict[str, Row] = {}
    for fc in cls.classified_fields():
        label = fc.model._meta.label_lower
        row = by_model.get(label)
        if row is None:
            activity = DESCRIPTIONS.get(label)
            row = Row(
                label=label,
                verbose_name=str(fc.model._meta.verbose_name),
                activity=activity,
                retention=_retention_text(activity.retention) if activity else "",
                shared_with=sorted(partners.get(activity.category, ())) if activity else [],
            )
            by_model[label] = row
            rows.append(row)
        if fc.level == cls.SPECIAL:
            row.special.append(fc.field)
        elif fc.level == cls.PERSONAL:
            row.personal.append(fc.field)
    return rows
