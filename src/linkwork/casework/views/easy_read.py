"""The Easy Read self-referral form: the same questions, checks and service call as the
standard form (``send_self_referral``), in short sentences with a picture beside each question."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from linkwork.casework.forms import EasyReadSelfReferralForm
from linkwork.casework.views.referrals import send_self_referral
from linkwork.core.permissions import require_action


@require_action("casework.self_refer")
@require_http_methods(["GET", "POST"])
def self_referral_easy_read(request: HttpRequest) -> HttpResponse:
    form = EasyReadSelfReferralForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and send_self_referral(form):
        return redirect("casework:self_referral_done")
    questions = [(form[name], symbol) for name, symbol in form.SYMBOLS.items()]
    return render(
        request,
        "casework/self_referral_easy_read.html",
        {"form": form, "questions": questions},
        status=422 if form.errors else 200,
    )
