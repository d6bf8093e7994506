"""The link worker's pages: caseload, a person's record and the case timeline."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from linkwork.casework import services
from linkwork.casework.consent import current_decision
from linkwork.casework.duplicates import find_duplicates
from linkwork.casework.forms import CaseTransitionForm, MergeForm, PersonEditForm
from linkwork.casework.models import Case, Consent, SafeguardingConcern
from linkwork.casework.queues import caseload as caseload_for
from linkwork.casework.queues import days_since, is_stalled
from linkwork.casework.selectors import visible_cases, visible_people
from linkwork.casework.states import FINAL, CaseStatus, IllegalTransition, allowed_next
from linkwork.casework.timeline import load_case, timeline
from linkwork.casework.views.common import (
    add_errors,
    case_for,
    form_page,
    person_for,
    record_list_view,
    record_view,
)
from linkwork.casework.worklists import caseload_summary
from linkwork.core import policy
from linkwork.core.models import Organisation
from linkwork.core.permissions import acting_user, require_action


@require_action("casework.view_caseload")
def caseload(request: HttpRequest) -> HttpResponse:
    data = caseload_for(request.user)
    summary = caseload_summary(acting_user(request))
    shown = [c.pk for c in data.active + data.follow_ups_due + data.overdue_referrals]
    shown += [link.case_id for link in data.stalled_links]
    record_list_view(Case, shown, request.user, via="caseload")
    return render(request, "casework/caseload.html", {"c": data, "summary": summary})


def _open_concerns(person_id: int) -> list[SafeguardingConcern]:
    return list(
        SafeguardingConcern.objects.filter(person_id=person_id, status="open").order_by(
            "-raised_at"
        )
    )


@require_action("casework.view_person")
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_for(request.user, pk)
    record_view(person, request.user)
    cases = list(
        visible_cases(request.user)
        .filter(person=person)
        .select_related("practice", "link_worker", "referral")
        .order_by("-opened_at")
    )
    consents = list(
        Consent.objects.filter(person=person).select_related("partner", "recorded_by")[:50]
    )
    household = list(person.household_links.select_related("related_person"))
    return render(
        request,
        "casework/person_detail.html",
        {
            "person": person,
            "cases": cases,
            "consents": consents,
            "sharing": current_decision(person=person, purpose="sharing"),
            "household": household,
            "concerns": _open_concerns(person.pk),
            "can_edit": policy.can(request.user, "casework.edit_person", person),
            "can_merge": policy.can(request.user, "casework.merge_people", person),
        },
    )


def _practices_for(request: HttpRequest, person: Any) -> Any:
    """Practices a record may be moved to by this user: ones they work at (and its own)."""
    practices = Organisation.objects.filter(kind=Organisation.Kind.GP_PRACTICE)
    allowed = policy.scope_queryset(request.user, "casework.register_person", practices)
    return practices.filter(pk__in=allowed.values("pk")) | practices.filter(
        pk=person.gp_practice_id
    )


@require_action("casework.edit_person")
@require_http_methods(["GET", "POST"])
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_for(request.user, pk, "casework.edit_person")
    conflict = None
    if request.method == "POST":
        form = PersonEditForm(request.POST, instance=person)
        form.fields["gp_practice"].queryset = _practices_for(request, person)  # type: ignore[attr-defined]
        if form.is_valid():
            try:
                services.update_person(
                    person=person,
                    actor=acting_user(request),
                    expected_version=form.cleaned_data.get("version"),
                    data=form.person_data(),
                    reason=form.cleaned_data.get("reason", ""),
                )
            except services.EditConflict as exc:
                # Keep their input on the page; show what the other person saved.
                conflict = str(exc)
                data = request.POST.copy()
                data["version"] = str(getattr(exc.current, "version", ""))
                form = PersonEditForm(data, instance=exc.current)
                form.is_valid()
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("Details saved."))
                return redirect("casework:person_detail", pk=person.pk)
    else:
        record_view(person, request.user, via="form")
        form = PersonEditForm(instance=person, initial={"version": person.version})
        form.fields["gp_practice"].queryset = _practices_for(request, person)  # type: ignore[attr-defined]
    return form_page(
        request,
        form,
        title=_("Edit details"),
        caption=person.full_name,
        conflict=conflict,
        back_url=reverse("casework:person_detail", args=[person.pk]),
        status=409 if conflict else (422 if form.errors else 200),
        current=person if conflict else None,
    )


@require_action("casework.merge_people")
@require_http_methods(["GET", "POST"])
def person_merge(request: HttpRequest, pk: int) -> HttpResponse:
    keep = person_for(request.user, pk, "casework.merge_people")
    if request.method == "GET":
        record_view(keep, request.user, via="form")
    form = MergeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        duplicate = (
            visible_people(request.user, "casework.merge_people")
            .filter(pk=form.cleaned_data["duplicate_id"])
            .first()
        )
        if duplicate is None:
            form.add_error("duplicate_id", _("There is no record with that number you can see."))
        else:
            try:
                services.merge_people(keep=keep, duplicate=duplicate, actor=acting_user(request))
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("Records merged."))
                return redirect("casework:person_detail", pk=keep.pk)
    # The "possible existing record" note (decision record 0004): only records this user may
    # act on are compared, so it never reveals what is held where they cannot see.
    possible = find_duplicates(
        candidates=visible_people(request.user, "casework.merge_people"),
        chi=keep.chi,
        given_name=keep.given_name,
        family_name=keep.family_name,
        date_of_birth=keep.date_of_birth,
        postcode=keep.postcode,
        exclude_id=keep.pk,
    )
    intro = _(
        "Everything recorded on the duplicate moves to this record. CHI number, date of birth "
        "and last name must agree. This cannot be undone."
    )
    if possible:
        numbers = ", ".join(str(p.person.pk) for p in possible)
        intro = f"{intro} " + _("Possible existing records: %(numbers)s.") % {"numbers": numbers}
    return form_page(
        request,
        form,
        title=_("Merge a duplicate into this record"),
        caption=keep.full_name,
        intro=intro,
        submit_label=_("Merge records"),
        back_url=reverse("casework:person_detail", args=[keep.pk]),
    )


def _outcomes_url(person_id: int) -> str:
    try:
        return reverse("outcomes:person_outcomes", args=[person_id])
    except NoReverseMatch:
        return ""


@require_action("casework.view_case")
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        case = load_case(pk, visible_cases(request.user))
    except Case.DoesNotExist as exc:
        raise Http404 from exc
    record_view(case.person, request.user)
    events = timeline(case)
    links = list(case.links.all())
    for link in links:
        setattr(link, "stalled", is_stalled(link))  # noqa: B010 (display-only attribute)
    can_edit = policy.can(request.user, "casework.transition_case", case)
    transition_form = None
    nxt = _next_statuses(case.status)
    if can_edit and nxt:
        transition_form = CaseTransitionForm(initial={"version": case.version}, choices=nxt)
    return render(
        request,
        "casework/case_detail.html",
        {
            "case": case,
            "person": case.person,
            "events": events,
            "goals": list(case.goals.all()),
            "links": links,
            "concerns": [c for c in case.concerns.all() if c.status == "open"]
            or _open_concerns(case.person_id),
            "days_open": days_since(case.opened_at),
            "can_edit": can_edit
            and case.status not in ("closed", "declined", "unable_to_contact", "did_not_engage"),
            "transition_form": transition_form,
            "outcomes_url": _outcomes_url(case.person_id),
            "discharge": getattr(case, "discharge", None),
        },
    )


def _next_statuses(status: str) -> list[tuple[str, Any]]:
    """Where a case can move without ending (ending is a discharge, which says why)."""
    return [(s, CaseStatus(s).label) for s in sorted(allowed_next(status)) if s not in FINAL]


@require_action("casework.transition_case")
@require_http_methods(["POST"])
def case_transition(request: HttpRequest, pk: int) -> HttpResponse:
    case = case_for(request.user, pk, "casework.transition_case")
    nxt = _next_statuses(case.status)
    form = CaseTransitionForm(request.POST, choices=nxt)
    if not form.is_valid():
        messages.error(request, _("Choose a status the case can move to."))
        return redirect("casework:case_detail", pk=pk)
    try:
        services.transition(
            case=case,
            to_status=form.cleaned_data["to_status"],
            actor=acting_user(request),
            note=form.cleaned_data["note"],
            expected_version=form.cleaned_data["version"],
        )
    except services.EditConflict as exc:
        messages.error(request, str(exc))
    except IllegalTransition as exc:
        messages.error(request, str(exc))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Status changed."))
    return redirect("casework:case_detail", pk=pk)
