"""The outcomes endpoints of the application API (/api/v1/outcomes).

Scoring is public: it takes item values, not people, so it holds no personal data.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Schema

from linkwork.core.problems import problem
from linkwork.outcomes import definitions
from linkwork.outcomes.scoring import AnswerError, check_answers, parse_answers, score
from linkwork.outcomes.value_sets import ValueSetError, configured_value_set

router = Router(tags=["outcomes"])


class ScoreIn(Schema):
    instrument: str
    #: Item values in questionnaire order; null (or "") for a missing item. A comma-separated
    #: string such as "1,,2" is accepted too, as on the command line.
    answers: list[int | float | str | None] | str


class ScoreOut(Schema):
    instrument: str
    valid: bool
    scores: dict[str, Any]
    bands: dict[str, str | None]
    flags: list[str]
    reasons: list[str] = []


class ScoreSummary(Schema):
    key: str
    label: str
    range: list[float] | None
    better: str | None
    bands: list[dict[str, Any]]
    minimal_important_difference: float | None


class InstrumentOut(Schema):
    code: str
    name: str
    short_name: str
    measures: str
    items: int
    wording_included: bool
    licence: dict[str, Any]
    citation: str
    scoring_source: str
    missing_rule: str
    missing_rule_source: str
    scores: list[ScoreSummary]


def _summary(inst: definitions.Instrument) -> InstrumentOut:
    return InstrumentOut(
        code=inst.code,
        name=inst.name,
        short_name=inst.short_name,
        measures=inst.measures,
        items=len(inst.items),
        wording_included=inst.wording_included,
        licence=inst.licence,
        citation=inst.citation,
        scoring_source=inst.scoring_source,
        missing_rule=inst.missing_rule,
        missing_rule_source=inst.missing_source,
        scores=[
            ScoreSummary(
                key=s.key,
                label=s.label,
                range=list(s.range) if s.range else None,
                better=s.better,
                bands=[{"label": b.label, "min": b.minimum, "max": b.maximum} for b in s.bands],
                minimal_important_difference=s.mid,
            )
            for s in inst.scores
        ],
    )


@router.get("/instruments", response=list[InstrumentOut], summary="Instruments that can be scored")
def instrument_list(request: HttpRequest) -> list[InstrumentOut]:
    return [_summary(inst) for inst in definitions.all_instruments()]


@router.get(
    "/instruments/{code}",
    response={200: InstrumentOut, 404: dict[str, Any]},
    summary="One instrument",
)
def instrument_detail(request: HttpRequest, code: str) -> Any:
    try:
        return _summary(definitions.get(code))
    except definitions.UnknownInstrument:
        return problem(request, 404, _("No instrument with that code."))


@router.post(
    "/score",
    response={200: ScoreOut, 404: dict[str, Any], 422: dict[str, Any]},
    summary="Score item values with the instrument's published rules",
)
def score_answers(request: HttpRequest, payload: ScoreIn) -> HttpResponse | dict[str, Any]:
    try:
        inst = definitions.get(payload.instrument)
    except definitions.UnknownInstrument as exc:
        return problem(request, 404, _("No instrument with that code."), str(exc))
    try:
        if isinstance(payload.answers, str):
            answers = parse_answers(inst, payload.answers)
        else:
            answers = check_answers(inst, payload.answers)
        value_set = configured_value_set() if inst.needs_value_set else None
    except AnswerError as exc:
        return problem(request, 422, _("The answers cannot be scored."), str(exc), item=exc.item)
    except ValueSetError as exc:
        return problem(request, 500, _("The configured value set is not valid."), str(exc))
    result = score(inst, answers, value_set=value_set)
    out = result.as_dict()
    out.setdefault("reasons", [])
    return out
