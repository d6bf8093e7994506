"""The page a person opens from their one-time link: the questionnaire, no sign-in. The URL
holds only the token; the page shows no personal data."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from linkwork.outcomes import definitions, selectors, services
from linkwork.outcomes.forms import QuestionnaireForm
from linkwork.outcomes.safety import self_completion_support
from linkwork.outcomes.scoring import AnswerError


def _unusable(request: HttpRequest) -> HttpResponse:
    return render(request, "outcomes/link_unusable.html", status=404)


@never_cache
@require_http_methods(["GET", "POST"])
def self_complete(request: HttpRequest, token: str) -> HttpResponse:
    try:
        link = services.find_link(token)
    except services.LinkNotUsable:
        return _unusable(request)
    inst = definitions.get(link.instrument)
    text = selectors.instrument_text(inst.code)
    form = QuestionnaireForm(
        request.POST if request.method == "POST" else None, instrument=inst, text=text
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and not any(a is not None for a in form.answers())
    ):
        # An empty form is almost always a slip; it must not use up the one-time link.
        form.add_error(None, _("Answer at least one question before sending."))
    if request.method == "POST" and form.is_valid():
        try:
            administration = services.complete_self_completion(token=token, answers=form.answers())
        except services.LinkNotUsable:
            return _unusable(request)
        except AnswerError as exc:
            form.add_error(None, str(exc))
        else:
            risk = bool(set(administration.result.get("flags", [])) & services.RISK_FLAGS)
            return render(
                request,
                "outcomes/self_complete_done.html",
                {"risk": risk, "support": self_completion_support()},
            )
    return render(
        request,
        "outcomes/self_complete.html",
        {"instrument": inst, "text": text, "form": form, "questions": form.questions()},
        status=400 if request.method == "POST" else 200,
    )
