"""Referrals in: the practice and agency forms, the public self-referral form, triage and
allocation."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from linkwork.casework import services
from linkwork.casework.duplicates import find_duplicates
from linkwork.casework.forms import (
    AgencyReferralForm,
    AllocateForm,
    ReferralForm,
    SelfReferralForm,
    TriageForm,
)
from linkwork.casework.models import Person, Referral
from linkwork.casework.queues import days_since, triage_queue, waiting_list
from linkwork.casework.selectors import agency_ids, referrals_made_by, visible_people
from linkwork.casework.states import CaseStatus
from linkwork.casework.views.common import add_errors, case_for, form_page
from linkwork.core.models import Organisation, User
from linkwork.core.permissions import is_admin, practice_ids, require_role
from linkwork.core.roles import Role


def _my_practices(user: Any):  # type: ignore[no-untyped-def]
    qs = Organisation.objects.filter(kind=Organisation.Kind.GP_PRACTICE)
    return qs if is_admin(user) else qs.filter(id__in=practice_ids(user))


def _person_for_referral(*, data: dict[str, Any], practice: Organisation, actor: Any) -> Person:
    """The existing person with this CHI, or a new record. Never shows the caller another
    record (practice staff cannot see the register); link workers resolve fuzzy duplicates
    at triage."""
    if data.get("chi"):
        existing = Person.objects.filter(chi=data["chi"], merged_into__isnull=True).first()
        if existing is not None:
            return existing
    fields = {
        k: data.get(k)
        for k in (
            "chi",
            "given_name",
            "family_name",
            "date_of_birth",
            "phone",
            "email",
            "postcode",
            "contact_methods",
            "safe_to_leave_message",
            "preferred_language",
            "interpreter_needed",
        )
        if data.get(k) not in (None, "")
    }
    return services.create_person(actor=actor, data={**fields, "gp_practice": practice})


def _send_referral(
    request: HttpRequest, form: ReferralForm, *, source: str, referrer: Organisation
) -> bool:
    """Create the person (or find them by CHI), consent and referral; False on errors."""
    data = form.cleaned_data
    try:
        with transaction.atomic():
            person = _person_for_referral(data=data, practice=data["practice"], actor=request.user)
            if data["consent_to_share"]:
                services.record_consent(
                    person=person,
                    purpose="sharing",
                    decision="given",
                    actor=request.user,
                    note="recorded at referral",
                )
            services.create_referral(
                person=person,
                source=source,
                practice=data["practice"],
                referring_organisation=referrer,
                actor=request.user,
                reasons=data["reasons"],
                reason_detail=data["reason_detail"],
                person_agreed=data["person_agreed"],
                referrer_name=getattr(request.user, "get_full_name", str)()
                or request.user.get_username(),
            )
    except ValidationError as exc:
        add_errors(form, exc)
        return False
    messages.success(request, _("Referral sent. You can follow its progress here."))
    return True


@require_role(Role.PRACTICE_STAFF)
@require_http_methods(["GET", "POST"])
def referral_new(request: HttpRequest) -> HttpResponse:
    practices = _my_practices(request.user)
    form = ReferralForm(request.POST or None, practices=practices)
    if request.method == "POST" and form.is_valid():
        practice = form.cleaned_data["practice"]
        if _send_referral(request, form, source=Referral.Source.PRACTICE, referrer=practice):
            return redirect("casework:practice_referrals")
    return form_page(
        request,
        form,
        title=_("Refer a person to a link worker"),
        submit_label=_("Send referral"),
        intro=_(
            "Refer someone who has agreed to talk to a link worker about what matters to them."
        ),
        status=422 if form.errors else 200,
    )


@require_role(Role.PRACTICE_STAFF)
@require_http_methods(["GET", "POST"])
def agency_referral_new(request: HttpRequest) -> HttpResponse:
    """Another agency (Citizens Advice, housing, social work...) refers a person to their GP
    practice's link working service. Needs the referrer role and an agency membership."""
    if is_admin(request.user):
        agencies = Organisation.objects.filter(kind=Organisation.Kind.AGENCY)
    else:
        agencies = Organisation.objects.filter(id__in=agency_ids(request.user))
    if not agencies.exists():
        raise PermissionDenied
    form = AgencyReferralForm(request.POST or None, agencies=agencies.order_by("name"))
    if request.method == "POST" and form.is_valid():
        agency = form.cleaned_data["agency"]
        if _send_referral(request, form, source=Referral.Source.AGENCY, referrer=agency):
            return redirect("casework:practice_referrals")
    return form_page(
        request,
        form,
        title=_("Refer a person to their practice's link worker"),
        submit_label=_("Send referral"),
        intro=_(
            "Refer someone who has agreed to talk to a link worker at their GP practice about "
            "what matters to them."
        ),
        status=422 if form.errors else 200,
    )


