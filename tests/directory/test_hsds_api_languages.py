"""HSDS documents in the client's language: `lang` or Accept-Language asks for the
organisation's translated name and description in the standard shape; by default, and for
records without a translation, the originals; an unsupported `lang` is a 400 problem."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from linkwork.directory.models import ContentTranslation
from tests.directory import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def records() -> dict[str, Any]:
    org = f.OrganizationFactory(name="Perth Community Trust", description="We run walks.")
    walk = f.ServiceFactory(name="Perth Strollers", description="A gentle walk.", organization=org)
    plain = f.ServiceFactory(name="Knit and natter", organization=org)
    ContentTranslation.objects.create(
        service=walk, language="pl", name="Spacerowicze z Perth", description="Spokojny spacer."
    )
    ContentTranslation.objects.create(organization=org, language="pl", name="Fundacja Perth")
    return {"org": org, "walk": walk, "plain": plain}


def test_by_default_the_original_names_are_served(client: Client, records: dict[str, Any]) -> None:
    doc = client.get(f"/api/hsds/services/{records['walk'].id}").json()
    assert doc["name"] == "Perth Strollers" and doc["description"] == "A gentle walk."
    asked_english = client.get(f"/api/hsds/services/{records['walk'].id}?lang=en")
    assert asked_english.json()["name"] == "Perth Strollers"


def test_lang_asks_for_the_translation_in_the_standard_shape(
    client: Client, records: dict[str, Any]
) -> None:
    english = client.get(f"/api/hsds/services/{records['walk'].id}").json()
    response = client.get(f"/api/hsds/services/{records['walk'].id}?lang=pl")
    doc = response.json()
    assert response["Content-Language"] == "pl" and "Accept-Language" in response["Vary"]
    assert doc["name"] == "Spacerowicze z Perth" and doc["description"] == "Spokojny spacer."
    assert set(doc) == set(english)  # the same fields, only the words differ
    assert doc["organization"]["name"] == "Fundacja Perth"
    # The organisation gave no Polish description: its own stays.
    assert doc["organization"]["description"] == "We run walks."


def test_accept_language_asks_too_and_untranslated_records_stay_original(
    client: Client, records: dict[str, Any]
) -> None:
    page = client.get("/api/hsds/services", HTTP_ACCEPT_LANGUAGE="pl,en;q=0.5").json()
    names = {item["id"]: item["name"] for item in page["contents"]}
    assert names[str(records["walk"].id)] == "Spacerowicze z Perth"
    assert names[str(records["plain"].id)] == "Knit and natter"
    orgs = client.get("/api/hsds/organizations?lang=pl").json()
    assert [o["name"] for o in orgs["contents"]] == ["Fundacja Perth"]
    one = client.get(f"/api/hsds/organizations/{records['org'].id}", HTTP_ACCEPT_LANGUAGE="pl")
    assert one.json()["name"] == "Fundacja Perth"


def test_an_unsupported_language_is_a_problem_not_a_silent_original(
    client: Client, records: dict[str, Any]
) -> None:
    response = client.get("/api/hsds/services?lang=xx")
    assert response.status_code == 400
    assert "lang must be one of" in response.content.decode()
