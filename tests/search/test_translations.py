"""Translated service content (#18): search finds a service by its translated words, results
show the person's language first and fall back to the original, and the index follows
translations as they are added, changed and removed."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings
from django.utils import translation

from linkwork.directory.languages import translation_for
from linkwork.directory.models import ContentTranslation, Service
from linkwork.directory.search_backend import SearchParams, search
from linkwork.directory.views.public import results_for
from linkwork.search.translations import shown_texts, wanted_language
from tests.directory.factories import OrganizationFactory, ServiceFactory

pytestmark = pytest.mark.django_db(transaction=True)

POLISH_NAME = "Bank żywności Kirkcaldy"
POLISH_TEXT = "Paczki żywnościowe dla rodzin w trudnej sytuacji, bez skierowania."


def found(q: str, mode: str = "lexical") -> set:  # type: ignore[type-arg]
    return {h.service_id for h in search(SearchParams(q=q, mode=mode)).hits}


def food_bank() -> Service:
    return ServiceFactory(
        name="Kirkcaldy Food Bank", summary="Emergency food parcels", description="Food parcels."
    )


def translate(service: Service, language: str = "pl", **texts: str) -> ContentTranslation:
    return ContentTranslation.objects.create(
        service=service,
        language=language,
        name=texts.get("name", POLISH_NAME),
        description=texts.get("description", POLISH_TEXT),
    )


def test_a_service_is_found_by_the_words_of_its_translation() -> None:
    service = food_bank()
    ServiceFactory(name="Kirkcaldy Chess Club", summary="Chess", description="Chess.")
    assert found("paczki trudnej") == set()  # words the need lexicon does not gloss
    translate(service)
    assert found("paczki trudnej") == {service.id}
    assert found("paczki zywnosciowe") == {service.id}  # accents folded as for English
    assert service.id in found("paczki trudnej", mode="hybrid")


def test_an_organisations_translated_name_finds_its_services() -> None:
    organisation = OrganizationFactory(name="Fife Community Trust")
    service = ServiceFactory(name="Lunch club", organization=organisation)
    ContentTranslation.objects.create(organization=organisation, language="pl", name="Fundacja")
    assert found("fundacja") == {service.id}


def test_changing_or_removing_a_translation_updates_the_index() -> None:
    service = food_bank()
    text = translate(service)
    text.description = "Ciepłe posiłki w każdy czwartek."
    text.save()
    assert found("paczki") == set()
    assert found("posiłki czwartek") == {service.id}
    text.delete()
    assert found("posiłki czwartek") == set()


def test_the_api_shows_the_translation_for_lang_and_the_original_otherwise() -> None:
    service = food_bank()
    translate(service)
    client = Client()
    polish = client.get("/api/v1/search", {"q": "food parcels", "lang": "pl"}).json()["results"]
    assert [(r["name"], r["description"], r["language"]) for r in polish] == [
        (POLISH_NAME, POLISH_TEXT, "pl")
    ]
    english = client.get("/api/v1/search", {"q": "food parcels"}).json()["results"]
    assert [(r["name"], r["description"], r["language"]) for r in english] == [
        ("Kirkcaldy Food Bank", "Emergency food parcels", None)
    ]
    arabic = client.get("/api/v1/search", {"q": "food parcels", "lang": "ar"}).json()["results"]
    assert arabic[0]["name"] == "Kirkcaldy Food Bank" and arabic[0]["language"] is None


def test_a_blank_translated_field_falls_back_to_the_original() -> None:
    service = food_bank()
    translate(service, name="", description=POLISH_TEXT)
    shown = shown_texts([service.id], "pl")[service.id]
    assert (shown.name, shown.description) == ("", POLISH_TEXT)
    r = Client().get("/api/v1/search", {"q": "food parcels", "lang": "pl"}).json()["results"][0]
    assert (r["name"], r["description"]) == ("Kirkcaldy Food Bank", POLISH_TEXT)


def test_the_exact_language_tag_wins_and_a_longer_code_is_not_a_match() -> None:
    chinese, other = food_bank(), food_bank()
    translate(chinese, "zh", name="食物银行 zh")
    translate(chinese, "zh-hans", name="食物银行 zh-hans")
    translate(other, "pla", name="not Polish")
    shown = shown_texts([chinese.id, other.id], "zh-hans")
    assert shown[chinese.id].name == "食物银行 zh-hans"
    assert shown_texts([chinese.id], "zh-hant")[chinese.id].name == "食物银行 zh"
    assert other.id not in shown_texts([other.id], "pl")
    assert shown_texts([chinese.id], "en") == {}


def test_the_public_result_cards_use_the_active_language(
    django_assert_max_num_queries,  # type: ignore[no-untyped-def]
) -> None:
    services = [food_bank() for _ in range(5)]
    for s in services:
        translate(s)
    hits = search(SearchParams(q="food parcels", mode="lexical")).hits
    with translation.override("pl"):
        assert wanted_language() == "pl"
        with django_assert_max_num_queries(12):  # translations: one query for the page
            cards = results_for(hits)
            shown = [translation_for(c["service"]) for c in cards]  # what the card shows
    assert {t.name for t in shown if t} == {POLISH_NAME} and all(shown)
    assert {t.language for t in shown if t} == {"pl"}
    with translation.override("en"):
        assert not any(translation_for(c["service"]) for c in results_for(hits))


@override_settings(LANGUAGES=[("en-gb", "English"), ("pl", "Polski")])
def test_the_public_search_page_shows_the_translated_name_in_the_chosen_language() -> None:
    service = food_bank()
    translate(service)
    polish = Client(headers={"accept-language": "pl"}).get("/services/", {"q": "food parcels"})
    assert POLISH_NAME in polish.content.decode()
    english = Client(headers={"accept-language": "en-gb"}).get("/services/", {"q": "food parcels"})
    body = english.content.decode()
    assert "Kirkcaldy Food Bank" in body and POLISH_NAME not in body
