"""Issue 10, finding 16: no-store on personal responses, a CSP without unsafe-inline, the widget
the only framable page, and the API docs served from our own static files."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from linkwork.core.roles import Role
from linkwork.core.tokens import create_token
from tests.core.factories import make_user

pytestmark = pytest.mark.django_db
TEMPLATES = Path(settings.BASE_DIR)


def test_signed_in_pages_are_not_stored(client):
    client.force_login(make_user(Role.LINK_WORKER))
    assert "no-store" in client.get("/dashboard/")["Cache-Control"]
    assert "no-store" in client.get("/my-list/pdf/")["Cache-Control"]


def test_api_answers_with_a_token_are_not_stored(client):
    token = create_token(user=make_user(Role.DPO))[1]
    response = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_public_pages_may_be_cached(client):
    assert "no-store" not in client.get("/").get("Cache-Control", "")


def test_csp_allows_no_inline_script_or_style_and_no_framing(client):
    policy = client.get("/")["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in policy


def test_only_the_widget_may_be_framed(client):
    widget = client.get("/widget/services/")
    assert "frame-ancestors 'self' https:" in widget["Content-Security-Policy"]
    assert "X-Frame-Options" not in widget
    builder = client.get("/widget/")
    assert "frame-ancestors 'none'" in builder["Content-Security-Policy"]


def test_no_template_has_inline_script_or_style():
    offenders = []
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text()
        if "_print.html" in path.name and "discharge_letter" in path.name:
            continue  # rendered only to PDF by WeasyPrint, never served to a browser
        for marker in (' style="', " onclick=", " onload=", " onchange=", " onsubmit="):
            if marker in text:
                offenders.append(f"{path.relative_to(TEMPLATES)}: {marker.strip()}")
        for chunk in text.split("<script")[1:]:
            head = chunk.split(">", 1)[0]
            if "src=" not in head and "application/json" not in head:
                offenders.append(f"{path.relative_to(TEMPLATES)}: inline <script>")
    assert not offenders, offenders


@pytest.mark.parametrize("docs", ["/api/v1/docs", "/api/hsds/docs"])
def test_api_docs_load_swagger_ui_from_our_static_files(client, docs):
    page = client.get(docs).content.decode()
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()


def test_openapi_documents_problem_answers_and_the_bearer_scheme(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["security"] == [{"BearerToken": []}]
    assert schema["components"]["securitySchemes"]["BearerToken"]["scheme"] == "bearer"
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if operation.get("security"):
                for status in ("401", "403", "404", "409", "422"):
                    content = operation["responses"][status]["content"]
                    assert "application/problem+json" in content, (path, method, status)
