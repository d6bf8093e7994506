"""Reads in engagement, already scoped to the user by the policy."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q, QuerySet

from linkwork.core import policy
from linkwork.engagement import policy as actions
from linkwork.engagement.models import (
    Answer,
    Consultation,
    Question,
    Response,
    Story,
    Theme,
    ThemeAssignment,
    ThemeRun,
)

if TYPE_CHECKING:
    from linkwork.core.policy import Actor

#: Counts below this are not shown (as in insight): a small group could identify a person.
SUPPRESS_BELOW = 5
GROUPINGS = {
    "council_area": "response__profile__council_area",
    "age_band": "response__profile__age_band",
    "ethnicity": "response__profile__ethnicity",
    "disability": "response__profile__disability",
    "carer": "response__profile__carer",
}


def consultations_for(user: Actor) -> QuerySet[Consultation]:
    qs = Consultation.objects.select_related("organisation").annotate(
        submitted=Count("responses", filter=Q(responses__status=Response.Status.SUBMITTED))
    )
    return policy.scope_queryset(user, actions.VIEW_CONSULTATION, qs)


def attachable_consultations(user: Actor) -> QuerySet[Consultation]:
    """Consultations a user may attach to something of theirs (network links event feedback to
    one): those whose responses they may see, newest first. Other apps call this."""
    qs = Consultation.objects.select_related("organisation").order_by("-opens_at", "title")
    return policy.scope_queryset(user, actions.VIEW_RESPONSES, qs)


def stories_to_review(user: Actor) -> QuerySet[Story]:
    """Stories waiting for review that this user may review, newest first."""
    waiting = Story.objects.filter(status=Story.Status.IN_REVIEW).select_related("organisation")
    scoped = policy.scope_queryset(user, actions.REVIEW_STORY, waiting)
    return scoped.order_by("-submitted_at", "-id")


def open_consultation(slug: str) -> Consultation | None:
    consultation = Consultation.objects.filter(slug=slug).first()
    return consultation if consultation and consultation.is_open() else None


def latest_run(question: Question) -> ThemeRun | None:
    return question.theme_runs.order_by("-created_at", "-id").first()


@dataclass(frozen=True)
class Cell:
    """A count and percentage, or suppressed (None) when the count or its group is small."""

    count: int | None
    percent: float | None


@dataclass(frozen=True)
class CrossTable:
    options: list[str]
    groups: list[str]  # "All" first
    cells: dict[tuple[str, str], Cell]  # (group, option)
    totals: dict[str, int | None]


def suppress(counts: dict[str, int]) -> dict[str, int | None]:
    """Primary suppression (below 5 hidden) and secondary suppression: if exactly one count in
    a row is hidden, the next smallest is hidden too, so it cannot be worked out from the total."""
    shown: dict[str, int | None] = {
        k: (v if v >= SUPPRESS_BELOW or v == 0 else None) for k, v in counts.items()
    }
    hidden = [k for k, v in shown.items() if v is None]
    if len(hidden) == 1:
        candidates = sorted((v, k) for k, v in shown.items() if v is not None and v > 0)
        if candidates:
            shown[candidates[0][1]] = None
    return shown


def closed_results(question: Question, by: str | None = None) -> CrossTable:
    """Counts and percentages of each option, overall and by a respondent group."""
    answers = Answer.objects.filter(question=question, response__status=Response.Status.SUBMITTED)
    lookup = GROUPINGS.get(by or "")
    rows = (
        answers.values_list("choices", "scale_value", lookup)
        if lookup
        else answers.values_list("choices", "scale_value")
    )
    if question.kind == Question.Kind.SCALE:
        options = [str(v) for v in range(question.scale_min, question.scale_max + 1)]
    else:
        options = list(question.choices)
    per_group: dict[str, Counter[str]] = defaultdict(Counter)
    answered: Counter[str] = Counter()
    for values in rows:
        row: list[Any] = list(values)
        choices, scale = row[0], row[1]
        group = (row[2] or "Not given") if lookup else None
        picked = [str(scale)] if scale is not None else list(choices or [])
        if not picked:
            continue
        for target in ["All", group] if group else ["All"]:
            answered[target] += 1
            for option in picked:
                per_group[target][option] += 1
    groups = ["All", *sorted(g for g in per_group if g != "All")]
    cells: dict[tuple[str, str], Cell] = {}
    totals: dict[str, int | None] = {}
    for group in groups:
        total = answered[group]
        totals[group] = total if total >= SUPPRESS_BELOW else None
        shown = suppress({o: per_group[group][o] for o in options})
        for option in options:
            count = shown[option] if totals[group] is not None else None
            percent = round(100 * count / total, 1) if count is not None and total else None
            cells[(group, option)] = Cell(count, percent)
    return CrossTable(options, groups, cells, totals)


@dataclass(frozen=True)
class ThemeSummary:
    theme: Theme
    size: int
    quotes: list[ThemeAssignment]
    by_group: dict[str, int | None]
    #: Answers mainly in another theme that touch this one too (their secondary theme).
    also_in: int = 0


def standing_theme_ids(run: ThemeRun) -> dict[int, int]:
    """Each theme id of a run -> the theme it now stands as (following merges), so a secondary
    theme that an analyst merged away is shown as the theme it was merged into."""
    parent = dict(run.themes.values_list("id", "merged_into_id"))
    out: dict[int, int] = {}
    for theme_id in parent:
        current, seen = theme_id, set()
        while parent.get(current) and current not in seen:
            seen.add(current)
            current = parent[current]  # type: ignore[assignment]
        out[theme_id] = current
    return out


def secondary_of(standing: dict[int, int], theme_id: int, secondary_id: int | None) -> int | None:
    """The standing secondary theme of an answer, or None when it has none or it is now the
    same theme as its main one."""
    if secondary_id is None:
        return None
    second = standing.get(secondary_id, secondary_id)
    return None if second == standing.get(theme_id, theme_id) else second


def theme_summaries(
    run: ThemeRun, *, by: str = "council_area", published_only: bool = False
) -> list[ThemeSummary]:
    """Each theme still standing (not merged away) with its size, quotes and group counts."""
    assignments = list(
        ThemeAssignment.objects.filter(run=run)
        .select_related("answer")
        .values_list(
            "theme_id", "id", "representative", "publish_quote", "answer__" + GROUPINGS[by],
            "secondary_theme_id",
        )
    )  # fmt: skip
    sizes: Counter[int] = Counter(a[0] for a in assignments)
    standing = standing_theme_ids(run)
    also: Counter[int] = Counter()
    quote_ids: dict[int, list[int]] = defaultdict(list)
    groups: dict[int, Counter[str]] = defaultdict(Counter)
    for theme_id, pk, representative, published, group, secondary in assignments:
        second = secondary_of(standing, theme_id, secondary)
        if second is not None:
            also[second] += 1
        if published or (representative and not published_only):
            quote_ids[theme_id].append(pk)
        groups[theme_id][group or "Not given"] += 1
    quotes = ThemeAssignment.objects.in_bulk([pk for ids in quote_ids.values() for pk in ids])
    answers = Answer.objects.in_bulk([q.answer_id for q in quotes.values()])
    for q in quotes.values():
        q.answer = answers[q.answer_id]
    out = []
    for theme in run.themes.filter(merged_into__isnull=True):
        picked = sorted(
            (quotes[pk] for pk in quote_ids.get(theme.pk, [])),
            key=lambda a: (not a.publish_quote, a.pk),
        )
        out.append(
            ThemeSummary(
                theme,
                sizes.get(theme.pk, 0),
                picked[:5],
                suppress(dict(groups[theme.pk])),
                also.get(theme.pk, 0),
            )
        )
    return sorted(out, key=lambda s: -s.size)


def published_stories(
    *,
    query: str = "",
    theme: str = "",
    place: str = "",
    organisation_ids: Iterable[int] | None = None,
) -> QuerySet[Story]:
    """Stories published after review, for the public site and for other apps (network links
    its practice learning to these). Filter by words, a theme, a place or organisations."""
    qs = Story.objects.filter(status=Story.Status.PUBLISHED).select_related("organisation")
    if query.strip():
        for word in query.split()[:8]:
            qs = qs.filter(
                Q(title__icontains=word)
                | Q(summary__icontains=word)
                | Q(body__icontains=word)
                | Q(place__icontains=word)
            )
    if place.strip():
        qs = qs.filter(place__icontains=place.strip())
    if organisation_ids is not None:
        qs = qs.filter(organisation_id__in=list(organisation_ids))
    if theme.strip():
        wanted = theme.strip().lower()
        ids = [s.pk for s in qs if wanted in [t.lower() for t in s.themes + s.tags]]
        qs = qs.filter(pk__in=ids)
    return qs.order_by("-published_at", "title")
