"""Building a consultation (programme managers): a draft's details, its questions and their
order, publishing it, and moving its closing date afterwards. No JavaScript: every change is
a form that posts and comes back to the builder page.

A user with no role the action allows gets 403; a consultation outside their programmes is
404 (not saying it exists), for reads and writes alike."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from linkwork.core import policy
from linkwork.core.models import Organisation
from linkwork.core.permissions import acting_user, require_action
from linkwork.engagement import building, services
from linkwork.engagement import policy as actions
from linkwork.engagement.easy_read import symbol_for, symbol_path
from linkwork.engagement.forms_builder import (
    ClosingDateForm,
    ConsultationDetailsForm,
    NewConsultationForm,
    QuestionForm,
    last_day,
    start_of,
)
from linkwork.engagement.models import Consultation, Question

#: Service errors by model field -> the form field that shows them.
_FIELD_OF = {"closes_at": "closes_on", "opens_at": "opens_on"}


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response


def _consultation(request: HttpRequest, pk: int, action: str) -> Consultation:
    """The consultation if the user may do ``action`` to it, else 404."""
    scoped = policy.scope_queryset(
        request.user, action, Consultation.objects.select_related("organisation")
    )
    return get_object_or_404(scoped, pk=pk)


def _question(consultation: Consultation, question_id: int) -> Question:
    return get_object_or_404(consultation.questions, pk=question_id)


def errors_into(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form, on the field it names where there is one."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            field = _FIELD_OF.get(name, name)
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _organisations(request: HttpRequest) -> QuerySet[Organisation]:
    programmes = Organisation.objects.filter(kind=Organisation.Kind.PROGRAMME).order_by("name")
    return policy.scope_queryset(request.user, actions.CREATE_CONSULTATION, programmes)


def _free_slug(title: str) -> str:
    base = slugify(title)[:70].strip("-") or "consultation"
    slug, n = base, 1
    while Consultation.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@require_action(actions.CREATE_CONSULTATION)
@require_http_methods(["GET", "POST"])
def consultation_create(request: HttpRequest) -> HttpResponse:
    organisations = _organisations(request)
    if request.method == "POST":
        form = NewConsultationForm(request.POST, organisations=organisations)
        if form.is_valid():
            slug = form.cleaned_data.get("slug") or _free_slug(form.cleaned_data["title"])
            if Consultation.objects.filter(slug=slug).exists():
                form.add_error("slug", _("This web address name is already used: choose another"))
            else:
                details = form.changes()
                try:
                    consultation = services.create_consultation(
                        actor=acting_user(request),
                        organisation=form.cleaned_data["organisation"],
                        slug=slug, questions=[], draft=True, **details,  # type: ignore[arg-type]
                    )  # fmt: skip
                except ValidationError as exc:
                    errors_into(form, exc)
                else:
                    messages.success(request, _("Draft saved. Now add its questions."))
                    return redirect("engagement:consultation_build", pk=consultation.pk)
    else:
        form = NewConsultationForm(
            organisations=organisations,
            initial={"anonymous": True, "ask_profile": True, "opens_on": timezone.localdate()},
        )
    status = 400 if form.errors else 200
    return _no_store(render(request, "engagement/builder/new.html", {"form": form}, status=status))


def translation_status(consultation: Consultation) -> list[tuple[str, str, bool]]:
    """(code, name, started) for the builder page's list of languages (each site language
    named in itself, as on the language switcher)."""
    started = set(consultation.translations.values_list("language", flat=True))
    return [(code, name, code in started) for code, name in building.language_names()]


def _build_page(
    request: HttpRequest,
    consultation: Consultation,
    form: forms.BaseForm,
    *,
    status: int = 200,
    publish_problems: list[str] | None = None,
) -> HttpResponse:
    questions = list(consultation.questions.order_by("position", "id"))
    context = {
        "consultation": consultation,
        "form": form,
        "questions": [(q, symbol_path(symbol_for(q))) for q in questions],
        "problems": (
            publish_problems
            if publish_problems is not None
            else (building.publishing_problems(consultation) if consultation.is_draft else [])
        ),
        "publish_failed": publish_problems is not None,
        "translations": translation_status(consultation),
    }
    return _no_store(render(request, "engagement/builder/build.html", context, status=status))


@require_action(actions.EDIT_CONSULTATION)
@require_http_methods(["GET", "POST"])
def consultation_build(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = _consultation(request, pk, actions.EDIT_CONSULTATION)
    form: forms.BaseForm
    if consultation.is_draft:
        form = (
            ConsultationDetailsForm(request.POST)
            if request.method == "POST"
            else ConsultationDetailsForm(initial=ConsultationDetailsForm.initial_for(consultation))
        )
    else:
        form = (
            ClosingDateForm(request.POST)
            if request.method == "POST"
            else ClosingDateForm(initial={"closes_on": last_day(consultation.closes_at)})
        )
    if request.method == "POST" and form.is_valid():
        if isinstance(form, ConsultationDetailsForm):
            changes = form.changes()
        else:
            closes = form.cleaned_data.get("closes_on")
            changes = {"closes_at": start_of(closes + dt.timedelta(days=1)) if closes else None}
        try:
            building.update_details(
                actor=acting_user(request), consultation=consultation, changes=changes
            )
        except ValidationError as exc:
            consultation.refresh_from_db()
            errors_into(form, exc)
        else:
            messages.success(request, _("Details saved."))
            return redirect("engagement:consultation_build", pk=pk)
    return _build_page(request, consultation, form, status=400 if form.errors else 200)


def _question_page(
    request: HttpRequest,
    consultation: Consultation,
    form: QuestionForm,
    question: Question | None,
) -> HttpResponse:
    return _no_store(render(
        request, "engagement/builder/question.html",
        {"consultation": consultation, "form": form, "question": question},
        status=400 if form.errors else 200,
    ))  # fmt: skip


def _save_question(
    request: HttpRequest, consultation: Consultation, question: Question | None
) -> HttpResponse:
    form = QuestionForm(request.POST)
    if form.is_valid():
        try:
            if question is None:
                building.add_question(
                    actor=acting_user(request), consultation=consultation, spec=form.spec(),
                    scale_labels=form.scale_labels(), symbol=form.cleaned_data.get("symbol", ""),
                )  # fmt: skip
            else:
                building.change_question(
                    actor=acting_user(request), question=question, spec=form.spec(),
                    scale_labels=form.scale_labels(), symbol=form.cleaned_data.get("symbol", ""),
                )  # fmt: skip
        except ValidationError as exc:
            errors_into(form, exc)
        else:
            messages.success(request, _("Question saved."))
            return redirect("engagement:consultation_build", pk=consultation.pk)
    return _question_page(request, consultation, form, question)


@require_action(actions.EDIT_CONSULTATION)
@require_http_methods(["GET", "POST"])
def question_add(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = _consultation(request, pk, actions.EDIT_CONSULTATION)
    if request.method == "POST":
        return _save_question(request, consultation, None)
    return _question_page(request, consultation, QuestionForm(initial={"kind": "open"}), None)


@require_action(actions.EDIT_CONSULTATION)
@require_http_methods(["GET", "POST"])
def question_edit(request: HttpRequest, pk: int, question_id: int) -> HttpResponse:
    consultation = _consultation(request, pk, actions.EDIT_CONSULTATION)
    question = _question(consultation, question_id)
    if request.method == "POST":
        return _save_question(request, consultation, question)
    form = QuestionForm(initial=QuestionForm.initial_for(question))
    return _question_page(request, consultation, form, question)


def _refused(request: HttpRequest, consultation: Consultation, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


@require_action(actions.EDIT_CONSULTATION)
@require_POST
def question_move(request: HttpRequest, pk: int, question_id: int) -> HttpResponse:
    consultation = _consultation(request, pk, actions.EDIT_CONSULTATION)
    question = _question(consultation, question_id)
    try:
        building.move_question(
            actor=acting_user(request), question=question, up=request.POST.get("to") == "up"
        )
    except ValidationError as exc:
        _refused(request, consultation, exc)
    return redirect("engagement:consultation_build", pk=pk)


@require_action(actions.EDIT_CONSULTATION)
@require_POST
def question_remove(request: HttpRequest, pk: int, question_id: int) -> HttpResponse:
    consultation = _consultation(request, pk, actions.EDIT_CONSULTATION)
    question = _question(consultation, question_id)
    try:
        building.remove_question(actor=acting_user(request), question=question)
    except ValidationError as exc:
        _refused(request, consultation, exc)
    else:
        messages.success(request, _("Question removed."))
    return redirect("engagement:consultation_build", pk=pk)


@require_action(actions.EDIT_CONSULTATION)
@require_POST
def consultation_publish(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = _consultation(request, pk, actions.EDIT_CONSULTATION)
    try:
        building.publish_consultation(actor=acting_user(request), consultation=consultation)
    except ValidationError as exc:
        consultation.refresh_from_db()
        form = ConsultationDetailsForm(initial=ConsultationDetailsForm.initial_for(consultation))
        return _build_page(
            request, consultation, form, status=400, publish_problems=list(exc.messages)
        )
    messages.success(request, _("Published. People can answer from its opening date."))
    return redirect("engagement:consultation_build", pk=pk)
