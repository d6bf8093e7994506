"""Who may see and do what in the network: every page as anonymous, every role, a signed-in
user with no staff role, and "my programme" profiles across programmes."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, get_resolver, reverse

from linkwork.core import policy as core_policy
from linkwork.core.models import Membership
from linkwork.core.roles import Role
from linkwork.network import policy
from linkwork.network.choices import Visibility
from linkwork.network.models import Resource
from linkwork.network.selectors import search_profiles, visible_profiles
from linkwork.network.services import resources as resource_services
from tests.core.factories import make_user
from tests.network.factories import (
    MEMBER_ROLES,
    EventFactory,
    ProfileFactory,
    TopicFactory,
    member,
    moderator,
    pdf_bytes,
    programme_with_practice,
)

pytestmark = pytest.mark.django_db

MODERATOR_ONLY = {
    "event_new",
    "event_attendance",
    "resource_publish",
    "topic_moderate",
    "post_moderate",
    "flagged_posts",
    "case_study_new",
}
POST_ONLY = {
    "renew_feed",
    "resource_publish",
    "event_register",
    "event_cancel",
    "event_attendance",
    "topic_moderate",
    "post_moderate",
}


def _patterns() -> list[URLPattern]:
    resolver = get_resolver()
    network = next(p for p in resolver.url_patterns if getattr(p, "namespace", None) == "network")
    return list(network.url_patterns)


def _world() -> dict[str, Any]:
    manager = moderator()
    resource = resource_services.add_resource(
        actor=manager,
        kind=Resource.Kind.DOCUMENT,
        title="Recruitment guide",
        summary="How to recruit link workers.",
        audience="managers",
        upload=io.BytesIO(pdf_bytes()),
        upload_name="guide.pdf",
    )
    topic = TopicFactory()
    post = topic.posts.create(author=topic.author, body="Hello")
    profile = ProfileFactory()
    return {
        "pk": {
            "resource": resource.pk,
            "event": EventFactory().pk,
            "topic": topic.pk,
            "post": post.pk,
            "member": profile.pk,
        }
    }


def _url(pattern: URLPattern, world: dict[str, Any]) -> str:
    name = pattern.name or ""
    kwargs: dict[str, Any] = {}
    keys = pattern.pattern.converters
    if "pk" in keys:
        kind = next(
            (k for k in ("resource", "event", "topic", "post", "member") if k in name), "resource"
        )
        if name.startswith("version") or name.startswith("resource"):
            kind = "resource"
        kwargs["pk"] = world["pk"][kind]
    if "number" in keys:
        kwargs["number"] = 1
    if "token" in keys:
        kwargs["token"] = "t" * 43
    return reverse(f"network:{name}", kwargs=kwargs)


def test_every_network_page_names_its_action() -> None:
    actions = core_policy.actions()
    for pattern in _patterns():
        if pattern.name == "personal_feed":
            continue  # opened by calendar apps with the opaque token: see the view's docstring
        action = getattr(pattern.callback, "policy_action", None)
        assert action in actions, f"{pattern.name} names no network action"


def test_anonymous_visitors_are_sent_to_sign_in_from_every_page() -> None:
    world = _world()
    client = Client()
    for pattern in _patterns():
        if pattern.name == "personal_feed":
            continue
        url = _url(pattern, world)
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            assert response.status_code == 302, (pattern.name, method)
            assert response["Location"].startswith(reverse("login")), pattern.name


def test_anonymous_personal_feed_without_a_valid_token_is_not_found() -> None:
    assert Client().get(reverse("network:personal_feed", args=["t" * 43])).status_code == 404


@pytest.mark.parametrize("role", [*MEMBER_ROLES, Role.ADMIN])
def test_every_staff_role_reads_the_network_and_only_moderators_moderate(role: str) -> None:
    world = _world()
    client = Client()
    user = make_user(role)
    client.force_login(user)
    moderates = role in (Role.PROGRAMME_MANAGER, Role.ADMIN)
    for pattern in _patterns():
        name = pattern.name or ""
        if name == "personal_feed" or name in POST_ONLY:
            continue
        url = _url(pattern, world)
        response = client.get(url)
        if response.streaming:  # consuming it closes the file (the client's own wrapper)
            b"".join(response.streaming_content)
        expected = 200 if (moderates or name not in MODERATOR_ONLY) else 403
        assert response.status_code == expected, (role, name, response.status_code)
    assert core_policy.can(user, policy.MODERATE) is moderates


def test_a_signed_in_user_with_no_staff_role_is_refused() -> None:
    world = _world()
    client = Client()
    client.force_login(make_user())
    for pattern in _patterns():
        if pattern.name == "personal_feed":
            continue
        assert client.get(_url(pattern, world)).status_code == 403, pattern.name


@pytest.mark.parametrize("name", sorted(MODERATOR_ONLY & POST_ONLY))
def test_members_cannot_post_to_moderator_actions(name: str) -> None:
    world = _world()
    client = Client()
    client.force_login(member())
    pattern = next(p for p in _patterns() if p.name == name)
    assert client.post(_url(pattern, world), {"action": "hide"}).status_code == 403


def test_network_pages_are_not_cached() -> None:
    client = Client()
    client.force_login(member())
    assert "no-store" in client.get(reverse("network:member_list"))["Cache-Control"]


def test_the_nav_shows_network_to_members() -> None:
    client = Client()
    client.force_login(member())
    assert f'href="{reverse("network:home")}"' in client.get("/").content.decode()
    client.force_login(make_user())
    assert f'href="{reverse("network:home")}"' not in client.get("/").content.decode()


# -- profiles: who sees what ---------------------------------------------------------------


def _profiles() -> dict[str, Any]:
    programme, practice = programme_with_practice()
    other_programme, elsewhere = programme_with_practice()
    everyone = ProfileFactory(display_name="Everyone Sees", visibility=Visibility.NETWORK)
    mine = ProfileFactory(
        display_name="Same Programme",
        visibility=Visibility.PROGRAMME,
        user=member(organisations=(practice,)),
    )
    nobody = ProfileFactory(display_name="Hidden Person", visibility=Visibility.NOBODY)
    unlisted = ProfileFactory(display_name="Not Opted In", listed=False)
    colleague = member(organisations=(practice,))
    manager = moderator(organisations=(programme,))
    outsider = member(organisations=(elsewhere,))
    return locals()


def test_programme_only_profiles_are_seen_within_the_programme_only() -> None:
    w = _profiles()
    names = lambda user: {p.display_name for p in search_profiles(user)}  # noqa: E731
    assert names(w["colleague"]) == {"Everyone Sees", "Same Programme"}
    assert names(w["manager"]) == {"Everyone Sees", "Same Programme"}
    assert names(w["outsider"]) == {"Everyone Sees"}


def test_nobody_and_unlisted_profiles_are_seen_only_by_their_owner() -> None:
    w = _profiles()
    assert w["nobody"] not in visible_profiles(w["colleague"])
    assert w["unlisted"] not in search_profiles(w["colleague"])
    assert w["nobody"] in visible_profiles(w["nobody"].user)


def test_a_member_of_another_programme_cannot_open_a_programme_only_profile() -> None:
    w = _profiles()
    client = Client()
    client.force_login(w["outsider"])
    assert client.get(reverse("network:member_detail", args=[w["mine"].pk])).status_code == 404
    client.force_login(w["colleague"])
    assert client.get(reverse("network:member_detail", args=[w["mine"].pk])).status_code == 200


def test_a_member_who_leaves_the_programme_stops_seeing_its_profiles() -> None:
    w = _profiles()
    Membership.objects.filter(user=w["colleague"]).delete()
    assert w["mine"] not in visible_profiles(w["colleague"])


def test_members_search_by_area_and_specialism() -> None:
    ProfileFactory(display_name="Highland Money", area="highland", specialisms="money advice")
    ProfileFactory(display_name="Highland Mind", area="highland", specialisms="mental health")
    ProfileFactory(display_name="Fife Money", area="fife", specialisms="Money advice")
    viewer = member()
    found = search_profiles(viewer, area="highland", specialism="money")
    assert [p.display_name for p in found] == ["Highland Money"]
    assert {p.display_name for p in search_profiles(viewer, specialism="MONEY")} == {
        "Highland Money",
        "Fife Money",
    }


def test_a_member_edits_only_their_own_profile() -> None:
    from django.core.exceptions import PermissionDenied

    from linkwork.network.services.members import update_profile

    profile = ProfileFactory()
    with pytest.raises(PermissionDenied):
        update_profile(actor=member(), profile=profile, data={"listed": False})
    update_profile(actor=profile.user, profile=profile, data={"area": "orkney"})
    profile.refresh_from_db()
    assert profile.area == "orkney"


@pytest.mark.parametrize(
    "name", ["member_list", "resource_list", "event_list", "topic_list", "home", "case_study_list"]
)
def test_list_query_counts_do_not_grow_with_rows(
    name: str, django_assert_max_num_queries: Any
) -> None:
    from tests.network.factories import ResourceFactory

    for _ in range(15):
        ProfileFactory()
        ResourceFactory()
        EventFactory()
        TopicFactory()
    client = Client()
    client.force_login(member())
    with django_assert_max_num_queries(14):
        assert client.get(reverse(f"network:{name}")).status_code == 200
