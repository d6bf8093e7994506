"""Service content in other languages: HSDS languages named for the reader, and the
organisation's own translations of names and descriptions, edited through moderation and shown
(marked with their language) when the page is in that language."""

from __future__ import annotations

import pytest
from django.test import Client

from linkwork.core.models import Organisation
from linkwork.core.roles import Role
from linkwork.directory import services
from linkwork.directory.models import ChangeRequest, ContentTranslation
from tests.core.factories import OrganisationFactory, make_user
from tests.directory import factories as f

pytestmark = pytest.mark.django_db

POLISH = {
    "name_pl": "Herbata i rozmowa",
    "description_pl": "Co tydzień spotykamy się przy herbacie.",
}


@pytest.fixture
def world() -> dict:
    account_a = OrganisationFactory(name="Befriend Together", kind=Organisation.Kind.COMMUNITY)
    account_b = OrganisationFactory(name="Other Group", kind=Organisation.Kind.COMMUNITY)
    org_a = f.OrganizationFactory(name="Befriend Together", owner=account_a)
    service = f.ServiceFactory(
        name="Tea and chat", summary="Weekly tea", organization=org_a, owner=account_a
    )
    f.speak(service, "pol", "Polish")
    f.speak(service, "en", "English")
    return {
        "org_a": org_a,
        "service": service,
        "owner": make_user(Role.COMMUNITY_EDITOR, organisations=(account_a,)),
        "outsider": make_user(Role.COMMUNITY_EDITOR, organisations=(account_b,)),
        "left": make_user(Role.COMMUNITY_EDITOR, organisations=(account_a,), is_active=False),
        "moderator": make_user(Role.PROGRAMME_MANAGER),
    }


def test_service_page_says_which_languages_help_is_available_in(world: dict) -> None:
    url = f"/services/{world['service'].id}/"
    english = Client().get(url, HTTP_ACCEPT_LANGUAGE="en-GB").content.decode()
    assert "Help available in English, Polish" in english
    ukrainian = Client().get(url, HTTP_ACCEPT_LANGUAGE="uk").content.decode()
    assert "Польська" in ukrainian or "польська" in ukrainian


def test_results_name_languages_other_than_english(world: dict) -> None:
    page = Client().get("/services/", {"q": "tea"}, HTTP_ACCEPT_LANGUAGE="en-GB")
    html = page.content.decode()
    assert "Help available in Polish<" in html


def test_translation_is_shown_with_its_language_only_in_that_language(world: dict) -> None:
    service = world["service"]
    ContentTranslation.objects.create(service=service, language="pl", **_plain(POLISH))
    url = f"/services/{service.id}/"
    polish = Client().get(url, HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    assert '<h1 class="ds_page-header__title" lang="pl">Herbata i rozmowa</h1>' in polish
    assert 'lang="pl">Co tydzień spotykamy się przy herbacie.' in polish
    arabic = Client().get(url, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert "Herbata" not in arabic and ">Tea and chat</h1>" in arabic


def test_organisation_page_shows_its_translation(world: dict) -> None:
    org = world["org_a"]
    ContentTranslation.objects.create(organization=org, language="zh-hans", name="一起交友")
    page = Client().get(f"/organisations/{org.id}/", HTTP_ACCEPT_LANGUAGE="zh-Hans")
    assert 'lang="zh-hans">一起交友</h1>' in page.content.decode()


def test_editor_translation_waits_for_moderation_then_shows(world: dict) -> None:
    client = Client()
    client.force_login(world["owner"])
    service = world["service"]
    form = client.get(f"/directory/services/{service.id}/translations/").content.decode()
    assert 'lang="ar" dir="rtl"' in form and 'lang="pl" dir="ltr"' in form
    response = client.post(f"/directory/services/{service.id}/translations/", POLISH)
    assert response.status_code == 302
    change = ChangeRequest.objects.get(object_type="service_translations")
    assert change.proposed == POLISH and not ContentTranslation.objects.exists()
    services.decide_change(change=change, moderator=world["moderator"], approve=True)
    translation = ContentTranslation.objects.get()
    assert (translation.service, translation.language) == (service, "pl")
    assert translation.name == "Herbata i rozmowa"


def test_moderator_translation_is_public_at_once_and_emptying_removes_it(world: dict) -> None:
    client = Client()
    client.force_login(world["moderator"])
    org = world["org_a"]
    url = f"/directory/organisations/{org.id}/translations/"
    client.post(url, {"name_uk": "Дружимо разом", "description_uk": ""})
    assert ContentTranslation.objects.get(organization=org).name == "Дружимо разом"
    client.post(url, {"name_uk": "", "description_uk": ""})
    assert not ContentTranslation.objects.exists()


@pytest.mark.parametrize("who", ["outsider", "left"])
def test_another_organisations_editor_cannot_translate(world: dict, who: str) -> None:
    client = Client()
    client.force_login(world[who])
    for url in (
        f"/directory/services/{world['service'].id}/translations/",
        f"/directory/organisations/{world['org_a'].id}/translations/",
    ):
        assert client.get(url).status_code in (302, 403)
        assert client.post(url, POLISH).status_code in (302, 403)
    assert not ChangeRequest.objects.exists() and not ContentTranslation.objects.exists()


def test_signed_out_person_is_sent_to_sign_in(world: dict) -> None:
    response = Client().get(f"/directory/services/{world['service'].id}/translations/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def _plain(values: dict[str, str]) -> dict[str, str]:
    return {key.rsplit("_", 1)[0]: value for key, value in values.items()}


def test_every_category_name_is_marked_for_translation() -> None:
    from linkwork.directory.taxonomy import default_taxonomy_data
    from linkwork.directory.taxonomy_names import TERM_NAMES

    assert sorted(TERM_NAMES) == sorted(t["name"] for t in default_taxonomy_data()["terms"])


def test_category_names_are_shown_in_the_readers_language() -> None:
    service = f.ServiceFactory(name="Strollers", categories=["physical-activity"])
    page = Client().get(f"/services/{service.id}/", HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    assert "Ruch i sport" in page
