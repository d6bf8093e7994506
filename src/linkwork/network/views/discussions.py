"""Discussions: topics, replies, moderation, flagged posts and case studies."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from linkwork.core import policy as core_policy
from linkwork.network import pii, policy, selectors
from linkwork.network.forms import CaseStudyForm, PostForm, TopicForm
from linkwork.network.models import Post, Topic
from linkwork.network.services import discussions
from linkwork.network.services import resources as resource_services
from linkwork.network.views.common import MemberRequest, add_errors, form_page, member_view


def _topic(request: MemberRequest, pk: int) -> Topic:
    topic = selectors.visible_topics(request.user).filter(pk=pk).first()
    if topic is None:
        raise Http404
    return topic


def _warn(form: PostForm, kinds: list[str]) -> None:
    form.add_error(
        "confirm_no_personal_data",
        _(
            "Your message seems to contain %(kinds)s. Never post anything that could identify a "
            "person you support. Remove it, or tick the box to confirm it is not about anyone "
            "you support (a moderator will be asked to check)."
        )
        % {"kinds": ", ".join(pii.describe(kinds))},
    )


@member_view(policy.VIEW)
def topic_list(request: MemberRequest) -> HttpResponse:
    return render(
        request,
        "network/topic_list.html",
        {
            "topics": selectors.visible_topics(request.user)[:100],
            "is_moderator": selectors.is_moderator(request.user),
            "flagged_count": selectors.flagged_posts(request.user).count(),
        },
    )


@member_view(policy.POST)
def topic_new(request: MemberRequest) -> HttpResponse:
    form = TopicForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            topic = discussions.start_topic(
                actor=request.user,
                title=data["title"],
                body=data["body"],
                confirmed=data["confirm_no_personal_data"],
            )
        except discussions.PersonalDataWarning as warning:
            _warn(form, warning.kinds)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            return redirect("network:topic_detail", topic.pk)
    return form_page(
        request,
        form,
        title=_("Start a discussion"),
        intro=_(
            "Share learning, not cases: never post anything that could identify "
            "a person you support."
        ),
        submit_label=_("Post"),
        status=400 if form.errors else 200,
    )


@member_view(policy.VIEW)
def topic_detail(request: MemberRequest, pk: int) -> HttpResponse:
    topic = _topic(request, pk)
    form = PostForm(request.POST or None)
    if request.method == "POST":
        if not core_policy.can(request.user, policy.POST, topic):
            raise Http404
        if form.is_valid():
            try:
                discussions.reply(
                    actor=request.user,
                    topic=topic,
                    body=form.cleaned_data["body"],
                    confirmed=form.cleaned_data["confirm_no_personal_data"],
                )
            except discussions.PersonalDataWarning as warning:
                _warn(form, warning.kinds)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                return redirect("network:topic_detail", topic.pk)
    is_moderator = selectors.is_moderator(request.user)
    return render(
        request,
        "network/topic_detail.html",
        {
            "topic": topic,
            "posts": selectors.topic_posts(request.user, topic).prefetch_related("mentions"),
            "form": form,
            "is_moderator": is_moderator,
            "can_reply": (not topic.locked and not topic.hidden) or is_moderator,
        },
        status=400 if form.errors else 200,
    )


@member_view(policy.MODERATE)
@require_POST
def topic_moderate(request: MemberRequest, pk: int) -> HttpResponse:
    topic = _topic(request, pk)
    action = request.POST.get("action", "")
    changes = {
        "lock": {"locked": True},
        "unlock": {"locked": False},
        "hide": {"hidden": True},
        "show": {"hidden": False},
    }.get(action)
    if changes is None:
        raise Http404
    discussions.moderate_topic(actor=request.user, topic=topic, **changes)
    messages.success(request, _("The discussion is updated."))
    return redirect("network:topic_detail", topic.pk)


@member_view(policy.MODERATE)
@require_POST
def post_moderate(request: MemberRequest, pk: int) -> HttpResponse:
    post = Post.objects.filter(pk=pk).select_related("topic").first()
    if post is None:
        raise Http404
    action = request.POST.get("action", "")
    if action == "hide":
        discussions.moderate_post(actor=request.user, post=post, hidden=True, resolve_flag=True)
    elif action == "show":
        discussions.moderate_post(actor=request.user, post=post, hidden=False)
    elif action == "resolve":
        discussions.moderate_post(actor=request.user, post=post, resolve_flag=True)
    else:
        raise Http404
    messages.success(request, _("The post is updated."))
    if request.POST.get("next") == "flagged":
        return redirect("network:flagged_posts")
    return redirect("network:topic_detail", post.topic_id)


@member_view(policy.MODERATE)
def flagged_posts(request: MemberRequest) -> HttpResponse:
    return render(
        request, "network/flagged_posts.html", {"posts": selectors.flagged_posts(request.user)}
    )


@member_view(policy.VIEW)
def case_study_list(request: MemberRequest) -> HttpResponse:
    return render(
        request,
        "network/case_study_list.html",
        {
            "case_studies": selectors.case_studies(request.user),
            "can_add": core_policy.can(request.user, policy.ADD_CASE_STUDY),
        },
    )


@member_view(policy.ADD_CASE_STUDY)
def case_study_new(request: MemberRequest) -> HttpResponse:
    form = CaseStudyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            resource_services.add_case_study(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The case study is added."))
            return redirect("network:case_study_list")
    return form_page(
        request,
        form,
        title=_("Add a case study"),
        submit_label=_("Add"),
        status=400 if form.errors else 200,
    )
