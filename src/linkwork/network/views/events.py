"""Learning events: list, detail, registration, attendance and calendars."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from linkwork.core import policy as core_policy
from linkwork.core.models import User
from linkwork.engagement import policy as engagement_policy
from linkwork.network import ical, policy, selectors
from linkwork.network.forms import EventForm
from linkwork.network.models import Event, MemberProfile, Registration
from linkwork.network.services import events as event_services
from linkwork.network.views.common import MemberRequest, add_errors, form_page, member_view


def _event(request: MemberRequest, pk: int) -> Event:
    event = selectors.event_detail(request.user, pk)
    if event is None:
        raise Http404
    return event


@member_view(policy.VIEW)
def event_list(request: MemberRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "network/event_list.html",
        {
            "upcoming": selectors.upcoming_events(user),
            "past": selectors.past_events(user)[:10],
            "mine": {r.event_id: r for r in selectors.my_events(user)},
            "can_manage": core_policy.can(user, policy.MANAGE_EVENT),
        },
    )


def _feedback_links(user: User, event: Event) -> dict[str, str]:
    """Where people give feedback on a past event (the consultation's public form, while it is
    open), and where its organisers read the themes (engagement, for those who may)."""
    consultation = event.feedback_consultation
    if consultation is None:
        return {}
    links = {}
    if event.is_past and consultation.is_open():
        links["respond"] = reverse("engagement:respond", args=[consultation.slug])
    if core_policy.can(user, engagement_policy.VIEW_RESPONSES, consultation):
        links["themes"] = reverse("engagement:consultation_detail", args=[consultation.pk])
    return links


@member_view(policy.VIEW)
def event_detail(request: MemberRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    mine = selectors.my_registration(request.user, event)
    can_manage = core_policy.can(request.user, policy.MANAGE_EVENT, event)
    registrations = (
        list(
            event.registrations.exclude(status=Registration.Status.CANCELLED).select_related("user")
        )
        if can_manage
        else []
    )
    return render(
        request,
        "network/event_detail.html",
        {
            "event": event,
            "mine": mine if mine and mine.status != Registration.Status.CANCELLED else None,
            "position": selectors.waiting_position(mine)
            if mine and mine.status == Registration.Status.WAITING
            else None,
            "can_manage": can_manage,
            "registrations": registrations,
            "feedback": _feedback_links(request.user, event),
            "places_left": max(event.capacity - event.confirmed_count, 0),  # type: ignore[attr-defined]
        },
    )


@member_view(policy.REGISTER_FOR_EVENT)
@require_POST
def event_register(request: MemberRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    try:
        registration = event_services.register(actor=request.user, event=event)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if registration.status == Registration.Status.CONFIRMED:
            messages.success(request, _("You have a place at this event."))
        else:
            messages.info(
                request,
                _(
                    "The event is full: you are on the waiting list and will get an email "
                    "if a place frees."
                ),
            )
    return redirect("network:event_detail", event.pk)


@member_view(policy.REGISTER_FOR_EVENT)
@require_POST
def event_cancel(request: MemberRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    registration_id = request.POST.get("registration")
    qs = Registration.objects.filter(event=event)
    if registration_id and registration_id.isdigit():
        registration = qs.filter(pk=int(registration_id)).first()
    else:
        registration = qs.filter(user=request.user).first()
    if registration is None:
        raise Http404
    event_services.cancel(actor=request.user, registration=registration)
    messages.success(request, _("The registration is cancelled."))
    return redirect("network:event_detail", event.pk)


@member_view(policy.MANAGE_EVENT)
@require_POST
def event_attendance(request: MemberRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    ids = {int(v) for v in request.POST.getlist("attended") if v.isdigit()}
    came = event_services.record_attendance(actor=request.user, event=event, attended_ids=ids)
    messages.success(request, _("Attendance saved: %(n)s came.") % {"n": came})
    return redirect("network:event_detail", event.pk)


@member_view(policy.MANAGE_EVENT)
def event_new(request: MemberRequest) -> HttpResponse:
    form = EventForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            event = event_services.create_event(actor=request.user, **data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The event is published."))
            return redirect("network:event_detail", event.pk)
    return form_page(
        request,
        form,
        title=_("Add a learning event"),
        submit_label=_("Publish event"),
        status=400 if form.errors else 200,
    )


def _ics(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@member_view(policy.VIEW)
def event_ics(request: MemberRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    url = request.build_absolute_uri(reverse("network:event_detail", args=[event.pk]))
    return _ics(ical.event_calendar(event, url=url), f"event-{event.pk}.ics")


@never_cache
def personal_feed(request: HttpRequest, token: str) -> HttpResponse:
    """A member's events as a calendar feed for their calendar app. Calendar apps cannot sign
    in, so the opaque token in the address is the key (renewable from the profile page); the
    feed holds only the events, nothing about the member."""
    profile = (
        MemberProfile.objects.select_related("user").filter(feed_token=token).first()
        if len(token) >= 32
        else None
    )
    if profile is None or not selectors.is_member(profile.user):
        raise Http404
    events = [r.event for r in selectors.my_events(profile.user)]
    urls = {
        e.pk: request.build_absolute_uri(reverse("network:event_detail", args=[e.pk]))
        for e in events
    }
    return _ics(ical.feed(events, name=_("My network events"), url_for=urls), "network-events.ics")
