"""The referring practice (or agency) reads the discharge letter of its own referrals, in the
app and as PDF. Nothing else of the record: the letter is the message written for them.

A GP practice holds the person's health record and gets the whole letter. Another agency that
referred (a housing officer, a money adviser) is another controller with no need for health
details: it reads the outcome of its referral (how it ended, contacts attended, services
linked, who to contact) without CHI number, date of birth, what matters, goals, scores,
safeguarding or the link worker's summary."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from linkwork.casework.models import Discharge
from linkwork.casework.views.access import no_store
from linkwork.casework.views.letters import _context
from linkwork.core import audit, policy
from linkwork.core.models import Organisation
from linkwork.core.permissions import require_action


def _letter_for_referrer(discharge: Discharge) -> dict[str, Any]:
    context = {**_context(discharge), "for_referrer": True}
    referrer = discharge.case.referral.referring_organisation
    if referrer is None or referrer.kind != Organisation.Kind.GP_PRACTICE:
        context.update(outcome_only=True, scores=[], open_concerns=[], goals=[], what_matters=None)
    return context


def _own_discharge(request: HttpRequest, pk: int) -> Discharge:
    letters = policy.scope_queryset(
        request.user, "casework.view_discharge", Discharge.objects.all()
    )
    discharge = (
        letters.select_related(
            "case__person__gp_practice",
            "case__practice",
            "case__referral__referring_organisation",
            "case__link_worker",
            "discharged_by",
        )
        .filter(case_id=pk)
        .first()
    )
    if discharge is None:
        raise Http404
    return discharge


@require_action("casework.view_discharge")
def practice_letter(request: HttpRequest, pk: int) -> HttpResponse:
    discharge = _own_discharge(request, pk)
    audit.record(
        audit.Action.VIEW, discharge.case.person, actor=request.user, detail={"via": "letter"}
    )
    context = _letter_for_referrer(discharge)
    return no_store(render(request, "casework/discharge_letter.html", context))


@require_action("casework.view_discharge")
def practice_letter_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    from weasyprint import HTML  # heavy: loaded only when a PDF is asked for

    discharge = _own_discharge(request, pk)
    html = render_to_string(
        "casework/discharge_letter_print.html", _letter_for_referrer(discharge), request=request
    )
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    audit.record(audit.Action.EXPORT, discharge, actor=request.user, detail={"format": "pdf"})
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="discharge-{discharge.case_id}.pdf"'
    return no_store(response)
