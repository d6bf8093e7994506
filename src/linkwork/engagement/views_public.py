"""Public pages: answering a consultation (no sign-in) and the stories library."""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from linkwork.engagement import selectors, services
from linkwork.engagement.forms import ResponseForm, initial_from, sign_started
from linkwork.engagement.models import (
    RTL_LANGUAGES,
    Consultation,
    ConsultationTranslation,
    Response,
    hash_token,
)

#: Sends allowed from one address to one consultation in RATE_WINDOW seconds.
RATE_LIMIT = 10
RATE_WINDOW = 600


def _language(request: HttpRequest, consultation: Consultation) -> str:
    wanted = request.GET.get("lang") or request.POST.get("lang") or "en"
    return wanted if wanted in consultation.offered_languages() else "en"


def _rate_limited(request: HttpRequest, consultation: Consultation) -> bool:
    # Only a hash of the address is kept, and only for the window (not personal data at rest).
    address = request.META.get("REMOTE_ADDR", "")
    key = "engagement-rate:" + hashlib.sha256(f"{consultation.pk}:{address}".encode()).hexdigest()
    count = cache.get(key, 0)
    if count >= RATE_LIMIT:
        return True
    cache.set(key, count + 1, RATE_WINDOW)
    return False


def _page(
    request: HttpRequest,
    consultation: Consultation,
    form: ResponseForm,
    language: str,
    *,
    status: int = 200,
    resume_url: str = "",
) -> HttpResponse:
    translation = ConsultationTranslation.objects.filter(
        consultation=consultation, language=language
    ).first()
    context = {
        "consultation": consultation,
        "form": form,
        "language": language,
        "direction": "rtl" if language in RTL_LANGUAGES else "ltr",
        "title": translation.title if translation else consultation.title,
        "summary": (
            translation.summary if translation and translation.summary else consultation.summary
        ),
        "consent_text": (
            translation.consent_text
            if translation and translation.consent_text
            else consultation.consent_text
        ),
        "privacy_notice": (
            translation.privacy_notice
            if translation and translation.privacy_notice
            else consultation.privacy_notice
        ),
        "languages": consultation.offered_languages(),
        "resume_url": resume_url,
    }
    response = render(request, "engagement/respond.html", context, status=status)
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def respond(request: HttpRequest, slug: str, token: str = "") -> HttpResponse:
    consultation = selectors.open_consultation(slug)
    if consultation is None:
        closed = Consultation.objects.filter(slug=slug).first()
        if closed is None:
            raise Http404
        return render(request, "engagement/closed.html", {"consultation": closed}, status=410)
    saved: Response | None = None
    if token:
        saved = Response.objects.filter(
            consultation=consultation, resume_token_hash=hash_token(token),
            status=Response.Status.IN_PROGRESS,
        ).first()  # fmt: skip
        if saved is None:
            return render(
                request,
                "engagement/resume_unusable.html",
                {"consultation": consultation},
                status=404,
            )
    language = _language(request, consultation)
    if request.method == "GET":
        initial = {"started": sign_started(), **(initial_from(saved) if saved else {})}
        form = ResponseForm(
            consultation=consultation,
            language=saved.language if saved and "lang" not in request.GET else language,
            initial=initial,
        )
        return _page(request, consultation, form, language)
    submitting = request.POST.get("action") != "save"
    form = ResponseForm(
        request.POST, consultation=consultation, language=language, submitting=submitting
    )
    if _rate_limited(request, consultation):
        return render(
            request, "engagement/slow_down.html", {"consultation": consultation}, status=429
        )
    if not form.is_valid():
        return _page(request, consultation, form, language, status=400)
    _saved, new_token = services.save_response(
        consultation=consultation, answers=form.answers(), profile=form.profile(),
        submit=submitting, language=language, response=saved,
        consented=bool(form.cleaned_data.get("consent")),
        respondent_name=form.cleaned_data.get("respondent_name", ""),
        respondent_email=form.cleaned_data.get("respondent_email", ""),
    )  # fmt: skip
    if submitting:
        return redirect("engagement:thanks", slug=consultation.slug)
    resume = reverse("engagement:resume", kwargs={"slug": slug, "token": new_token or token})
    page = render(
        request, "engagement/saved.html",
        {"consultation": consultation, "resume_url": request.build_absolute_uri(resume)},
    )  # fmt: skip
    page["Cache-Control"] = "no-store"
    return page


def thanks(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = get_object_or_404(Consultation, slug=slug)
    return render(request, "engagement/thanks.html", {"consultation": consultation})


def story_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:200]
    theme = request.GET.get("theme", "")[:100]
    stories = selectors.published_stories(query=query, theme=theme)[:100]
    return render(
        request, "engagement/story_list.html", {"stories": stories, "q": query, "theme": theme}
    )


def story_detail(request: HttpRequest, slug: str) -> HttpResponse:
    story = selectors.published_stories().filter(slug=slug).first()
    if story is None:
        raise Http404
    return render(request, "engagement/story_detail.html", {"story": story})
