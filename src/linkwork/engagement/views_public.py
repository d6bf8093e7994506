"""Public pages: answering a consultation (no sign-in) and the stories library."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from linkwork.engagement import rate_limit, selectors, services, translations
from linkwork.engagement.easy_read_page import easy_read_context
from linkwork.engagement.forms import ResponseForm, initial_from, sign_started
from linkwork.engagement.models import Consultation, Response, hash_token
from linkwork.engagement.translations import consultation_text


def _rate_limited(request: HttpRequest, consultation: Consultation) -> bool:
    return rate_limit.over_limit(request, f"consultation:{consultation.pk}")


def _page(
    request: HttpRequest,
    consultation: Consultation,
    form: ResponseForm,
    languages: list[str],
    *,
    status: int = 200,
    resume_url: str = "",
    easy_read: bool = False,
) -> HttpResponse:
    text = consultation_text(consultation, languages)
    context = {
        "consultation": consultation,
        "form": form,
        "title": text.title,
        "summary": text.summary,
        "consent_text": text.consent_text,
        "privacy_notice": text.privacy_notice,
        "resume_url": resume_url,
    }
    if easy_read:
        context.update(easy_read_context(consultation, form))
    template = "engagement/respond_easy_read.html" if easy_read else "engagement/respond.html"
    response = render(request, template, context, status=status)
    response["Cache-Control"] = "no-store"
    return response


def _title(consultation: Consultation) -> translations.Shown:
    return consultation_text(consultation, translations.chain(translations.page_language())).title


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
        context = {"consultation": closed, "title": _title(closed)}
        return render(request, "engagement/closed.html", context, status=410)
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
    # The consultation's words in the page's language where it has them (decision 0011: the
    # switcher and the browser choose it), piece by piece, else in (Easy Read) English.
    language = translations.page_language()
    languages = translations.chain(language, easy_read=easy_read)
    if request.method == "GET":
        initial = {"started": sign_started(), **(initial_from(saved) if saved else {})}
        form = ResponseForm(consultation=consultation, languages=languages, initial=initial)
        return _page(request, consultation, form, languages, easy_read=easy_read)
    submitting = request.POST.get("action") != "save"
    form = ResponseForm(
        request.POST, consultation=consultation, languages=languages, submitting=submitting
    )
    if _rate_limited(request, consultation):
        return render(
            request, "engagement/slow_down.html", {"consultation": consultation}, status=429
        )
    if not form.is_valid():
        return _page(request, consultation, form, languages, status=400, easy_read=easy_read)
    _saved, new_token = services.save_response(
        consultation=consultation, answers=form.answers(), profile=form.profile(),
        submit=submitting, language=languages[0] if languages else translations.ORIGINAL,
        response=saved,
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
    context = {"consultation": consultation, "title": _title(consultation)}
    return render(request, "engagement/thanks.html", context)


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
