"""HTTP plumbing shared by every FHIR interaction under /fhir/: bearer-token callers only,
content negotiation (JSON only: 406 for XML, 415 for a non-JSON body), every answer an
OperationOutcome on failure, searchset Bundles with self/next links, versions and ETags.

The views in `fhir_views` say what each interaction does; this module says how FHIR speaks.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.utils.http import http_date
from django.views.decorators.csrf import csrf_exempt

from linkwork.casework import fhir
from linkwork.core.context import current_user_var
from linkwork.core.tokens import authenticate_token

if TYPE_CHECKING:
    from linkwork.core.models import User

FHIR_JSON = "application/fhir+json"
JSON_TYPES = {"application/fhir+json", "application/json", "application/json+fhir"}
XML_TYPES = {"application/fhir+xml", "application/xml", "text/xml", "application/xml+fhir"}
JSON_FORMATS = {"json", "application/json", "application/fhir+json", "application/json+fhir"}
#: A FHIR logical id is [A-Za-z0-9\-\.]{1,64}; ours are ASCII digits.
NUMERIC_ID = re.compile(r"^[0-9]{1,18}$")
DEFAULT_COUNT = 50
MAX_COUNT = 100
#: Deeper JSON than this is refused before parsing it into models.
MAX_BODY_BYTES = 1_000_000

Handler = Callable[..., HttpResponse]


class FhirError(Exception):
    """Answer with an OperationOutcome: (status, code, diagnostics, expression)."""

    def __init__(self, status: int, code: str, diagnostics: str, expression: str = "") -> None:
        super().__init__(diagnostics)
        self.status, self.code, self.diagnostics, self.expression = (
            status,
            code,
            diagnostics,
            expression,
        )


def respond(body: dict[str, Any], status: int = 200, **headers: str) -> HttpResponse:
    response = HttpResponse(json.dumps(body), status=status, content_type=FHIR_JSON)
    for key, value in headers.items():
        response[key.replace("_", "-")] = value
    return response


def outcome(status: int, code: str, diagnostics: str, expression: str = "") -> HttpResponse:
    response = respond(fhir.operation_outcome([("error", code, diagnostics, expression)]), status)
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="linkwork-fhir"'
    return response


def _media_type(value: str) -> str:
    return value.split(";", 1)[0].strip().lower()


def negotiate(request: HttpRequest) -> None:
    """JSON only: `_format=xml` or an Accept naming only XML gets 406."""
    chosen = request.GET.get("_format", "").strip().lower()
    if chosen and chosen not in JSON_FORMATS:
        raise FhirError(406, "not-supported", "Only JSON is offered (_format=json).", "_format")
    accept = request.headers.get("Accept", "")
    if accept and not chosen:
        types = {_media_type(part) for part in accept.split(",") if part.strip()}
        if types and types <= XML_TYPES:
            raise FhirError(406, "not-supported", "Only application/fhir+json is offered.")


def caller(request: HttpRequest) -> User:
    """The account behind the bearer token. FHIR takes tokens only, never the browser
    session, so a cross-site form cannot act with someone's cookie."""
    header = request.headers.get("Authorization", "")
    if not header.lower().startswith("bearer "):
        raise FhirError(401, "login", "Send Authorization: Bearer <API token>.")
    user = authenticate_token(header[7:].strip())
    if user is None:
        raise FhirError(401, "login", "The API token is not valid, expired or revoked.")
    request.user = user
    current_user_var.set(user)
    return user


def read_body(request: HttpRequest) -> Any:
    content_type = _media_type(request.headers.get("Content-Type", ""))
    if content_type not in JSON_TYPES:
        raise FhirError(415, "not-supported", "Send the resource as application/fhir+json.")
    if len(request.body) > MAX_BODY_BYTES:
        raise FhirError(413, "too-costly", "The resource is larger than 1 MB.")
    try:
        return json.loads(request.body or b"null")
    except (ValueError, RecursionError):
        raise FhirError(400, "structure", "The body is not JSON a server can read.") from None


def numeric_id(value: str, what: str) -> int:
    if not NUMERIC_ID.match(value):
        raise FhirError(404, "not-found", f"{what}/{value[:64]} is not known.")
    return int(value)


def reference_id(value: str, resource_type: str, parameter: str) -> int:
    """`ServiceRequest/12` (or a full URL ending in it) for the named type only."""
    tail = value.rstrip("/").split("/")
    if len(tail) < 2 or tail[-2] != resource_type or not NUMERIC_ID.match(tail[-1]):
        raise FhirError(
            400, "invalid", f"{parameter} must be {resource_type}/<id> here.", parameter
        )
    return int(tail[-1])


def version_of(last_updated: dt.datetime) -> str:
    """A resource's version: it changes whenever the resource does (milliseconds)."""
    return str(int(last_updated.timestamp() * 1000))


def versioned_headers(request: HttpRequest, path: str, last_updated: dt.datetime) -> dict:
    version = version_of(last_updated)
    return {
        "ETag": f'W/"{version}"',
        "Last_Modified": http_date(last_updated.timestamp()),
        "Location": request.build_absolute_uri(f"/fhir/{path}/_history/{version}"),
    }


def count_and_offset(request: HttpRequest) -> tuple[int, int]:
    try:
        count = int(request.GET.get("_count", DEFAULT_COUNT))
        offset = int(request.GET.get("_offset", 0))
    except ValueError:
        raise FhirError(400, "invalid", "_count and _offset must be whole numbers.") from None
    if not 0 <= count <= MAX_COUNT or not 0 <= offset <= 10**9:
        raise FhirError(400, "invalid", f"_count must be 0-{MAX_COUNT}; _offset 0 or more.")
    return count, offset


def searchset(
    request: HttpRequest,
    resource_type: str,
    resources: list[tuple[str, dict[str, Any]]],
    total: int,
    count: int,
    offset: int,
) -> HttpResponse:
    """A searchset Bundle of (id, resource) with self and next links."""
    base = request.build_absolute_uri(f"/fhir/{resource_type}")
    params = {k: v for k, v in request.GET.items() if k not in ("_offset",)}
    links = [{"relation": "self", "url": f"{base}?{urlencode({**params, '_offset': offset})}"}]
    if offset + count < total:
        following = {**params, "_count": count, "_offset": offset + count}
        links.append({"relation": "next", "url": f"{base}?{urlencode(following)}"})
    bundle = {
        "resourceType": "Bundle",
        "type": "searchset",
        "total": total,
        "link": links,
        "entry": [
            {
                "fullUrl": f"{base}/{rid}",
                "resource": resource,
                "search": {"mode": "match"},
            }
            for rid, resource in resources
        ],
    }
    return respond(fhir.bundle(bundle))


def interaction(*methods: str) -> Callable[[Handler], Handler]:
    """A FHIR interaction: checks the method and the format, finds the caller, and turns
    every FhirError into an OperationOutcome (never an HTML page)."""

    def decorator(view: Handler) -> Handler:
        @csrf_exempt
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                if request.method not in methods:
                    raise FhirError(
                        405,
                        "not-supported",
                        f"{request.method} is not supported here; use "
                        + " or ".join(methods)
                        + ".",
                    )
                negotiate(request)
                return view(request, *args, **kwargs)
            except FhirError as exc:
                response = outcome(exc.status, exc.code, exc.diagnostics, exc.expression)
                if exc.status == 405:
                    response["Allow"] = ", ".join(methods)
                return response
            except fhir.FhirInvalid as exc:
                return respond(fhir.operation_outcome(exc.issues), exc.status)

        return wrapped

    return decorator
