"""Public pages: answering a consultation (no sign-in) and the stories library."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from linkwork.engagement import rate_limit, selectors, services
from linkwork.engagement.easy_read_page import easy_read_context
from linkwork.engagement.forms import ResponseForm, initial_from, sign_started
from linkwork.engagement.models import (
    RTL_LANGUAGES,
    Consultation,
    ConsultationTranslation,
    Response,
    hash_token,
)


def _language(request: HttpRequest, consultation: Consultation) -> str:
    wanted = request.GET.get("lang") or request.POST.get("lang") or "en"
    return wanted if wanted in consultation.offered_languages() else "en"


#: The language code of the Easy Read form: a consultation's "en-easy" translation, if it has
#: one, gives its questions in Easy Read words.
EASY_READ = "en-easy"


def _rate_limited(request: HttpRequest, consultation: Consultation) -> bool:
    return rate_limit.over_limit(request, f"consultation:{consultation.pk}")


def _page(
    request: HttpRequest,
    consultation: Consultation,
    form: ResponseForm,
    language: str,
    *,
    status: int = 200,
    resume_url: str = "",
    easy_read: bool = False,
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
    if easy_read:
        context.update(easy_read_context(consultation, form))
    template = "engagement/respond_easy_read.html" if easy_read else "engagement/respond.html"
    response = render(request, template, context, status=status)
    response["Cache-Control"] = "no-store"
    return response


def _published(slug: str) -> QuerySet[Consultation]:
    """A consultation the public may know exists: published and already opened (one not yet
    open is as unknown as a draft, so its title does not leak before it is announced)."""
    return Consultation.objects.filter(slug=slug, is_draft=False, opens_at__lte=timezone.now())


@never_cache
@require_http_methods(["GET", "POST"])
def respond(request: HttpRequest, slug: str, token: str = "") -> HttpResponse:
    return answer(request, slug, token, easy_read=False)


def answer(request: HttpRequest, slug: str, token: str, *, easy_read: bool) -> HttpResponse:
    """The response form (standard or Easy Read: the same form and service behind both)."""
    consultation = selectors.open_consultation(slug)
    if consultation is None:
        closed = _published(slug).first()
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
    language = EASY_READ if easy_read else _language(request, consultation)
    if request.method == "GET":
        initial = {"started": sign_started(), **(initial_from(saved) if saved else {})}
        form = ResponseForm(
            consultation=consultation,
            language=(
                saved.language
                if saved and "lang" not in request.GET and not easy_read
                else language
            ),
            initial=initial,
        )
        return _page(request, consultation, form, language, easy_read=easy_read)
    submitting = request.POST.get("action") != "save"
    form = ResponseForm(
        request.POST, consultation=consultation, language=language, submitting=submitting
    )
    if _rate_limited(request, consultation):
        return render(
            request, "engagement/slow_down.html", {"consultation": consultation}, status=429
        )
    if not form.is_valid():
        return _page(request, consultation, form, language, status=400, easy_read=easy_read)
    _saved, new_token = services.save_response(
        consultation=consultation, answers=form.answers(), profile=form.profile(),
        submit=submitting, language=language, response=saved,
        consented=bool(form.cleaned_data.get("consent")),
        respondent_name=form.cleaned_data.get("respondent_name", ""),
        respondent_email=form.cleaned_data.get("respondent_email", ""),
    )  # fmt: skip
    if submitting:
        return redirect("engagement:thanks", slug=consultation.slug)
    resume_view = "engagement:resume_easy_read" if easy_read else "engagement:resume"
    resume = reverse(resume_view, kwargs={"slug": slug, "token": new_token or token})
    page = render(
        request, "engagement/saved.html",
        {"consultation": consultation, "resume_url": request.build_absolute_uri(resume)},
    )  # fmt: skip
    page["Cache-Control"] = "no-store"
    return page


def thanks(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = get_object_or_404(_published(slug))
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
