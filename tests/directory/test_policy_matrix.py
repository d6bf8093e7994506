"""The directory's pages held to the rules they declare in the core policy (directory/policy.py):
public pages are public; editorial pages and their writes are scoped to the editors of the
organisation that owns the record (another organisation's editor, or one who has left, gets
403/404 and writes nothing); moderation is for moderators. Reads and writes, every role."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from linkwork.core import policy
from linkwork.core.models import Membership, Organisation
from linkwork.core.roles import Role
from linkwork.directory import policy as directory_policy
from linkwork.directory import services
from linkwork.directory.models import (
    ChangeRecord,
    ChangeRequest,
    DuplicateFlag,
    OrganizationClaim,
    ProblemReport,
    Service,
)
from tests.core.factories import OrganisationFactory, make_user
from tests.directory import factories as f

pytestmark = pytest.mark.django_db

EDITORS_OWN = ("editor_own", "manager", "admin")
OUTSIDERS = ("editor_far", "editor_stale")
NO_ROLE = ("link_worker", "analyst")


@pytest.fixture
def world() -> dict[str, Any]:
    account = OrganisationFactory(kind=Organisation.Kind.COMMUNITY)
    far_account = OrganisationFactory(kind=Organisation.Kind.COMMUNITY)
    practice = OrganisationFactory(kind=Organisation.Kind.GP_PRACTICE)
    org = f.OrganizationFactory(name="Befriend Together", owner=account)
    far_org = f.OrganizationFactory(name="Other Group", owner=far_account)
    unowned = f.OrganizationFactory(name="Nobody's yet", owner=None)
    service = f.ServiceFactory(name="Tea and chat", organization=org, owner=account)
    far_service = f.ServiceFactory(name="Walk club", organization=far_org, owner=far_account)
    users = {
        "editor_own": make_user(Role.COMMUNITY_EDITOR, organisations=(account,)),
        "editor_far": make_user(Role.COMMUNITY_EDITOR, organisations=(far_account,)),
        "editor_stale": make_user(Role.COMMUNITY_EDITOR, organisations=(account,)),
        "link_worker": make_user(Role.LINK_WORKER, organisations=(practice,)),
        "analyst": make_user(Role.ANALYST),
        "manager": make_user(Role.PROGRAMME_MANAGER),
        "admin": make_user(Role.ADMIN),
    }
    Membership.objects.filter(user=users["editor_stale"]).delete()
    # Something waiting in each moderation list, proposed by the owning organisation's editor.
    services.propose_change(
        user=users["editor_own"],
        object_type="service",
        organization=org,
        proposed={"name": "Tea, chat and cake"},
        original={"name": service.name},
        object_id=service.id,
    )
    claim = OrganizationClaim.objects.create(
        organization=unowned, account=account, requested_by=users["editor_own"]
    )
    report = ProblemReport.objects.create(
        service=service, organization=org, what="phone", message="The number is wrong"
    )
    flag = DuplicateFlag.objects.create(service=service, other=far_service, score=90.0)
    return {
        **users,
        "org": org,
        "unowned": unowned,
        "service": service,
        "change": ChangeRequest.objects.get(),
        "claim": claim,
        "report": report,
        "flag": flag,
    }


def _client(world: dict[str, Any], who: str) -> Client:
    client = Client()
    if who != "anonymous":
        client.force_login(world[who])
    return client


def _state(world: dict[str, Any]) -> tuple[Any, ...]:
    """Everything a write on these pages could change."""
    service = Service.objects.get(id=world["service"].id)
    return (
        ChangeRequest.objects.count(),
        sorted(ChangeRequest.objects.values_list("status", flat=True)),
        ChangeRecord.objects.count(),
        service.name,
        service.last_reviewed_at,
        OrganizationClaim.objects.get(id=world["claim"].id).status,
        ProblemReport.objects.get(id=world["report"].id).status,
        DuplicateFlag.objects.get(id=world["flag"].id).status,
    )


def _public_urls(world: dict[str, Any]) -> list[str]:
    service, org = world["service"], world["org"]
    return [
        reverse("directory:search"),
        reverse("directory:service", args=[service.id]),
        reverse("directory:organisation", args=[org.id]),
        reverse("directory:report_problem", args=[service.id]),
        reverse("directory:my_list"),
        reverse("directory:my_list_print"),
        reverse("directory:widget_builder"),
        reverse("directory:widget"),
        reverse("core:home"),
        reverse("core:about_data"),
    ]


def test_every_directory_page_is_declared_on_the_policy() -> None:
    from linkwork.directory.urls import urlpatterns

    declared = policy.url_actions()
    names = [f"directory:{p.name}" for p in urlpatterns]
    assert names and all(name in declared for name in names)
    assert declared["directory:edit_service"] == directory_policy.EDIT
    assert declared["directory:moderation_queue"] == directory_policy.MODERATE
    assert declared["directory:service"] == directory_policy.VIEW_PUBLIC


def test_the_rules_themselves(world: dict[str, Any]) -> None:
    org, edit = world["org"], directory_policy.EDIT
    assert policy.can(None, directory_policy.VIEW_PUBLIC)
    assert policy.can(world["editor_own"], edit, org)
    assert policy.can(world["manager"], edit, org)
    assert not policy.can(world["editor_far"], edit, org)
    assert not policy.can(world["editor_stale"], edit, org)
    assert not policy.can(world["link_worker"], edit, org)
    assert not policy.can(world["editor_own"], directory_policy.MODERATE)
    assert policy.can(world["manager"], directory_policy.MODERATE)


@pytest.mark.parametrize("who", ["anonymous", "editor_far", "link_worker"])
def test_public_pages_are_public(world: dict[str, Any], who: str) -> None:
    client = _client(world, who)
    urls = _public_urls(world)
    if who == "anonymous":
        urls += [reverse("login"), reverse("password_reset")]
    for url in urls:
        assert client.get(url).status_code == 200, (who, url)


def _editor_pages(world: dict[str, Any]) -> list[str]:
    service, org = world["service"], world["org"]
    return [
        reverse("directory:edit_organisation", args=[org.id]),
        reverse("directory:new_service", args=[org.id]),
        reverse("directory:edit_service", args=[service.id]),
        reverse("directory:edit_times", args=[service.id]),
        reverse("directory:edit_location", args=[service.id]),
        reverse("directory:edit_contacts", args=[service.id]),
        reverse("directory:history", args=[service.id]),
    ]


def _moderator_pages(world: dict[str, Any]) -> list[str]:
    return [
        reverse("directory:moderation_queue"),
        reverse("directory:review_change", args=[world["change"].id]),
        reverse("directory:review_duplicate", args=[world["flag"].id]),
    ]


@pytest.mark.parametrize(
    "who", ["anonymous", *EDITORS_OWN, *OUTSIDERS, *NO_ROLE], ids=lambda who: who
)
def test_editorial_reads_are_the_owning_organisations(world: dict[str, Any], who: str) -> None:
    client = _client(world, who)
    for url in _editor_pages(world):
        status = client.get(url).status_code
        if who == "anonymous":
            assert status == 302, url
        elif who in EDITORS_OWN:
            assert status == 200, (who, url)
        else:
            assert status in (403, 404), (who, url, status)


@pytest.mark.parametrize("who", ["anonymous", *OUTSIDERS, *NO_ROLE], ids=lambda who: who)
def test_editorial_writes_by_anyone_else_change_nothing(world: dict[str, Any], who: str) -> None:
    client = _client(world, who)
    before = _state(world)
    body = {"name": "Hijacked", "summary": "x", "description": "x", "status": "active"}
    for url in [
        *_editor_pages(world),
        reverse("directory:confirm_accurate", args=[world["service"].id]),
        reverse("directory:resolve_problem", args=[world["report"].id]),
    ]:
        status = client.post(url, body).status_code
        assert status in ((302,) if who == "anonymous" else (403, 404)), (who, url, status)
    assert _state(world) == before


@pytest.mark.parametrize(
    "who", ["anonymous", "editor_own", *OUTSIDERS, *NO_ROLE], ids=lambda who: who
)
def test_moderation_is_for_moderators_only(world: dict[str, Any], who: str) -> None:
    client = _client(world, who)
    before = _state(world)
    for url in _moderator_pages(world):
        status = client.get(url).status_code
        assert status == (302 if who == "anonymous" else 403), (who, url, status)
    writes = [
        (reverse("directory:review_change", args=[world["change"].id]), {"decision": "approve"}),
        (reverse("directory:review_claim", args=[world["claim"].id]), {"decision": "approve"}),
        (reverse("directory:review_duplicate", args=[world["flag"].id]), {"decision": "dismiss"}),
    ]
    for url, body in writes:
        status = client.post(url, body).status_code
        assert status == (302 if who == "anonymous" else 403), (who, url, status)
    assert _state(world) == before


def test_moderators_open_the_moderation_pages(world: dict[str, Any]) -> None:
    client = _client(world, "manager")
    for url in _moderator_pages(world):
        assert client.get(url).status_code == 200, url


def test_the_owning_organisations_editor_resolves_its_problem_report(world: dict[str, Any]):
    client = _client(world, "editor_own")
    response = client.post(reverse("directory:resolve_problem", args=[world["report"].id]))
    assert response.status_code == 302
    assert ProblemReport.objects.get(id=world["report"].id).status == "resolved"


@pytest.mark.parametrize("who", ["editor_far", "editor_stale"])
def test_the_api_refuses_another_organisations_editor(world: dict[str, Any], who: str) -> None:
    from linkwork.core.tokens import create_token

    before = _state(world)
    response = Client().patch(
        f"/api/v1/directory/services/{world['service'].id}",
        '{"name": "Hijacked"}',
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {create_token(user=world[who])[1]}",
    )
    assert response.status_code in (403, 404), response.content[:300]
    assert _state(world) == before
