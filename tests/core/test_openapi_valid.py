"""Both OpenAPI documents pass the reference validator (openapi-spec-validator), and every
operation of the application API documents its error answers and the bearer scheme."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.directory.test_hsds_interop import validate_openapi

pytestmark = pytest.mark.django_db


def test_application_api_document_is_valid_and_documents_errors(client: Client) -> None:
    document = client.get("/api/v1/openapi.json").json()
    validate_openapi(document)
    schemes = document["components"]["securitySchemes"]
    assert any(s.get("scheme") == "bearer" for s in schemes.values())
    undocumented = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            if not codes & {"401", "403", "404", "422"}:
                undocumented.append(f"{method.upper()} {path}")
            for code, answer in operation["responses"].items():
                if code.startswith("4"):
                    assert "application/problem+json" in answer.get("content", {}), (
                        method,
                        path,
                        code,
                    )
    assert undocumented == []


def test_hsds_api_document_is_valid(client: Client) -> None:
    validate_openapi(client.get("/api/hsds/openapi.json").json())
