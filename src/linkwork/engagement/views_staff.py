"""Staff pages: consultations, closed-question results, theme review, report, import, export."""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from linkwork.core import audit, policy
from linkwork.core.models import User
from linkwork.engagement import imports, selectors, services
from linkwork.engagement import policy as actions
from linkwork.engagement.charts import bar_chart_svg
from linkwork.engagement.models import Consultation, Question, Theme, ThemeAssignment

#: Characters that make a spreadsheet treat a cell as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _consultation(request: HttpRequest, pk: int, action: str) -> Consultation:
    consultation = get_object_or_404(Consultation.objects.select_related("organisation"), pk=pk)
    if not policy.can(request.user, action, consultation):
        raise PermissionDenied(action)
    return consultation


def _user(request: HttpRequest) -> User:
    """The signed-in user (every staff view is behind login_required)."""
    if not isinstance(request.user, User):
        raise PermissionDenied("signed-in staff only")
    return request.user


def _posted(request: HttpRequest, name: str) -> str:
    return request.POST.get(name) or "0"


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response


@login_required
def consultation_list(request: HttpRequest) -> HttpResponse:
    policy.check(request.user, actions.VIEW_CONSULTATION)
    consultations = selectors.consultations_for(request.user)
    return render(request, "engagement/consultation_list.html", {
        "consultations": consultations,
        "can_create": policy.can(request.user, actions.CREATE_CONSULTATION),
        "can_review_stories": policy.can(request.user, actions.REVIEW_STORY),
    })  # fmt: skip


@login_required
def consultation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = _consultation(request, pk, actions.VIEW_RESPONSES)
    by = request.GET.get("by", "")
    by = by if by in selectors.GROUPINGS else ""
    closed, open_questions = [], []
    for question in consultation.questions.order_by("position", "id"):
        if question.kind == Question.Kind.OPEN:
            open_questions.append((question, selectors.latest_run(question)))
        else:
            table = selectors.closed_results(question, by or None)
            closed.append((question, table, bar_chart_svg(table)))
    audit.record(audit.Action.VIEW, consultation, actor=request.user, detail={"scope": "results"})
    return _no_store(render(request, "engagement/consultation_detail.html", {
        "consultation": consultation, "closed": closed, "open_questions": open_questions,
        "by": by, "groupings": list(selectors.GROUPINGS),
        "can_analyse": policy.can(request.user, actions.ANALYSE, consultation),
        "can_edit": policy.can(request.user, actions.EDIT_CONSULTATION, consultation),
        "can_add_notes": policy.can(request.user, actions.IMPORT_RESPONSES, consultation),
    }))  # fmt: skip


@login_required
@require_POST
def run_themes(request: HttpRequest, pk: int, question_id: int) -> HttpResponse:
    consultation = _consultation(request, pk, actions.ANALYSE)
    question = get_object_or_404(consultation.questions, pk=question_id, kind=Question.Kind.OPEN)
    raw = request.POST.get("themes", "").strip()
    n = int(raw) if raw.isdigit() and 1 <= int(raw) <= 30 else None
    services.run_themes(actor=_user(request), question=question, n_themes=n, seed=0)
    return redirect("engagement:theme_review", pk=pk, question_id=question.pk)


@login_required
@require_http_methods(["GET", "POST"])
def theme_review(request: HttpRequest, pk: int, question_id: int) -> HttpResponse:
    consultation = _consultation(request, pk, actions.ANALYSE)
    question = get_object_or_404(consultation.questions, pk=question_id)
    run = selectors.latest_run(question)
    if run is None:
        return redirect("engagement:consultation_detail", pk=pk)
    if request.method == "POST":
        try:
            _review_action(request, run.pk)
        except (ValueError, Theme.DoesNotExist, ThemeAssignment.DoesNotExist) as exc:
            messages.error(request, str(exc) or _("That change could not be made."))
        return redirect("engagement:theme_review", pk=pk, question_id=question.pk)
    summaries = selectors.theme_summaries(
        run,
        by=request.GET.get("by", "council_area")
        if request.GET.get("by") in selectors.GROUPINGS
        else "council_area",
    )
    themes = list(run.themes.filter(merged_into__isnull=True))
    theme_id = request.GET.get("theme", "")
    members: list[tuple[ThemeAssignment, str]] = []
    if theme_id.isdigit():
        labels = {t.pk: t.label for t in run.themes.all()}
        standing = selectors.standing_theme_ids(run)
        for m in (
            ThemeAssignment.objects.filter(run=run, theme_id=int(theme_id))
            .select_related("answer", "machine_theme")
            .order_by("id")[:200]
        ):
            second = selectors.secondary_of(standing, m.theme_id, m.secondary_theme_id)
            members.append((m, labels.get(second, "") if second else ""))
    audit.record(audit.Action.VIEW, run, actor=request.user, detail={"scope": "themes"})
    return _no_store(render(request, "engagement/theme_review.html", {
        "consultation": consultation, "question": question, "run": run, "summaries": summaries,
        "themes": themes, "members": members, "selected": theme_id,
    }))  # fmt: skip


def _review_action(request: HttpRequest, run_id: int) -> None:
    action = request.POST.get("action")
    user = _user(request)
    themes = Theme.objects.filter(run_id=run_id)
    assignments = ThemeAssignment.objects.filter(run_id=run_id)
    if action == "rename":
        services.rename_theme(
            actor=user,
            theme=themes.get(pk=_posted(request, "theme")),
            label=request.POST.get("label", ""),
        )
    elif action == "merge":
        services.merge_themes(
            actor=user,
            theme=themes.get(pk=_posted(request, "theme")),
            into=themes.get(pk=_posted(request, "into")),
        )
    elif action == "split":
        services.split_theme(actor=user, theme=themes.get(pk=_posted(request, "theme")))
    elif action == "move":
        services.move_answer(
            actor=user,
            assignment=assignments.get(pk=_posted(request, "assignment")),
            to=themes.get(pk=_posted(request, "to")),
        )
    elif action in ("publish", "unpublish"):
        services.mark_quote(
            actor=user,
            assignment=assignments.get(pk=_posted(request, "assignment")),
            publish=action == "publish",
        )
    else:
        raise ValueError(_("Unknown change."))