@require_role(Role.PRACTICE_STAFF)
def practice_referrals(request: HttpRequest) -> HttpResponse:
    rows = (
        referrals_made_by(request.user)
        .select_related("person", "case__discharge", "referring_organisation")
        .order_by("-received_at", "-id")
    )
    page = Paginator(rows, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "casework/practice_referrals.html",
        {"referrals": page.object_list, "page": page, "is_agency": bool(agency_ids(request.user))},
    )


@require_http_methods(["GET", "POST"])
def self_referral(request: HttpRequest) -> HttpResponse:
    form = SelfReferralForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                methods = [m for m, v in (("phone", data["phone"]), ("email", data["email"])) if v]
                person = services.create_person(
                    actor=None,
                    data={
                        "given_name": data["given_name"],
                        "family_name": data["family_name"],
                        "date_of_birth": data["date_of_birth"],
                        "phone": data["phone"],
                        "email": data["email"],
                        "postcode": data["postcode"],
                        "contact_methods": methods,
                        "safe_to_leave_message": data["safe_to_leave_message"],
                        "gp_practice": data["practice"],
                    },
                )
                services.create_referral(
                    person=person,
                    source=Referral.Source.SELF,
                    practice=data["practice"],
                    actor=None,
                    reasons=data["reasons"],
                    reason_detail=data["reason_detail"],
                    person_agreed=True,
                    referrer_name=_("Self-referral"),
                )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            return redirect("casework:self_referral_done")
    return form_page(
        request,
        form,
        title=_("Ask for a link worker"),
        intro=_(
            "A link worker can help you find things in your area that matter to you, like "
            "groups, activities or advice. Fill in this form and they will contact you, "
            "usually within a week."
        ),
        submit_label=_("Send"),
        status=422 if form.errors else 200,
    )


def self_referral_done(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "casework/message.html",
        {
            "title": _("Thank you"),
            "message": _("We have your request."),
            "next_steps": _(
                "A link worker will contact you, usually within a week. If you feel unsafe "
                "or need help now, call NHS 24 on 111, or 999 in an emergency."
            ),
        },
    )


@require_role(Role.LINK_WORKER, Role.PROGRAMME_MANAGER)
def triage(request: HttpRequest) -> HttpResponse:
    queue = list(triage_queue(request.user)[:200])
    waiting = list(waiting_list(request.user)[:500])
    for case in queue + waiting:
        setattr(case, "days_waiting", days_since(case.opened_at))  # noqa: B010
    practices: dict[str, list] = {}
    for case in waiting:
        practices.setdefault(case.practice.name, []).append(case)
    return render(
        request,
        "casework/triage.html",
        {"queue": queue, "waiting_by_practice": sorted(practices.items())},
    )


@require_role(Role.LINK_WORKER)
@require_http_methods(["GET", "POST"])
def triage_case(request: HttpRequest, pk: int) -> HttpResponse:
    case = case_for(request.user, pk)
    triage_form = TriageForm(initial={"version": case.version})
    workers = (
        User.objects.filter(
            is_active=True, memberships__organisation=case.practice, groups__name=Role.LINK_WORKER
        )
        .distinct()
        .order_by("username")
    )
    allocate_form = AllocateForm(
        initial={"version": case.version, "link_worker": request.user.pk}, link_workers=workers
    )
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "triage":
                triage_form = TriageForm(request.POST)
                if triage_form.is_valid():
                    d = triage_form.cleaned_data
                    services.triage(
                        case=case,
                        actor=request.user,
                        decision=d["decision"],
                        note=d["note"],
                        expected_version=d["version"],
                    )
                    messages.success(request, _("Triage recorded."))
                    return redirect("casework:triage_case", pk=case.pk)
            elif action == "allocate":
                allocate_form = AllocateForm(request.POST, link_workers=workers)
                if allocate_form.is_valid():
                    d = allocate_form.cleaned_data
                    services.allocate(
                        case=case,
                        link_worker=d["link_worker"],
                        actor=request.user,
                        expected_version=d["version"],
                    )
                    messages.success(request, _("Case allocated."))
                    return redirect("casework:case_detail", pk=case.pk)
        except services.EditConflict as exc:
            messages.error(request, str(exc))
            return redirect("casework:triage_case", pk=case.pk)
        except ValidationError as exc:
            add_errors(allocate_form if action == "allocate" else triage_form, exc)
    duplicates = find_duplicates(
        candidates=visible_people(request.user),
        chi=case.person.chi,
        given_name=case.person.given_name,
        family_name=case.person.family_name,
        date_of_birth=case.person.date_of_birth,
        postcode=case.person.postcode,
        exclude_id=case.person_id,
    )
    return render(
        request,
        "casework/triage_case.html",
        {
            "case": case,
            "referral": case.referral,
            "person": case.person,
            "days_waiting": days_since(case.opened_at),
            "triage_form": triage_form if case.status == CaseStatus.RECEIVED else None,
            "allocate_form": allocate_form
            if case.status in (CaseStatus.TRIAGED, CaseStatus.WAITING)
            else None,
            "duplicates": duplicates,
            "back_url": reverse("casework:triage"),
        },
    )
