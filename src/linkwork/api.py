"""The application API (/api/v1/): one NinjaAPI, one router per domain app.

Errors answer as RFC 9457 problem details (`application/problem+json`), never a 500 page.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError, IntegrityError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.openapi.docs import Swagger, _csrf_needed

from linkwork import __version__
from linkwork.core.problems import problem

#: RFC 9457 problem details, as every error of every Linkwork API is answered and documented.
PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["type", "title", "status"],
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
_PROBLEM_TEXT = {
    400: "The request cannot be read (a parameter is malformed or out of range).",
    401: "No valid API token or signed-in session.",
    403: "Signed in, but not allowed to do this.",
    404: "There is no such record, or it is not yours to see.",
    409: "The request conflicts with the record's current state.",
    422: "The request is not valid; `errors` says what and where.",
}
_PUBLIC_ERRORS = (400, 404, 422)
_ALL_ERRORS = (400, 401, 403, 404, 409, 422)
BEARER_SCHEME = {
    "type": "http",
    "scheme": "bearer",
    "description": "A personal API token (`lw_…`), made under Account > API tokens.",
}


class SelfHostedSwagger(Swagger):
    """Swagger UI from our own static files (vendor/swagger-ui, pinned), never a CDN."""

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        self.settings["url"] = self.get_openapi_url(api, kwargs)
        context = {
            "swagger_settings": json.dumps(self.settings),
            "api": api,
            "add_csrf": _csrf_needed(api),
        }
        return render(request, "core/swagger.html", context)


def document_problems(schema: dict[str, Any]) -> dict[str, Any]:
    """Add the error answers every operation can give (as problem+json) and the bearer scheme.

    Operations that take a token or session get 401/403/409 too; public ones 400/404/422."""
    components = schema.setdefault("components", {})
    components.setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    any_secured = False
    for item in schema.get("paths", {}).values():
        for method, operation in item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            secured = bool(operation.get("security"))
            any_secured = any_secured or secured
            if not secured:
                operation["security"] = []  # public: no token needed
            responses = operation.setdefault("responses", {})
            for status in _ALL_ERRORS if secured else _PUBLIC_ERRORS:
                answer = responses.setdefault(str(status), {"description": _PROBLEM_TEXT[status]})
                content = answer.setdefault("content", {})
                content["application/problem+json"] = {
                    "schema": {"$ref": "#/components/schemas/Problem"}
                }
    if any_secured:
        schemes = components.setdefault("securitySchemes", {})
        schemes["BearerToken"] = {**schemes.get("BearerToken", {}), **BEARER_SCHEME}
        schema["security"] = [{"BearerToken": []}]
    return schema


def install_problem_handlers(api: NinjaAPI) -> None:
    """Make a Linkwork API answer every error as problem details (never a 500 for bad input),
    document those answers in its OpenAPI, and serve its docs from our own static files."""
    api.docs = SelfHostedSwagger()
    original_schema = api.get_openapi_schema

    def get_openapi_schema(*args: Any, **kwargs: Any) -> Any:
        return document_problems(original_schema(*args, **kwargs))

    api.get_openapi_schema = get_openapi_schema  # type: ignore[method-assign]

    @api.exception_handler(OverflowError)
    def _overflow(request: HttpRequest, exc: OverflowError) -> HttpResponse:
        return problem(request, 400, _("A number in the request is too large."))

    @api.exception_handler(DataError)
    def _data(request: HttpRequest, exc: DataError) -> HttpResponse:
        # PostgreSQL refuses out-of-range numbers, over-long text and NUL bytes this way.
        return problem(request, 400, _("A value in the request cannot be stored."))

    @api.exception_handler(IntegrityError)
    def _integrity(request: HttpRequest, exc: IntegrityError) -> HttpResponse:
        return problem(
            request,
            422,
            _("The request would leave the record incomplete or duplicated."),
            errors=[{"where": "", "message": _("A required value is missing or already used.")}],
        )

    @api.exception_handler(NinjaValidationError)
    def _invalid(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        errors = [
            {
                "where": ".".join(str(p) for p in e.get("loc", [])),
                "message": e.get("msg", ""),
            }
            for e in exc.errors
        ]
        return problem(request, 422, _("The request is not valid."), errors=errors)

    @api.exception_handler(DjangoValidationError)
    def _django_invalid(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        if hasattr(exc, "message_dict"):
            errors = [{"where": k, "message": " ".join(v)} for k, v in exc.message_dict.items()]
        else:
            errors = [{"where": "", "message": m} for m in exc.messages]
        return problem(request, 422, _("The request is not valid."), errors=errors)

    @api.exception_handler(AuthenticationError)
    def _unauth(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return problem(request, 401, _("Sign in or send a valid API token."))

    @api.exception_handler(PermissionDenied)
    def _forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return problem(request, 403, _("You do not have permission to do this."), str(exc))

    @api.exception_handler(Http404)
    def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return problem(request, 404, _("Not found."))

    @api.exception_handler(HttpError)
    def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return problem(request, exc.status_code, str(exc))


api = NinjaAPI(
    title="Linkwork application API",
    version=__version__,
    urls_namespace="api-v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
)
install_problem_handlers(api)


def _mount() -> None:
    from linkwork.casework.api import router as casework_router
    from linkwork.core.api import router as core_router
    from linkwork.directory.api import router as directory_router
    from linkwork.insight.api import router as insight_router
    from linkwork.outcomes.api import router as outcomes_router
    from linkwork.places.api import router as places_router
    from linkwork.search.api import router as search_router

    api.add_router("/", core_router)
    api.add_router("/places", places_router)
    api.add_router("/directory", directory_router)
    api.add_router("/", search_router)
    api.add_router("/", casework_router)
    api.add_router("/outcomes", outcomes_router)
    api.add_router("/insight", insight_router)


_mount()
