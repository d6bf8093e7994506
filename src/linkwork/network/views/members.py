"""The network home, the member directory and a member's own profile."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from linkwork.core import audit
from linkwork.network import policy, selectors
from linkwork.network.forms import MemberSearchForm, ProfileForm
from linkwork.network.services import members as member_services
from linkwork.network.views.common import MemberRequest, form_page, member_view


@member_view(policy.VIEW)
def home(request: MemberRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "network/home.html",
        {
            "events": selectors.upcoming_events(user)[:3],
            "resources": selectors.search_resources(user).order_by("-published_at")[:5],
            "topics": selectors.visible_topics(user)[:5],
            "profile": member_services.profile_for(user),
            "is_moderator": selectors.is_moderator(user),
        },
    )


@member_view(policy.VIEW)
def member_list(request: MemberRequest) -> HttpResponse:
    form = MemberSearchForm(request.GET or None)
    profiles = selectors.search_profiles(request.user)
    if form.is_valid():
        profiles = selectors.search_profiles(
            request.user,
            area=form.cleaned_data["area"],
            specialism=form.cleaned_data["specialism"],
            text=form.cleaned_data["q"],
        )
    return render(request, "network/member_list.html", {"form": form, "profiles": profiles[:100]})


@member_view(policy.VIEW)
def member_detail(request: MemberRequest, pk: int) -> HttpResponse:
    profile = selectors.visible_profiles(request.user).filter(pk=pk).first()
    if profile is None:
        raise Http404
    if profile.user_id != request.user.pk:
        audit.record(audit.Action.VIEW, profile, actor=request.user)
    return render(request, "network/member_detail.html", {"profile": profile})


@member_view(policy.EDIT_PROFILE)
def my_profile(request: MemberRequest) -> HttpResponse:
    profile = member_services.profile_for(request.user)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        member_services.update_profile(actor=request.user, profile=profile, data=form.cleaned_data)
        messages.success(request, _("Your network profile is saved."))
        return redirect("network:my_profile")
    feed_url = request.build_absolute_uri(
        reverse("network:personal_feed", args=[profile.feed_token])
    )
    return form_page(
        request,
        form,
        title=_("My network profile"),
        template="network/my_profile.html",
        feed_url=feed_url,
        profile=profile,
        status=400 if form.errors else 200,
    )


@member_view(policy.EDIT_PROFILE)
@require_POST
def renew_feed(request: MemberRequest) -> HttpResponse:
    profile = member_services.profile_for(request.user)
    member_services.renew_feed_token(actor=request.user, profile=profile)
    messages.success(
        request, _("Your calendar feed has a new address; the old one no longer works.")
    )
    return redirect("network:my_profile")
