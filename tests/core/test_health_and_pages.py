from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_migrations(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "migrations": "ok", "status": "ok"}


def test_home_page_has_skip_link_and_search(client):
    html = client.get("/").content.decode()
    assert 'href="#main-content"' in html
    assert 'name="q"' in html


def test_about_the_data_page_carries_the_open_data_attribution(client):
    html = client.get("/about-the-data/").content.decode()
    assert "Open Government Licence v3.0" in html
    assert "Royal Mail" in html


def test_openapi_document_is_served(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.json()["info"]["title"] == "Linkwork application API"


def test_unknown_api_path_is_a_404_not_a_500(client):
    assert client.get("/api/v1/no-such-thing").status_code == 404
