"""Bulk entry of responses from CSV (paper forms, other survey tools): all or nothing.

Columns: ``q1``, ``q2``, ... for the questions in order (multiple choices separated by ``;``,
scales as whole numbers) and optionally the profile columns ``council_area``, ``age_band``,
``ethnicity``, ``disability``, ``carer``. Every problem is reported with its row (counting the
header as row 1) and column; if there is any, nothing is saved.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from linkwork.core import audit, policy
from linkwork.engagement import policy as actions
from linkwork.engagement.models import Answer, Consultation, Question, RespondentProfile, Response
from linkwork.engagement.services import PROFILE_FIELDS

if TYPE_CHECKING:
    from linkwork.core.models import User

MAX_ROWS = 50_000


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"row {self.row}, column {self.column}: {self.message}"


class ImportRejected(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s); nothing was imported")
        self.problems = problems


def _parse(
    question: Question, raw: str, row: int, column: str
) -> tuple[dict[str, object], list[Problem]]:
    raw = raw.strip()
    if not raw:
        return {}, []
    if question.kind == Question.Kind.OPEN:
        return {"text": raw}, []
    if question.kind == Question.Kind.SCALE:
        try:
            value = int(raw)
        except ValueError:
            return {}, [Problem(row, column, f"{raw!r} is not a whole number")]
        if not question.scale_min <= value <= question.scale_max:
            return {}, [
                Problem(
                    row, column, f"{value} is outside {question.scale_min} to {question.scale_max}"
                )
            ]
        return {"scale_value": value}, []
    picked = (
        [p.strip() for p in raw.split(";") if p.strip()]
        if question.kind == Question.Kind.MULTIPLE
        else [raw]
    )
    unknown = [p for p in picked if p not in question.choices]
    if unknown:
        return {}, [
            Problem(
                row,
                column,
                f"{unknown[0]!r} is not one of the choices ({'; '.join(question.choices)})",
            )
        ]
    return {"choices": picked}, []


def import_responses(*, actor: User, consultation: Consultation, content: str) -> int:
    """Import every row or none; raises ImportRejected naming each problem's row and column."""
    policy.check(actor, actions.IMPORT_RESPONSES, consultation)
    questions = {
        f"q{n}": q for n, q in enumerate(consultation.questions.order_by("position", "id"), start=1)
    }
    try:
        reader = csv.DictReader(io.StringIO(content.lstrip("\ufeff")))
        header = reader.fieldnames or []
        rows = list(reader)
    except csv.Error as exc:
        raise ImportRejected([Problem(1, "-", f"not a readable CSV file ({exc})")]) from None
    problems: list[Problem] = []
    known = set(questions) | set(PROFILE_FIELDS)
    problems += [
        Problem(1, c, "unknown column (expected q1, q2, ... or a profile column)")
        for c in header
        if c not in known
    ]
    if not set(header) & set(questions):
        problems.append(Problem(1, "-", "no question columns (q1, q2, ...)"))
    if len(rows) > MAX_ROWS:
        problems.append(Problem(1, "-", f"more than {MAX_ROWS} rows; split the file"))
    parsed: list[tuple[dict[Question, dict[str, object]], dict[str, str]]] = []
    for number, row in enumerate(rows, start=2):
        if None in row:
            problems.append(Problem(number, "-", "more values than columns"))
            continue
        values: dict[Question, dict[str, object]] = {}
        for column, question in questions.items():
            value, found = _parse(question, row.get(column) or "", number, column)
            problems += found
            if value:
                values[question] = value
            elif question.required and not found:
                problems.append(Problem(number, column, "an answer is required"))
        parsed.append((values, {k: (row.get(k) or "").strip()[:100] for k in PROFILE_FIELDS}))
    if problems:
        raise ImportRejected(problems)
    with transaction.atomic():
        now = timezone.now()
        for values, profile in parsed:
            response = Response.objects.create(
                consultation=consultation, status=Response.Status.SUBMITTED,
                source=Response.Source.IMPORT, submitted_at=now,
            )  # fmt: skip
            Answer.objects.bulk_create(
                [Answer(response=response, question=q, **v) for q, v in values.items()]
            )  # type: ignore[arg-type]
            if any(profile.values()):
                RespondentProfile.objects.create(response=response, **profile)
        audit.record(
            audit.Action.CREATE,
            consultation,
            actor=actor,
            detail={"count": len(parsed), "via": "csv_import"},
        )
    return len(parsed)
