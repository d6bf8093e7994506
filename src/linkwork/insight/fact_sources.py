"""What the dashboards and the kept facts (decision 0014) both define a case's figures by:
the score analysed per instrument, each case's paired scores, engagement, age at referral and
the needs behind reasons. One place, below the dashboards and the facts, so that neither has
to import the other."""

from __future__ import annotations

from django.db.models import Case as DjCase
from django.db.models import (
    Exists,
    Expression,
    ExpressionWrapper,
    F,
    FloatField,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
    Window,
)
from django.db.models.fields.json import KT
from django.db.models.functions import (
    Cast,
    ExtractDay,
    ExtractMonth,
    ExtractYear,
    FirstValue,
    RowNumber,
)
from django.db.models.lookups import Exact, LessThan

from linkwork.casework.models import ServiceLink
from linkwork.outcomes import definitions
from linkwork.outcomes.models import Administration, TimePoint

#: Which directory categories meet the need behind each referral reason.
REASON_CATEGORIES: dict[str, tuple[str, ...]] = {
    "social_isolation": ("befriending", "volunteering", "arts-culture", "faith-community"),
    "mental_wellbeing": ("mental-health",),
    "money": ("money-advice",),
    "debt": ("debt", "money-advice"),
    "housing": ("housing",),
    "homelessness": ("housing",),
    "employment": ("employability", "learning"),
    "bereavement": ("bereavement",),
    "carer_stress": ("carers",),
    "physical_activity": ("physical-activity", "nature-outdoors"),
    "weight": ("physical-activity",),
    "substance_use": ("addiction-recovery",),
    "long_term_condition": ("long-term-conditions", "disability"),
    "food": ("food",),
    "relationships": ("family", "domestic-abuse"),
    "frequent_attendance": ("befriending", "mental-health"),
}


def primary_score(code: str) -> definitions.Score | None:
    """The score insight analyses: the first with a minimal important difference, else the
    first with a direction."""
    inst = definitions.get(code)
    with_mid = [s for s in inst.scores if s.mid is not None and s.better]
    if with_mid:
        return with_mid[0]
    directed = [s for s in inst.scores if s.better]
    return directed[0] if directed else None


def engaged_cases(case: str = "pk") -> Exists:
    """Whether the case has a link the person engaged with (attended, or attending or
    stopped after attending)."""
    return Exists(
        ServiceLink.objects.filter(case=OuterRef(case)).filter(
            Q(first_attended_on__isnull=False) | Q(status__in=["attending", "stopped"])
        )
    )


def score_windows(administrations: QuerySet[Administration], key: str) -> QuerySet[Administration]:
    """One row per case of the administrations with a valid ``key`` score and a baseline among
    them: ``baseline``/``baseline_at`` (the earliest baseline) and ``latest``/``latest_at``/
    ``latest_is_baseline`` (the latest administration, ties broken by time point, then score),
    chosen by window functions. Shared by the direct figures and the kept outcome facts."""
    score = Cast(KT(f"result__scores__{key}"), FloatField())
    is_baseline = DjCase(When(time_point=TimePoint.BASELINE, then=Value(1)), default=Value(0))
    per_case = [F("case_id")]
    first = [F("is_baseline").desc(), F("administered_at").asc(), F("score").asc()]
    last = [
        F("is_baseline").asc(),
        F("administered_at").desc(),
        F("time_point").desc(),
        F("score").desc(),
    ]
    return (
        administrations.annotate(score=score, is_baseline=is_baseline)
        .filter(score__isnull=False)
        .annotate(
            row=Window(RowNumber(), partition_by=per_case, order_by=first),
            has_baseline=Window(Max("is_baseline"), partition_by=per_case),
            baseline=Window(FirstValue("score"), partition_by=per_case, order_by=first),
            baseline_at=Window(
                FirstValue("administered_at"), partition_by=per_case, order_by=first
            ),
            latest=Window(FirstValue("score"), partition_by=per_case, order_by=last),
            latest_at=Window(FirstValue("administered_at"), partition_by=per_case, order_by=last),
            latest_is_baseline=Window(
                FirstValue("is_baseline"), partition_by=per_case, order_by=last
            ),
        )
        .filter(row=1, has_baseline=1)
    )


def age_at(born: str, day: Expression) -> Expression:
    """Age in whole years on ``day`` (a date expression) of someone born on ``born``: the
    difference of the years, less one before the birthday in ``day``'s year."""
    day_month, born_month = ExtractMonth(day), ExtractMonth(born)
    return ExpressionWrapper(
        ExtractYear(day)
        - ExtractYear(born)
        - DjCase(
            When(LessThan(day_month, born_month), then=Value(1)),
            When(
                Exact(day_month, born_month) & LessThan(ExtractDay(day), ExtractDay(born)),
                then=Value(1),
            ),
            default=Value(0),
        ),
        output_field=IntegerField(),
    )
