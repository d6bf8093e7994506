"""The application API (/api/v1/): one NinjaAPI, one router per domain app.

Errors answer as RFC 9457 problem details (`application/problem+json`), never a 500 page.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from linkwork import __version__
from linkwork.core.problems import problem


def install_problem_handlers(api: NinjaAPI) -> None:
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
    from linkwork.outcomes.api import router as outcomes_router
    from linkwork.places.api import router as places_router
    from linkwork.search.api import router as search_router

    api.add_router("/", core_router)
    api.add_router("/places", places_router)
    api.add_router("/directory", directory_router)
    api.add_router("/", search_router)
    api.add_router("/", casework_router)
    api.add_router("/outcomes", outcomes_router)


_mount()
