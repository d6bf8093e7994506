"""The places endpoints of the application API (/api/v1/). Public: places are open data."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Schema

from linkwork.core.problems import problem
from linkwork.places.selectors import (
    InvalidPostcode,
    PlaceRecord,
    UnknownPostcode,
    lookup_postcode,
)

router = Router(tags=["places"])


class ProblemOut(Schema):
    type: str
    title: str
    status: int
    detail: str = ""


@router.get(
    "/postcodes/{postcode}",
    response={200: PlaceRecord, 400: ProblemOut, 404: ProblemOut},
    auth=None,
    summary="Where a postcode is: coordinates, data zone, SIMD 2020v2 and areas",
    description=(
        "The postcode may be in any case and spacing (`eh11ab`, `EH1 1AB`). SIMD decile and "
        "quintile follow the Scottish Government convention: 1 = most deprived. "
        "400 for a malformed postcode, 404 for one we do not know."
    ),
)
def postcode_detail(request: HttpRequest, postcode: str) -> HttpResponse | PlaceRecord:
    try:
        record = lookup_postcode(postcode)
    except InvalidPostcode as exc:
        return problem(request, 400, _("That is not a postcode."), str(exc))
    except UnknownPostcode as exc:
        return problem(request, 404, _("Postcode not found."), str(exc))
    return record
