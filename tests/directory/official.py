"""The official HSDS 3.0 schemas and examples from ../shared/hsds (tests only).

When the shared folder is absent the comparison tests skip with the reason, except in CI,
where its absence is a failure.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
HSDS = Path(os.environ.get("LINKWORK_SHARED", ROOT.parent / "shared")) / "hsds"

#: Our document kind -> the official schema that defines it.
OFFICIAL = {
    "service": "compiled/service.json",
    "service_brief": "compiled/service_list.json",
    "organization": "compiled/organization.json",
    "organization_brief": "compiled/organization_list.json",
    "service_at_location": "compiled/service_at_location.json",
    "service_at_location_brief": "compiled/service_at_location_list.json",
    "taxonomy": "taxonomy.json",
    "taxonomy_term": "taxonomy_term.json",
    "location": "location.json",
}


def require_official() -> Path:
    if not HSDS.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"The official HSDS schemas must be at {HSDS} in CI.")
        pytest.skip(f"Official HSDS schemas not at {HSDS} (../shared absent; under CI this fails)")
    return HSDS


@cache
def _registry() -> Any:
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    resources = []
    for path in (HSDS / "schema").glob("*.json"):
        schema = json.loads(path.read_text())
        resources.append((f"file:///hsds/{path.name}", Resource(schema, DRAFT202012)))
    return Registry().with_resources(resources)


@cache
def validator(kind: str) -> Any:
    """A validator for the official schema, asserting the uuid format (HSDS ids are UUIDs)."""
    from jsonschema import Draft202012Validator, FormatChecker

    require_official()
    if kind == "page":
        api = json.loads((HSDS / "schema" / "openapi.json").read_text())
        schema = api["components"]["schemas"]["Page"]
    else:
        schema = json.loads((HSDS / "schema" / OFFICIAL[kind]).read_text())
        schema = {**schema, "$id": f"file:///hsds/{Path(OFFICIAL[kind]).name}"}
    return Draft202012Validator(
        schema, registry=_registry(), format_checker=FormatChecker(formats=["uuid"])
    )


def official_errors(kind: str, document: Any) -> list[str]:
    return [e.message for e in validator(kind).iter_errors(document)]


def official_page_errors(item_kind: str, page: Any) -> list[str]:
    """Errors for a paged response as the OpenAPI describes it: Page + typed contents."""
    errors = official_errors("page", page)
    if isinstance(page, dict) and "contents" in page:
        contents = page["contents"]
        if not isinstance(contents, list):
            return [*errors, "contents is not an array"]
        for item in contents:
            errors += official_errors(item_kind, item)
    return errors


def example(name: str) -> Any:
    require_official()
    return json.loads((HSDS / "examples" / name).read_text())


@cache
def _uk_service_validator() -> Any:
    from jsonschema import Draft202012Validator, FormatChecker

    require_official()
    schema = json.loads((HSDS / "uk-profile" / "schema" / "compiled" / "service.json").read_text())
    return Draft202012Validator(schema, format_checker=FormatChecker(formats=["uuid"]))


def uk_profile_service_errors(document: Any) -> list[str]:
    """Errors against the Open Referral UK profile's compiled service schema."""
    return [e.message for e in _uk_service_validator().iter_errors(document)]


@cache
def _uk_validator(kind: str) -> Any:
    from jsonschema import Draft202012Validator, FormatChecker

    require_official()
    path = HSDS / "uk-profile" / "schema" / "compiled" / f"{kind}.json"
    return Draft202012Validator(
        json.loads(path.read_text()), format_checker=FormatChecker(formats=["uuid"])
    )


def uk_profile_errors(kind: str, document: Any) -> list[str]:
    """Errors against one of the UK profile's compiled schemas (service, service_list,
    service_at_location, service_at_location_list, organization, organization_list)."""
    return [e.message for e in _uk_validator(kind).iter_errors(document)]
