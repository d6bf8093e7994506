"""The referring practice (or agency) reads the discharge letter of its own referrals, in the
app and as PDF. Nothing else of the record: the letter is the message written for them."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from linkwork.casework.models import Discharge
from linkwork.casework.selectors import referrals_made_by
from linkwork.casework.views.access import no_store
from linkwork.casework.views.letters import _context
from linkwork.core import audit
from linkwork.core.permissions import require_role
from linkwork.core.roles import Role


def _own_discharge(request: HttpRequest, pk: int) -> Discharge:
    discharge = (
        Discharge.objects.select_related(
            "case__person__gp_practice",
            "case__practice",
            "case__referral",
            "case__link_worker",
            "discharged_by",
        )
        .filter(case__referral__in=referrals_made_by(request.user), case_id=pk)
        .first()
    )
    if discharge is None:
        raise Http404
    return discharge


@require_role(Role.PRACTICE_STAFF)
def practice_letter(request: HttpRequest, pk: int) -> HttpResponse:
    discharge = _own_discharge(request, pk)
    audit.record(
        audit.Action.VIEW, discharge.case.person, actor=request.user, detail={"via": "letter"}
    )
    context = {**_context(discharge), "for_referrer": True}
    return no_store(render(request, "casework/discharge_letter.html", context))


@require_role(Role.PRACTICE_STAFF)
def practice_letter_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    from weasyprint import HTML  # heavy: loaded only when a PDF is asked for

    discharge = _own_discharge(request, pk)
    html = render_to_string(
        "casework/discharge_letter_print.html", _context(discharge), request=request
    )
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    audit.record(audit.Action.EXPORT, discharge, actor=request.user, detail={"format": "pdf"})
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="discharge-{discharge.case_id}.pdf"'
    return no_store(response)