def _report_context(request: HttpRequest, consultation: Consultation) -> dict[str, object]:
    closed, themed = [], []
    for question in consultation.questions.order_by("position", "id"):
        if question.kind == Question.Kind.OPEN:
            run = selectors.latest_run(question)
            if run:
                themed.append((question, run, selectors.theme_summaries(run, published_only=True)))
        else:
            table = selectors.closed_results(question)
            closed.append((question, table, bar_chart_svg(table)))
    total = consultation.responses.filter(status="submitted").count()
    return {"consultation": consultation, "closed": closed, "themed": themed, "total": total}


@login_required
def report(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = _consultation(request, pk, actions.VIEW_RESPONSES)
    audit.record(audit.Action.VIEW, consultation, actor=request.user, detail={"scope": "report"})
    return _no_store(
        render(request, "engagement/report.html", _report_context(request, consultation))
    )


@login_required
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    from weasyprint import HTML  # loaded only when a PDF is asked for (slow to import)

    consultation = _consultation(request, pk, actions.VIEW_RESPONSES)
    html = render_to_string(
        "engagement/report_pdf.html", _report_context(request, consultation), request=request
    )
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    audit.record(audit.Action.EXPORT, consultation, actor=request.user, detail={"format": "pdf"})
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="consultation-{consultation.pk}-report.pdf"'
    )
    return _no_store(response)


def safe_cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


@login_required
def export_csv(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = _consultation(request, pk, actions.EXPORT_RESPONSES)
    show_names = not consultation.anonymous and policy.can(
        request.user, actions.VIEW_IDENTITIES, consultation
    )
    questions = list(consultation.questions.order_by("position", "id"))
    coded: dict[tuple[int, int], tuple[str, str]] = {}
    for question in questions:
        run = selectors.latest_run(question)
        if run:
            labels = {t.pk: t.label for t in run.themes.all()}
            standing = selectors.standing_theme_ids(run)
            for answer_id, theme_id, secondary_id in ThemeAssignment.objects.filter(
                run=run
            ).values_list("answer_id", "theme_id", "secondary_theme_id"):
                second = selectors.secondary_of(standing, theme_id, secondary_id)
                coded[(question.pk, answer_id)] = (
                    labels[theme_id],
                    labels.get(second, "") if second else "",
                )
    out = io.StringIO()
    writer = csv.writer(out)
    header = [
        "response",
        "source",
        "event",
        "group",
        "council_area",
        "age_band",
        "ethnicity",
        "disability",
        "carer",
    ]
    if show_names:
        header += ["name", "email"]
    for n, q in enumerate(questions, start=1):
        header += [f"q{n}"]
        if q.kind == Question.Kind.OPEN:
            header += [f"q{n}_theme", f"q{n}_theme2"]
    writer.writerow(header)
    responses = (
        consultation.responses.filter(status="submitted")
        .select_related("profile", "event")
        .prefetch_related("answers")
        .order_by("id")
    )
    for r in responses:
        profile = getattr(r, "profile", None)
        row: list[object] = [r.pk, r.source, r.event.name if r.event else "", r.breakout_group]
        row += [
            getattr(profile, f, "") if profile else ""
            for f in ("council_area", "age_band", "ethnicity", "disability", "carer")
        ]
        if show_names:
            row += [r.respondent_name, r.respondent_email]
        answers = {a.question_id: a for a in r.answers.all()}
        for q in questions:
            a = answers.get(q.pk)
            value = (
                ""
                if a is None
                else (
                    a.text
                    if q.kind == Question.Kind.OPEN
                    else (a.scale_value if q.kind == Question.Kind.SCALE else "; ".join(a.choices))
                )
            )
            row.append(value)
            if q.kind == Question.Kind.OPEN:
                row.extend(coded.get((q.pk, a.pk), ("", "")) if a else ("", ""))
        writer.writerow([safe_cell(v) for v in row])
    audit.record(
        audit.Action.EXPORT,
        consultation,
        actor=request.user,
        detail={"format": "csv", "count": responses.count()},
    )
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="consultation-{consultation.pk}-coded.csv"'
    )
    return _no_store(response)


@login_required
@require_http_methods(["GET", "POST"])
def import_responses(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = _consultation(request, pk, actions.IMPORT_RESPONSES)
    problems: list[imports.Problem] = []
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            problems = [imports.Problem(0, "file", _("Choose a CSV file"))]
        else:
            try:
                content = upload.read().decode("utf-8-sig")
                count = imports.import_responses(
                    actor=_user(request), consultation=consultation, content=content
                )
            except UnicodeDecodeError:
                problems = [imports.Problem(0, "file", _("The file is not UTF-8 text"))]
            except imports.ImportRejected as exc:
                problems = exc.problems
            else:
                messages.success(request, _("%(count)d responses imported.") % {"count": count})
                return redirect("engagement:consultation_detail", pk=pk)
    questions = list(consultation.questions.order_by("position", "id"))
    return render(
        request,
        "engagement/import.html",
        {
            "consultation": consultation,
            "problems": problems[:200],
            "more": max(0, len(problems) - 200),
            "questions": questions,
        },
        status=400 if problems else 200,
    )
