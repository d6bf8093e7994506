"""The message back to the GP and referrer (PRSB model content), as a page and a PDF."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from linkwork.casework import reasons
from linkwork.casework.letter_content import letter_extras
from linkwork.casework.models import Discharge
from linkwork.core import audit, policy
from linkwork.core.permissions import require_action


def _discharge(request: HttpRequest, pk: int) -> Discharge:
    letters = policy.scope_queryset(
        request.user, "casework.view_discharge", Discharge.objects.all()
    )
    discharge = (
        letters.select_related(
            "case__person__gp_practice",
            "case__practice",
            "case__referral",
            "case__link_worker",
            "discharged_by",
        )
        .filter(case_id=pk)
        .first()
    )
    if discharge is None:
        raise Http404
    return discharge


def _last(items: list[Any]) -> Any:
    return items[-1] if items else None


def _context(discharge: Discharge) -> dict[str, Any]:
    case = discharge.case
    return {
        "discharge": discharge,
        "case": case,
        "person": case.person,
        "referral": case.referral,
        "goals": [
            (g, _last(list(g.progress.all()))) for g in case.goals.prefetch_related("progress")
        ],
        "links": list(case.links.select_related("service")),
        "what_matters": case.what_matters.order_by("-held_on").first(),
        "encounter_count": case.encounters.filter(attendance="attended").count(),
        "snomed_event": reasons.SNOMED_SOCIAL_PRESCRIBING_DECLINED
        if case.status == "declined"
        else reasons.SNOMED_REFERRAL_TO_SOCIAL_PRESCRIBING,
        "read_code": reasons.READ_V2_SOCIAL_PRESCRIBING,
        **letter_extras(discharge),
    }


@require_action("casework.view_discharge")
def discharge_letter(request: HttpRequest, pk: int) -> HttpResponse:
    discharge = _discharge(request, pk)
    audit.record(
        audit.Action.VIEW, discharge.case.person, actor=request.user, detail={"via": "letter"}
    )
    return render(request, "casework/discharge_letter.html", _context(discharge))


@require_action("casework.view_discharge")
def discharge_letter_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    from weasyprint import HTML

    discharge = _discharge(request, pk)
    html = render_to_string(
        "casework/discharge_letter_print.html", _context(discharge), request=request
    )
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    audit.record(audit.Action.EXPORT, discharge, actor=request.user, detail={"format": "pdf"})
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="discharge-{discharge.case_id}.pdf"'
    return response
