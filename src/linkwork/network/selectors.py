"""Reads for the network app, already scoped to the member asking."""

from __future__ import annotations

import datetime as dt

from django.db.models import Case, Count, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from linkwork.core import policy as core_policy
from linkwork.core.models import Organisation, User
from linkwork.network import fulltext, policy
from linkwork.network.choices import Visibility
from linkwork.network.models import (
    CaseStudyLink,
    Event,
    MemberProfile,
    Post,
    Registration,
    Resource,
    Topic,
)


def is_member(user: object) -> bool:
    return core_policy.can(user, policy.VIEW)  # type: ignore[arg-type]


def is_moderator(user: object) -> bool:
    return core_policy.can(user, policy.MODERATE)  # type: ignore[arg-type]


def programme_ids(user: User) -> set[int]:
    """The programmes a user works in: programmes they belong to, and those of their
    practices and organisations. Read fresh: someone who has left loses the link at once."""
    own = user.organisation_ids()
    if not own:
        return set()
    direct = Organisation.objects.filter(id__in=own)
    ids = set(direct.filter(kind=Organisation.Kind.PROGRAMME).values_list("id", flat=True))
    ids |= set(direct.exclude(programme_id=None).values_list("programme_id", flat=True))
    return ids


def visible_profiles(user: User) -> QuerySet[MemberProfile]:
    """Listed profiles this member may see: everyone's that say "the network", those that say
    "my programme" when the two share a programme, and always their own."""
    if not is_member(user):
        return MemberProfile.objects.none()
    programmes = programme_ids(user)
    same_programme = Q(user__memberships__organisation_id__in=programmes) | Q(
        user__memberships__organisation__programme_id__in=programmes
    )
    allowed = Q(visibility=Visibility.NETWORK)
    if programmes:
        allowed |= Q(visibility=Visibility.PROGRAMME) & same_programme
    ids = MemberProfile.objects.filter(listed=True, user__is_active=True).filter(allowed)
    return MemberProfile.objects.filter(Q(pk__in=ids.values("pk")) | Q(user=user)).select_related(
        "user"
    )


def search_profiles(
    user: User, *, area: str = "", specialism: str = "", text: str = ""
) -> QuerySet[MemberProfile]:
    qs = visible_profiles(user).filter(listed=True)
    if area:
        qs = qs.filter(area=area)
    if specialism:
        qs = qs.filter(specialisms__icontains=specialism.strip())
    for word in text.split()[:8]:
        qs = qs.filter(
            Q(display_name__icontains=word)
            | Q(job_role__icontains=word)
            | Q(organisation_name__icontains=word)
            | Q(ask_me_about__icontains=word)
            | Q(languages__icontains=word)
        )
    return qs.order_by("display_name", "pk")


def visible_resources(user: User) -> QuerySet[Resource]:
    """Published resources for every member; moderators also see suggestions and withdrawn
    ones; members see their own suggestions."""
    if not is_member(user):
        return Resource.objects.none()
    qs = Resource.objects.select_related("owner")
    if core_policy.can(user, policy.PUBLISH_RESOURCE):
        return qs
    return qs.filter(Q(status=Resource.Status.PUBLISHED) | Q(owner=user))


def search_resources(
    user: User, *, text: str = "", section: str = "", kind: str = ""
) -> QuerySet[Resource]:
    """Published resources the user may see. With words: those whose title, summary, tags or
    current file text contain every word (the database's full text, stemmed), best match
    first; without: by title."""
    qs = visible_resources(user).filter(status=Resource.Status.PUBLISHED)
    if section:
        qs = qs.filter(section=section)
    if kind:
        qs = qs.filter(kind=kind)
    if not fulltext.words(text):
        return qs.order_by("title", "pk")
    ids = fulltext.ranked_resource_ids(text)
    best_first = Case(*(When(pk=pk, then=Value(rank)) for rank, pk in enumerate(ids)))
    return qs.filter(pk__in=ids).order_by(best_first, "pk") if ids else qs.none()


def suggestions(user: User) -> QuerySet[Resource]:
    if not core_policy.can(user, policy.PUBLISH_RESOURCE):
        return Resource.objects.none()
    return Resource.objects.filter(status=Resource.Status.SUGGESTED).select_related("owner")


def resource_detail(user: User, pk: int) -> Resource | None:
    return (
        visible_resources(user)
        .prefetch_related("versions__uploaded_by", "case_studies__story", "events")
        .filter(pk=pk)
        .first()
    )


def upcoming_events(user: User, *, now: dt.datetime | None = None) -> QuerySet[Event]:
    if not is_member(user):
        return Event.objects.none()
    now = now or timezone.now()
    return _with_counts(Event.objects.filter(ends_at__gte=now)).order_by("starts_at")


def past_events(user: User, *, now: dt.datetime | None = None) -> QuerySet[Event]:
    if not is_member(user):
        return Event.objects.none()
    now = now or timezone.now()
    return _with_counts(Event.objects.filter(ends_at__lt=now)).order_by("-starts_at")


def _with_counts(qs: QuerySet[Event]) -> QuerySet[Event]:
    return qs.annotate(
        confirmed_count=Count("registrations", filter=Q(registrations__status="confirmed")),
        waiting_count=Count("registrations", filter=Q(registrations__status="waiting")),
    )


def event_detail(user: User, pk: int) -> Event | None:
    if not is_member(user):
        return None
    return (
        _with_counts(Event.objects.select_related("feedback_consultation"))
        .prefetch_related("case_studies__story", "resources")
        .filter(pk=pk)
        .first()
    )


def my_registration(user: User, event: Event) -> Registration | None:
    return Registration.objects.filter(event=event, user=user).first()


def waiting_position(registration: Registration) -> int:
    return (
        Registration.objects.filter(
            event_id=registration.event_id,
            status=Registration.Status.WAITING,
        )
        .filter(
            Q(queued_at__lt=registration.queued_at)
            | Q(queued_at=registration.queued_at, id__lt=registration.id)
        )
        .count()
        + 1
    )


def my_events(user: User) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(user=user)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("event")
        .order_by("event__starts_at")
    )


def visible_topics(user: User) -> QuerySet[Topic]:
    if not is_member(user):
        return Topic.objects.none()
    qs = Topic.objects.select_related("author").annotate(
        reply_count=Count("posts", filter=Q(posts__hidden=False))
    )
    if is_moderator(user):
        return qs
    return qs.filter(hidden=False)


def topic_posts(user: User, topic: Topic) -> QuerySet[Post]:
    qs = topic.posts.select_related("author")
    if is_moderator(user):
        return qs
    return qs.filter(hidden=False)


def flagged_posts(user: User) -> QuerySet[Post]:
    if not is_moderator(user):
        return Post.objects.none()
    return (
        Post.objects.filter(flagged=True, flag_resolved=False)
        .select_related("topic", "author")
        .order_by("-created_at")
    )


def case_studies(user: User) -> QuerySet[CaseStudyLink]:
    if not is_member(user):
        return CaseStudyLink.objects.none()
    return CaseStudyLink.objects.select_related("story").prefetch_related(
        Prefetch("resources", queryset=Resource.objects.filter(status="published")), "events"
    )
