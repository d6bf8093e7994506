"""The HSDS API's OpenAPI document: responses reference the standard's own compiled schemas
(as the official `schema/openapi.json` does), errors are documented as problem details, and
the paging envelope is the standard's `Page`."""

from __future__ import annotations

from typing import Any

from ninja import NinjaAPI

COMPILED = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/compiled/"
SIMPLE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"

#: What each operation answers with: the official schema of one item.
ITEM_SCHEMAS = {
    "service": COMPILED + "service.json",
    "service_list": COMPILED + "service_list.json",
    "organization": COMPILED + "organization.json",
    "organization_list": COMPILED + "organization_list.json",
    "service_at_location": COMPILED + "service_at_location.json",
    "service_at_location_list": COMPILED + "service_at_location_list.json",
    "taxonomy": SIMPLE + "taxonomy.json",
    "taxonomy_term": SIMPLE + "taxonomy_term.json",
}

PAGE = {
    "type": "object",
    "description": "The standard's paging envelope.",
    "required": [
        "total_items",
        "total_pages",
        "page_number",
        "size",
        "first_page",
        "last_page",
        "empty",
        "contents",
    ],
    "properties": {
        "total_items": {"type": "integer"},
        "total_pages": {"type": "integer"},
        "page_number": {"type": "integer"},
        "size": {"type": "integer"},
        "first_page": {"type": "boolean"},
        "last_page": {"type": "boolean"},
        "empty": {"type": "boolean"},
        "contents": {"type": "array"},
    },
}

PROBLEM = {
    "type": "object",
    "description": "An RFC 9457 problem description.",
    "required": ["title", "status"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"where": {"type": "string"}, "message": {"type": "string"}},
            },
        },
    },
}

INFO = {
    "type": "object",
    "required": ["version"],
    "properties": {
        "version": {"type": "string"},
        "profile": {"type": "string"},
        "openapi_url": {"type": "string"},
    },
}


def _problem(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {
            "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
        },
    }


def documented(kind: str, *, paged: bool = False) -> dict[str, Any]:
    """`openapi_extra` for an operation: its 200 body and its error responses."""
    if kind == "info":
        return {
            "responses": {
                200: {
                    "description": "About this API",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Info"}}
                    },
                }
            }
        }
    item = {"$ref": ITEM_SCHEMAS[kind]}
    if paged:
        body: dict[str, Any] = {
            "allOf": [
                {"$ref": "#/components/schemas/Page"},
                {"properties": {"contents": {"type": "array", "items": item}}},
            ]
        }
        ok = {
            "description": "A page of results (or, with format=ndjson, every result, one "
            "document per line)",
            "content": {
                "application/json": {"schema": body},
                "application/x-ndjson": {"schema": {"type": "string"}},
            },
        }
        errors = {400: _problem("A parameter is not valid (it says which).")}
    else:
        ok = {"description": "The document", "content": {"application/json": {"schema": item}}}
        errors = {404: _problem("There is no such record.")}
    return {
        "responses": {
            200: ok,
            **errors,
            422: _problem("A parameter has the wrong type (it says which)."),
        }
    }


class HsdsNinjaAPI(NinjaAPI):
    """Adds the shared component schemas the operations refer to."""

    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(*args, **kwargs)
        components = schema.setdefault("components", {})
        schemas = components.setdefault("schemas", {})
        schemas.update({"Page": PAGE, "Problem": PROBLEM, "Info": INFO})
        return schema
