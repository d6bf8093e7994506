"""Staff pages of the outcomes app: instruments and licences, a person's scores over time,
recording a questionnaire, and issuing a one-time self-completion link. Thin: parse, call a
selector or service, render."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from linkwork.casework.states import OPEN
from linkwork.core import audit, policy
from linkwork.core.permissions import acting_user, is_admin, require_action
from linkwork.outcomes import definitions, selectors, services
from linkwork.outcomes.forms import AdministrationDetailsForm, QuestionnaireForm
from linkwork.outcomes.models import InstrumentText
from linkwork.outcomes.safety import staff_safety_procedure
from linkwork.outcomes.scoring import AnswerError, flag_messages


def _instrument(code: str) -> definitions.Instrument:
    try:
        return definitions.get(code)
    except definitions.UnknownInstrument:
        raise Http404 from None


def _person_url(person_id: int) -> str | None:
    try:
        return reverse("casework:person_detail", args=[person_id])
    except NoReverseMatch:
        return None


@require_action("outcomes.view_instruments")
def instrument_list(request: HttpRequest) -> HttpResponse:
    loaded = selectors.loaded_text_codes()
    rows = [
        {"instrument": inst, "wording": inst.wording_included or inst.code in loaded}
        for inst in definitions.all_instruments()
    ]
    return render(
        request, "outcomes/instrument_list.html", {"rows": rows, "is_admin": is_admin(request.user)}
    )


@require_action("outcomes.view_instruments")
def instrument_detail(request: HttpRequest, code: str) -> HttpResponse:
    inst = _instrument(code)
    return render(
        request,
        "outcomes/instrument_detail.html",
        {
            "instrument": inst,
            "text": selectors.instrument_text(inst.code),
            "raw_scores": inst.raw["scores"],
        },
    )


@require_action("outcomes.manage_licences")
def licence_notes(request: HttpRequest) -> HttpResponse:
    loaded = {t.instrument: t for t in InstrumentText.objects.order_by("language")}
    rows = [
        {"instrument": inst, "text": loaded.get(inst.code)}
        for inst in definitions.all_instruments()
    ]
    return render(request, "outcomes/licence_notes.html", {"rows": rows})


@require_action("outcomes.view_person_outcomes")
def person_outcomes(request: HttpRequest, person_id: int) -> HttpResponse:
    person = selectors.person_for(user=request.user, pk=person_id)
    administrations = list(selectors.administrations_for(user=request.user, person=person))
    audit.record(
        audit.Action.VIEW,
        person,
        actor=acting_user(request),
        detail={"scope": "outcomes", "count": len(administrations)},
    )
    return render(
        request,
        "outcomes/person_outcomes.html",
        {
            "person": person,
            "person_url": _person_url(person.pk),
            "histories": selectors.score_history(administrations),
            "instruments": definitions.all_instruments(),
            "can_record": policy.can(request.user, "outcomes.record", person),
        },
    )


@require_action("outcomes.record")
@require_http_methods(["GET", "POST"])
def administer(request: HttpRequest, person_id: int, code: str) -> HttpResponse:
    person = selectors.person_for(user=request.user, pk=person_id, action="outcomes.record")
    if request.method == "GET":
        audit.record(audit.Action.VIEW, person, actor=acting_user(request), detail={"via": "form"})
    inst = _instrument(code)
    text = selectors.instrument_text(inst.code)
    cases = list(selectors.cases_for(user=request.user, person=person))
    data = request.POST if request.method == "POST" else None
    form = QuestionnaireForm(data, instrument=inst, text=text)
    open_case = next((c for c in cases if c.status in OPEN), None)
    details = AdministrationDetailsForm(
        data, cases=cases, initial={"case": open_case.pk if open_case else None}
    )
    details.baseline_cases = selectors.cases_with_baseline(person=person, instrument=inst.code)
    if request.method == "POST" and form.is_valid() and details.is_valid():
        d = details.cleaned_data
        case = next((c for c in cases if c.pk == d["case"]), None)
        when = None
        if d["administered_on"]:
            when = timezone.make_aware(dt.datetime.combine(d["administered_on"], dt.time(12)))
        try:
            administration = services.administer(
                person=person,
                instrument=inst.code,
                answers=form.answers(),
                time_point=d["time_point"],
                follow_up_months=d["follow_up_months"],
                case=case,
                administered_at=when,
                actor=acting_user(request),
            )
        except AnswerError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("%(name)s recorded.") % {"name": inst.short_name})
            return redirect("outcomes:administration_detail", pk=administration.pk)
    return render(
        request,
        "outcomes/administer.html",
        {
            "person": person,
            "instrument": inst,
            "text": text,
            "form": form,
            "details": details,
            "questions": form.questions(),
        },
        status=400 if request.method == "POST" else 200,
    )


@require_action("outcomes.view_person_outcomes")
def administration_detail(request: HttpRequest, pk: int) -> HttpResponse:
    administration = selectors.administration_for(user=request.user, pk=pk)
    inst = _instrument(administration.instrument)
    audit.record(
        audit.Action.VIEW,
        administration,
        actor=acting_user(request),
        detail={"instrument": inst.code},
    )
    flags = administration.result.get("flags", [])
    return render(
        request,
        "outcomes/administration_detail.html",
        {
            "administration": administration,
            "instrument": inst,
            "result": administration.result,
            "score_rows": [
                {
                    "score": s,
                    "value": administration.result["scores"].get(s.key),
                    "band": administration.result.get("bands", {}).get(s.key),
                }
                for s in inst.scores
            ],
            "flag_messages": flag_messages(inst, flags),
            "risk": bool(set(flags) & services.RISK_FLAGS),
            "safety_procedure": staff_safety_procedure(),
            "answers": list(zip(inst.items, administration.answers, strict=False)),
        },
    )


@require_action("outcomes.record")
@require_http_methods(["GET", "POST"])
def self_link_new(request: HttpRequest, person_id: int) -> HttpResponse:
    person = selectors.person_for(user=request.user, pk=person_id, action="outcomes.record")
    if request.method == "GET":
        audit.record(audit.Action.VIEW, person, actor=acting_user(request), detail={"via": "form"})
    cases = list(selectors.cases_for(user=request.user, person=person))
    details = AdministrationDetailsForm(
        request.POST if request.method == "POST" else None, cases=cases
    )
    details.fields.pop("administered_on")
    # A person completing on their own needs the wording: only instruments whose wording ships
    # or has been loaded under licence can be sent.
    loaded = selectors.loaded_text_codes()
    codes = [
        (i.code, i.name)
        for i in definitions.all_instruments()
        if i.wording_included or i.code in loaded
    ]
    chosen = request.POST.get("instrument", "")
    context: dict[str, Any] = {"person": person, "details": details, "codes": codes}
    if request.method == "POST":
        if chosen not in dict(codes):
            context["instrument_error"] = _("Choose a questionnaire.")
        elif details.is_valid():
            d = details.cleaned_data
            issued = services.create_self_completion_link(
                person=person,
                instrument=chosen,
                time_point=d["time_point"],
                follow_up_months=d["follow_up_months"],
                case=next((c for c in cases if c.pk == d["case"]), None),
                actor=acting_user(request),
            )
            context["issued"] = issued
            context["url"] = request.build_absolute_uri(
                reverse("outcomes:self_complete", args=[issued.token])
            )
            context["instrument"] = _instrument(chosen)
    context["chosen"] = chosen
    return render(request, "outcomes/self_link.html", context)
