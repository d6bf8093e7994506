"""Insight's one write: taking a pseudonymised record-level extract for approved research.

Pseudonyms are a keyed hash (HMAC-SHA256) of the CHI number (or, without one, of the record
id) under a key derived from the deployment's secret and the approval, so the same person has
the same pseudonym within one approved project and different ones across projects, and no-one
without the secret can turn a CHI into a pseudonym. Dates go to the month; postcodes to the
data zone. Analyst role only, with an active approval; the purpose is recorded and the extract
audited in the same transaction."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections import defaultdict
from typing import TYPE_CHECKING, Any, cast

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Min, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from linkwork.core import audit, policy
from linkwork.insight import selectors
from linkwork.insight.fact_sources import engaged_cases, primary_score
from linkwork.insight.models import ExtractApproval, Programme, ResearchExtract
from linkwork.insight.policy import EXTRACT
from linkwork.outcomes.models import Administration, TimePoint

if TYPE_CHECKING:
    from linkwork.core.models import User

COLUMNS = [
    "pseudonym",
    "practice_code",
    "referral_month",
    "source",
    "reasons",
    "birth_month",
    "sex",
    "ethnicity",
    "disability",
    "data_zone",
    "simd_version",
    "simd_decile",
    "simd_quintile",
    "first_contact_month",
    "contacts_attended",
    "did_not_attend",
    "engaged",
    "status",
    "discharge_month",
    "discharge_reason",
    "instrument",
    "baseline",
    "latest_followup",
]


def active_approval(user: policy.Actor, programme: Programme) -> ExtractApproval | None:
    if not policy.can(user, EXTRACT, programme):
        return None
    today = timezone.localdate()
    return (
        ExtractApproval.objects.filter(
            analyst=cast("User", user),
            programme_id=programme.pk,
            revoked_at__isnull=True,
            expires_on__gte=today,
        )
        .order_by("-granted_at")
        .first()
    )


def _pseudonymiser(approval: ExtractApproval) -> Any:
    key = hmac.new(
        settings.SECRET_KEY.encode(), f"insight-extract:{approval.pk}".encode(), hashlib.sha256
    ).digest()

    def pseudonym(chi: str, person_id: int) -> str:
        subject = chi or f"record:{person_id}"
        return hmac.new(key, subject.encode(), hashlib.sha256).hexdigest()[:20]

    return pseudonym


def _month(value: dt.date | dt.datetime | None) -> str:
    return value.strftime("%Y-%m") if value else ""


@transaction.atomic
def take_extract(
    *, actor: policy.Actor, programme: Programme, purpose: str, filters: selectors.Filters
) -> tuple[ResearchExtract, list[list[str]]]:
    policy.check(actor, EXTRACT, programme)
    approval = active_approval(actor, programme)
    if approval is None:
        raise PermissionDenied(EXTRACT)
    purpose = purpose.strip()
    if len(purpose) < 10:
        raise ValidationError(
            {"purpose": [_("Say what this extract is for (at least 10 characters).")]}
        )
    pseudonym = _pseudonymiser(approval)
    cases = selectors.cases(programme, filters).annotate(
        attended=Count("encounters", filter=Q(encounters__attendance="attended")),
        dna=Count("encounters", filter=Q(encounters__attendance="did_not_attend")),
        engaged=engaged_cases(),
    )
    rows_in = list(
        cases.values_list(
            "id",
            "person_id",
            "person__chi",
            "practice__code",
            "referral__received_at",
            "referral__source",
            "referral__reasons",
            "person__date_of_birth",
            "person__sex",
            "person__ethnicity",
            "person__disability",
            "person__data_zone",
            "person__simd_version",
            "person__simd_decile",
            "person__simd_quintile",
            "attended",
            "dna",
            "engaged",
            "status",
            "discharge__discharged_on",
            "discharge__reason",
        )
    )
    first_contact = dict(
        cases.filter(encounters__attendance="attended")
        .values("id")
        .annotate(first=Min("encounters__occurred_at"))
        .values_list("id", "first")
    )
    scores: dict[int, dict[str, list[tuple[Any, str, float]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for case_id, code, time_point, at, result in Administration.objects.filter(
        case_id__in=[r[0] for r in rows_in], valid=True
    ).values_list("case_id", "instrument", "time_point", "administered_at", "result"):
        score = primary_score(code)
        value = (result or {}).get("scores", {}).get(score.key) if score else None
        if value is not None:
            scores[case_id][code].append((at, time_point, float(value)))
    out = [COLUMNS]
    for row in rows_in:
        (
            case_id,
            person_id,
            chi,
            practice_code,
            received,
            source,
            reasons,
            born,
            sex,
            ethnicity,
            disability,
            zone,
            simd_version,
            decile,
            quintile,
            attended,
            dna,
            engaged,
            status,
            discharged_on,
            discharge_reason,
        ) = row
        base_cells = [
            pseudonym(chi, person_id),
            practice_code,
            _month(received),
            source,
            ";".join(reasons or []),
            _month(born),
            sex,
            ethnicity,
            disability,
            zone,
            simd_version,
            "" if decile is None else str(decile),
            "" if quintile is None else str(quintile),
            _month(first_contact.get(case_id)),
            str(attended),
            str(dna),
            "1" if engaged else "0",
            status,
            _month(discharged_on),
            discharge_reason or "",
        ]
        instruments = scores.get(case_id) or {"": []}
        for code, points in sorted(instruments.items()):
            points.sort()
            baselines = [p for p in points if p[1] == TimePoint.BASELINE]
            base = baselines[0] if baselines else None
            later = [p for p in points if base and p[1] != TimePoint.BASELINE and p[0] > base[0]]
            out.append(
                [
                    *base_cells,
                    code,
                    "" if base is None else f"{base[2]:g}",
                    f"{later[-1][2]:g}" if later else "",
                ]
            )
    extract = ResearchExtract.objects.create(
        approval=approval,
        analyst=cast("User", actor),
        purpose=purpose,
        period_start=filters.start,
        period_end=filters.end,
        rows=len(out) - 1,
    )
    audit.record(
        audit.Action.EXPORT,
        extract,
        actor=actor,
        detail={"scope": "research_extract", "count": len(out) - 1, "format": "csv"},
    )
    return extract, out
