"""The search endpoints of the application API (/api/v1/search, /api/v1/match)."""

from __future__ import annotations

import uuid
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from linkwork.core import policy
from linkwork.core.api_auth import staff_auth
from linkwork.core.problems import problem
from linkwork.directory.models import Service
from linkwork.directory.search_backend import SearchHit, SearchParams, search
from linkwork.places.postcodes import InvalidPostcode, normalise_postcode
from linkwork.search.matcher import match_what_matters
from linkwork.search.policy import MATCH_WHAT_MATTERS
from linkwork.search.translations import shown_texts, wanted_language

router = Router(tags=["search"])

MAX_TEXT = 10_000
DeliveryMode = Literal["in_person", "phone", "online", "home_visit"]


class SearchQuery(Schema):
    q: str = Field("", max_length=MAX_TEXT, description="What the person needs, in any words")
    postcode: str = Field("", max_length=16, description="A Scottish postcode, e.g. PH1 5PH")
    distance: float | None = Field(None, gt=0, le=200, description="Kilometres from the postcode")
    category: list[str] = Field([], description="Category codes (repeat the parameter)")
    delivery: list[DeliveryMode] = Field([], description="How it is delivered")
    free: bool = False
    open_on: int | None = Field(None, ge=1, le=7, description="ISO weekday, 1 = Monday")
    accessibility: list[str] = []
    language: list[str] = Field([], description="ISO 639 codes")
    age: int | None = Field(None, ge=0, le=120)
    organisation: uuid.UUID | None = None
    area: list[str] = Field([], description="GSS codes of council areas, HSCPs, health boards")
    mode: Literal["hybrid", "lexical", "semantic"] = "hybrid"
    page: int = Field(1, ge=1, le=1000)
    per_page: int = Field(20, ge=1, le=100)
    explain: bool = False
    lang: str = Field(
        "",
        max_length=20,
        description="Language to show names and descriptions in where a service has a "
        "translation (BCP 47, e.g. pl, zh-hans); default: the active language",
    )


class ResultOut(Schema):
    id: uuid.UUID
    name: str
    description: str = Field(description="In the requested language where translated")
    language: str | None = Field(
        None, description="Language of name and description when translated, else null"
    )
    organisation: str | None
    distance_m: float | None
    score: float
    why: list[str]


class SearchOut(Schema):
    results: list[ResultOut]
    total: int
    page: int
    per_page: int
    notes: list[str]


class MatchIn(Schema):
    text: str = Field(..., min_length=1, max_length=MAX_TEXT)
    postcode: str = Field("", max_length=16)
    age: int | None = Field(None, ge=0, le=120)
    languages: list[str] = []
    needs_step_free: bool = False
    free_only: bool = False
    delivery_modes: list[DeliveryMode] = []
    exclude_service_ids: list[uuid.UUID] = []
    per_need: int = Field(5, ge=1, le=20)


class NeedOut(Schema):
    need: str
    label: str
    results: list[ResultOut]


class MatchOut(Schema):
    needs: list[NeedOut]


class _UnknownPostcode(Exception):
    pass


def _postcode(raw: str) -> str:
    """A normalised postcode that we know, '' for none; raises for bad or unknown ones."""
    if not raw.strip():
        return ""
    from linkwork.search.engine import place_for_postcode

    code = normalise_postcode(raw)
    if place_for_postcode(code) is None:  # remembered: the engine does not look it up again
        raise _UnknownPostcode(code)
    return code


def results(hits: list[SearchHit], language: str = "") -> list[dict]:
    """Hits with their service's name, description and organisation (one query for the page,
    one for translations), in the language wanted where the service has a translation."""
    ids = [h.service_id for h in hits]
    services = {
        sid: (name, summary or description, org)
        for sid, name, summary, description, org in Service.objects.filter(id__in=ids)
        .order_by()
        .values_list("id", "name", "summary", "description", "organization__name")
    }
    translated = shown_texts(ids, wanted_language(language))
    out = []
    for h in hits:
        found = services.get(h.service_id)
        if found is None:
            continue
        shown = translated.get(h.service_id)
        out.append(
            {
                "id": h.service_id,
                "name": (shown and shown.name) or found[0],
                "description": (shown and shown.description) or found[1],
                "language": shown.language if shown else None,
                "organisation": found[2],
                "distance_m": round(h.distance_m) if h.distance_m is not None else None,
                "score": h.score,
                "why": h.why,
            }
        )
    return out


def _place_problem(request: HttpRequest, exc: Exception) -> HttpResponse:
    if isinstance(exc, _UnknownPostcode):
        return problem(
            request,
            422,
            _("We do not know that postcode."),
            _("Check the postcode, or search without one."),
            errors=[{"where": "postcode", "message": _("Unknown postcode")}],
        )
    return problem(
        request,
        422,
        _("The postcode is not valid."),
        str(exc),
        errors=[{"where": "postcode", "message": str(exc)}],
    )


@router.get("/search", response={200: SearchOut}, summary="Search the directory (public)")
def search_services(request: HttpRequest, filters: Query[SearchQuery]) -> HttpResponse | dict:
    """Services ranked for a need in the person's own words, their place and filters."""
    try:
        postcode = _postcode(filters.postcode)
    except (InvalidPostcode, _UnknownPostcode) as exc:
        return _place_problem(request, exc)
    if filters.distance is not None and not postcode:
        return problem(
            request,
            422,
            _("A distance needs a postcode."),
            errors=[{"where": "distance", "message": _("Give a postcode too")}],
        )
    params = SearchParams(
        q=filters.q,
        postcode=postcode,
        distance_km=filters.distance,
        categories=tuple(filters.category),
        delivery_modes=tuple(filters.delivery),
        free_only=filters.free,
        open_on=filters.open_on,
        accessibility=tuple(filters.accessibility),
        languages=tuple(filters.language),
        age=filters.age,
        organisation_id=filters.organisation,
        area_codes=tuple(filters.area),
        page=filters.page,
        per_page=filters.per_page,
        explain=filters.explain,
        mode=filters.mode,
    )
    page = search(params)
    return {
        "results": results(page.hits, filters.lang),
        "total": page.total,
        "page": page.page,
        "per_page": page.per_page,
        "notes": page.notes,
    }


@router.post(
    "/match",
    auth=staff_auth,
    response={200: MatchOut},
    summary="Suggest services by need from what matters to a person (link workers)",
)
def match(request: HttpRequest, body: MatchIn) -> HttpResponse | dict:
    """Services grouped by the needs found in the text; services already tried are left out.

    The text is used for this answer only: it is not stored or logged."""
    if not policy.can(request.user, MATCH_WHAT_MATTERS):
        raise PermissionDenied(_("Only link workers can match what matters to services."))
    try:
        postcode = _postcode(body.postcode)
    except (InvalidPostcode, _UnknownPostcode) as exc:
        return _place_problem(request, exc)
    groups = match_what_matters(
        text=body.text,
        postcode=postcode,
        age=body.age,
        languages=tuple(body.languages),
        needs_step_free=body.needs_step_free,
        free_only=body.free_only,
        delivery_modes=tuple(body.delivery_modes),
        exclude_service_ids=tuple(body.exclude_service_ids),
        per_need=body.per_need,
    )
    return {
        "needs": [{"need": g.need, "label": g.label, "results": results(g.hits)} for g in groups]
    }
