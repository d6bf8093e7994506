"""Sharing a story (anyone, no sign-in) and reviewing stories before they are published
(programme managers of the programme a story was sent to)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from linkwork.core import audit, policy
from linkwork.core.permissions import acting_user, require_action
from linkwork.engagement import policy as actions
from linkwork.engagement import rate_limit, selectors, services, stories
from linkwork.engagement.forms import sign_started
from linkwork.engagement.forms_stories import DeclineForm, ShareStoryForm, StoryReviewForm
from linkwork.engagement.models import Story
from linkwork.engagement.views_builder import errors_into


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@require_action(actions.SHARE_STORY)
@require_http_methods(["GET", "POST"])
def share_story(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        if rate_limit.over_limit(request, "story"):
            return render(request, "engagement/slow_down.html", {}, status=429)
        form = ShareStoryForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                stories.share_story(
                    programme=data["programme"], title=data["title"], summary=data["summary"],
                    body=data["body"], place=data.get("place", ""),
                    contributor_name=data.get("contributor_name", ""),
                    contributor_email=data.get("contributor_email", ""),
                    consent_to_publish=data["consent_to_publish"],
                    consent_others=data["consent_others"],
                )  # fmt: skip
            except ValidationError as exc:
                errors_into(form, exc)
            else:
                return redirect("engagement:story_shared")
    else:
        form = ShareStoryForm(initial={"started": sign_started()})
    return _no_store(render(
        request, "engagement/story_share.html", {"form": form},
        status=400 if form.errors else 200,
    ))  # fmt: skip


@require_action(actions.SHARE_STORY)
def story_shared(request: HttpRequest) -> HttpResponse:
    return render(request, "engagement/story_shared.html")


@require_action(actions.REVIEW_STORY)
def review_list(request: HttpRequest) -> HttpResponse:
    waiting = list(selectors.stories_to_review(request.user)[:200])
    return _no_store(render(request, "engagement/story_review_list.html", {"stories": waiting}))


def _initial(story: Story) -> dict[str, object]:
    return {
        "title": story.title, "summary": story.summary, "body": story.body,
        "place": story.place, "themes": ", ".join(story.themes), "tags": ", ".join(story.tags),
    }  # fmt: skip


@require_action(actions.REVIEW_STORY)
@require_http_methods(["GET", "POST"])
def review_story(request: HttpRequest, pk: int) -> HttpResponse:
    scoped = policy.scope_queryset(
        request.user, actions.REVIEW_STORY, Story.objects.select_related("organisation")
    )
    story = get_object_or_404(scoped, pk=pk)
    form = StoryReviewForm(initial=_initial(story))
    decline = DeclineForm()
    if request.method == "POST":
        action = request.POST.get("action")
        actor = acting_user(request)
        try:
            if action == "decline":
                decline = DeclineForm(request.POST)
                if decline.is_valid():
                    stories.decline_story(
                        actor=actor, story=story, note=decline.cleaned_data["note"]
                    )
                    messages.success(request, _("The story will not be published."))
                    return redirect("engagement:story_review_list")
            else:
                form = StoryReviewForm(request.POST)
                if form.is_valid():
                    data = form.cleaned_data
                    stories.revise_story(
                        actor=actor, story=story, title=data["title"], summary=data["summary"],
                        body=data["body"], place=data.get("place", ""),
                        themes=data["themes"], tags=data["tags"],
                    )  # fmt: skip
                    if action == "publish":
                        services.publish_story(actor=actor, story=story)
                        messages.success(request, _("Published."))
                        return redirect("engagement:story_detail", slug=story.slug)
                    messages.success(request, _("Changes saved."))
                    return redirect("engagement:story_review", pk=pk)
        except ValidationError as exc:
            errors_into(form, exc)
        except ValueError:
            form.add_error(
                None, _("This story cannot be published: its sender has not agreed to that.")
            )
    # The contributor's name and email are personal data: the reviewer's reading is audited.
    audit.record(audit.Action.VIEW, story, actor=request.user, detail={"scope": "review"})
    return _no_store(render(
        request, "engagement/story_review.html",
        {"story": story, "form": form, "decline": decline},
        status=400 if (form.errors or decline.errors) else 200,
    ))  # fmt: skip
