"""Forms that add to a case: encounters, what matters, goals, safeguarding, consent, discharge."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from linkwork.casework import services
from linkwork.casework.forms import (
    CloseConcernForm,
    ConcernForm,
    ConsentForm,
    DischargeForm,
    EncounterForm,
    GoalForm,
    GoalRatingForm,
    GoalStatusForm,
    WhatMattersForm,
)
from linkwork.casework.models import Goal, SafeguardingConcern
from linkwork.casework.services.concern_decisions import undecided_concerns
from linkwork.casework.states import IllegalTransition
from linkwork.casework.views.common import (
    add_errors,
    case_for,
    form_page,
    person_for,
    record_view,
)
from linkwork.core.permissions import acting_user, require_action


def _case_form(
    request: HttpRequest,
    pk: int,
    form_class: type,
    *,
    action: str,
    title: str,
    save: Callable[[Any, dict[str, Any]], Any],
    done: str,
    initial: dict[str, Any] | None = None,
    submit_label: str | None = None,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    case = case_for(request.user, pk, action)
    form = form_class(request.POST or None, initial=initial)
    if request.method == "GET":
        record_view(case, request.user, via="form")
    if request.method == "POST" and form.is_valid():
        try:
            save(case, form.cleaned_data)
        except (services.EditConflict, IllegalTransition) as exc:
            form.add_error(None, str(exc))
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, done)
            return redirect("casework:case_detail", pk=case.pk)
    return form_page(
        request,
        form,
        title=title,
        caption=case.person.full_name,
        contact_person=case.person,
        back_url=reverse("casework:case_detail", args=[case.pk]),
        submit_label=submit_label,
        status=422 if form.errors else 200,
        **(extra or {}),
    )


@require_action("casework.record_encounter")
@require_http_methods(["GET", "POST"])
def encounter_new(request: HttpRequest, pk: int) -> HttpResponse:
    def save(case: Any, d: dict[str, Any]) -> Any:
        return services.record_encounter(case=case, actor=acting_user(request), **d)

    now = timezone.localtime().replace(second=0, microsecond=0)
    return _case_form(
        request,
        pk,
        EncounterForm,
        action="casework.record_encounter",
        title=_("Record a contact"),
        save=save,
        done=_("Contact recorded."),
        initial={"occurred_at": now, "attendance": "attended"},
    )


@require_action("casework.record_what_matters")
@require_http_methods(["GET", "POST"])
def what_matters_new(request: HttpRequest, pk: int) -> HttpResponse:
    def save(case: Any, d: dict[str, Any]) -> Any:
        return services.record_what_matters(case=case, actor=acting_user(request), **d)

    return _case_form(
        request,
        pk,
        WhatMattersForm,
        action="casework.record_what_matters",
        title=_("Record a what-matters conversation"),
        save=save,
        done=_("Conversation recorded."),
    )


@require_action("casework.add_goal")
@require_http_methods(["GET", "POST"])
def goal_new(request: HttpRequest, pk: int) -> HttpResponse:
    def save(case: Any, d: dict[str, Any]) -> Any:
        return services.add_goal(case=case, actor=acting_user(request), **d)

    return _case_form(
        request,
        pk,
        GoalForm,
        action="casework.add_goal",
        title=_("Add a goal"),
        save=save,
        done=_("Goal added."),
    )


def _goal_for(request: HttpRequest, pk: int, goal_id: int, action: str) -> tuple[Any, Goal]:
    case = case_for(request.user, pk, action)
    goal = Goal.objects.filter(pk=goal_id, case=case).first()
    if goal is None:
        raise Http404
    return case, goal


@require_action("casework.rate_goal")
@require_http_methods(["GET", "POST"])
def goal_rate(request: HttpRequest, pk: int, goal_id: int) -> HttpResponse:
    _case, goal = _goal_for(request, pk, goal_id, "casework.rate_goal")

    def save(case: Any, d: dict[str, Any]) -> Any:
        return services.rate_goal(goal=goal, actor=acting_user(request), **d)

    return _case_form(
        request,
        pk,
        GoalRatingForm,
        action="casework.rate_goal",
        title=_("Rate progress: %(goal)s") % {"goal": goal.what},
        save=save,
        done=_("Progress recorded."),
    )


@require_action("casework.set_goal_status")
@require_http_methods(["GET", "POST"])
def goal_status(request: HttpRequest, pk: int, goal_id: int) -> HttpResponse:
    _case, goal = _goal_for(request, pk, goal_id, "casework.set_goal_status")

    def save(case: Any, d: dict[str, Any]) -> Any:
        return services.set_goal_status(
            goal=goal, actor=acting_user(request), status=d["status"], expected_version=d["version"]
        )

    return _case_form(
        request,
        pk,
        GoalStatusForm,
        action="casework.set_goal_status",
        title=_("Update goal: %(goal)s") % {"goal": goal.what},
        save=save,
        done=_("Goal updated."),
        initial={"status": goal.status, "version": goal.version},
    )


@require_action("casework.discharge")
@require_http_methods(["GET", "POST"])
def discharge_new(request: HttpRequest, pk: int) -> HttpResponse:
    def save(case: Any, d: dict[str, Any]) -> Any:
        return services.discharge(
            case=case,
            actor=acting_user(request),
            reason=d["reason"],
            summary=d["summary"],
            expected_version=d["version"],
        )

    case = case_for(request.user, pk, "casework.discharge")
    return _case_form(
        request,
        pk,
        DischargeForm,
        action="casework.discharge",
        title=_("Discharge"),
        save=save,
        done=_("Case closed. The message to the GP and referrer is ready."),
        initial={"version": case.version},
        submit_label=_("Discharge and close the case"),
        extra={
            "undecided_concerns": undecided_concerns(case),
            "person_id": case.person_id,
            "case_id": case.pk,
        },
    )


@require_action("casework.raise_concern")
@require_http_methods(["GET", "POST"])
def concern_new(request: HttpRequest, person_id: int) -> HttpResponse:
    person = person_for(request.user, person_id, "casework.raise_concern")
    if request.method == "GET":
        record_view(person, request.user, via="form")
    form = ConcernForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.raise_concern(person=person, actor=acting_user(request), **form.cleaned_data)
        messages.success(request, _("Safeguarding concern recorded."))
        return redirect("casework:person_detail", pk=person.pk)
    return form_page(
        request,
        form,
        title=_("Record a safeguarding concern"),
        caption=person.full_name,
        contact_person=person,
        intro=_("If someone is in immediate danger, call 999 first."),
        back_url=reverse("casework:person_detail", args=[person.pk]),
        status=422 if form.errors else 200,
    )


@require_action("casework.close_concern")
@require_http_methods(["GET", "POST"])
def concern_close(request: HttpRequest, person_id: int, concern_id: int) -> HttpResponse:
    person = person_for(request.user, person_id, "casework.close_concern")
    if request.method == "GET":
        record_view(person, request.user, via="form")
    concern = SafeguardingConcern.objects.filter(pk=concern_id, person=person).first()
    if concern is None:
        raise Http404
    form = CloseConcernForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.close_concern(concern=concern, actor=acting_user(request), **form.cleaned_data)
        messages.success(request, _("Concern closed."))
        return redirect("casework:person_detail", pk=person.pk)
    return form_page(
        request,
        form,
        title=_("Close a safeguarding concern"),
        caption=person.full_name,
        contact_person=person,
        back_url=reverse("casework:person_detail", args=[person.pk]),
    )


@require_action("casework.record_consent")
@require_http_methods(["GET", "POST"])
def consent_new(request: HttpRequest, person_id: int) -> HttpResponse:
    person = person_for(request.user, person_id, "casework.record_consent")
    if request.method == "GET":
        record_view(person, request.user, via="form")
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.record_consent(person=person, actor=acting_user(request), **form.cleaned_data)
        messages.success(request, _("Consent recorded."))
        return redirect("casework:person_detail", pk=person.pk)
    return form_page(
        request,
        form,
        title=_("Record consent"),
        caption=person.full_name,
        contact_person=person,
        intro=_(
            "Withdrawing consent to share takes effect at once: referrals waiting for a "
            "reply are withdrawn."
        ),
        back_url=reverse("casework:person_detail", args=[person.pk]),
        status=422 if form.errors else 200,
    )


@require_action("casework.link_household")
@require_http_methods(["GET", "POST"])
def household_new(request: HttpRequest, person_id: int) -> HttpResponse:
    """Link family or household members (whole-family support)."""
    from linkwork.casework.forms import HouseholdForm
    from linkwork.casework.selectors import visible_people

    person = person_for(request.user, person_id, "casework.link_household")
    if request.method == "GET":
        record_view(person, request.user, via="form")
    form = HouseholdForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        other = (
            visible_people(request.user, "casework.link_household")
            .filter(pk=d["related_person_id"])
            .first()
        )
        if other is None:
            form.add_error(
                "related_person_id", _("There is no record with that number you can see.")
            )
        else:
            try:
                services.link_household(
                    person=person,
                    related_person=other,
                    relationship=d["relationship"],
                    lives_with=d["lives_with"],
                    actor=acting_user(request),
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("Household link recorded."))
                return redirect("casework:person_detail", pk=person.pk)
    return form_page(
        request,
        form,
        title=_("Link a family or household member"),
        caption=person.full_name,
        contact_person=person,
        back_url=reverse("casework:person_detail", args=[person.pk]),
        status=422 if form.errors else 200,
    )
