"""Referrals in: the practice and agency forms, the public self-referral form, triage and
allocation."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
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
from linkwork.casework.models import Case, Referral
from linkwork.casework.paged_lists import TRIAGE_SORTS, TriageFilter, triage_page, waiting_page
from linkwork.casework.queues import days_since
from linkwork.casework.selectors import (
    agency_ids,
    referrals_made_by,
    referring_organisations,
    visible_people,
)
from linkwork.casework.services.referrals import REFERRAL_PERSON_FIELDS
from linkwork.casework.states import CaseStatus, IllegalTransition
from linkwork.casework.views.access import no_store
from linkwork.casework.views.common import (
    add_errors,
    case_for,
    form_page,
    record_list_view,
    record_view,
)
from linkwork.core.models import Organisation, User
from linkwork.core.permissions import (
    acting_user,
    practice_ids,
    programme_member_ids,
    require_action,
)
from linkwork.core.roles import Role


def _send_referral(
    request: HttpRequest, form: ReferralForm, *, source: str, referrer: Organisation
) -> bool:
    """Hand the form to the one intake service; False (errors on the form) when refused."""
    data = form.cleaned_data
    try:
        services.refer(
            actor=acting_user(request),
            source=source,
            practice=data["practice"],
            referring_organisation=referrer,
            person={k: data.get(k) for k in REFERRAL_PERSON_FIELDS if k in data},
            reasons=data["reasons"],
            reason_detail=data["reason_detail"],
            person_agreed=data["person_agreed"],
            consent_to_share=data["consent_to_share"],
            referrer_name=acting_user(request).get_full_name() or request.user.get_username(),
        )
    except ValidationError as exc:
        add_errors(form, exc)
        return False
    messages.success(request, _("Referral sent. You can follow its progress here."))
    return True


@require_action("casework.refer")
@require_http_methods(["GET", "POST"])
def referral_new(request: HttpRequest) -> HttpResponse:
    practices = referring_organisations(request.user, Organisation.Kind.GP_PRACTICE)
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


@require_action("casework.refer")
@require_http_methods(["GET", "POST"])
def agency_referral_new(request: HttpRequest) -> HttpResponse:
    """Another agency (Citizens Advice, housing, social work...) refers a person to their GP
    practice's link working service. Needs the referrer role and an agency membership."""
    agencies = referring_organisations(request.user, Organisation.Kind.AGENCY)
    if not agencies.exists():
        raise PermissionDenied
    form = AgencyReferralForm(request.POST or None, agencies=agencies)
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


@require_action("casework.list_referrals_made")
def practice_referrals(request: HttpRequest) -> HttpResponse:
    rows = (
        referrals_made_by(request.user)
        .select_related("person", "case__discharge", "referring_organisation")
        .order_by("-received_at", "-id")
    )
    page = Paginator(rows, 25).get_page(request.GET.get("page"))
    shown = [r.pk for r in page.object_list]
    record_list_view(Referral, shown, request.user, via="referrals_made")
    return render(
        request,
        "casework/practice_referrals.html",
        {"referrals": page.object_list, "page": page, "is_agency": bool(agency_ids(request.user))},
    )


def send_self_referral(form: SelfReferralForm) -> bool:
    """Refer the person who filled in a (valid) self-referral form, standard or Easy Read:
    one service call. False, with the service's errors on the form, when it refused."""
    data = form.cleaned_data
    methods = [m for m, v in (("phone", data["phone"]), ("email", data["email"])) if v]
    try:
        services.refer(
            actor=None,
            source=Referral.Source.SELF,
            practice=data["practice"],
            referring_organisation=None,
            person={
                "given_name": data["given_name"],
                "family_name": data["family_name"],
                "date_of_birth": data["date_of_birth"],
                "phone": data["phone"],
                "email": data["email"],
                "postcode": data["postcode"],
                "contact_methods": methods,
                "safe_to_leave_message": data["safe_to_leave_message"],
            },
            reasons=data["reasons"],
            reason_detail=data["reason_detail"],
            person_agreed=True,
            referrer_name=_("Self-referral"),
        )
    except ValidationError as exc:
        add_errors(form, exc)
        return False
    return True


@require_action("casework.self_refer")
@require_http_methods(["GET", "POST"])
def self_referral(request: HttpRequest) -> HttpResponse:
    form = SelfReferralForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and send_self_referral(form):
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
        alternative_url=reverse("casework:self_referral_easy_read"),
        alternative_label=_("Easy Read version of this form, with pictures"),
        status=422 if form.errors else 200,
    )


@require_action("casework.self_refer")
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


@require_action("casework.view_triage")
def triage(request: HttpRequest) -> HttpResponse:
    """New referrals and the waiting list, each paged with its true count (see paged_lists)."""
    choice = TriageFilter.from_query(request.GET)
    queue = triage_page(request.user, choice)
    waiting = waiting_page(request.user, choice)
    shown = [*queue.object_list, *waiting.object_list]
    record_list_view(Case, [c.pk for c in shown], request.user, via="triage")
    for case in shown:
        setattr(case, "days_waiting", days_since(case.opened_at))  # noqa: B010
    practices = Organisation.objects.filter(
        kind=Organisation.Kind.GP_PRACTICE,
        id__in=practice_ids(request.user) | programme_member_ids(request.user),
    ).order_by("name")
    return no_store(
        render(
            request,
            "casework/triage.html",
            {
                "queue": queue,
                "waiting": waiting,
                "choice": choice,
                "practices": list(practices),
                "sorts": [(code, label) for code, (label, _) in TRIAGE_SORTS.items()],
                "queue_query": choice.query_string(without="queue_page"),
                "waiting_query": choice.query_string(without="waiting_page"),
            },
        )
    )


@require_action("casework.triage")
@require_http_methods(["GET", "POST"])
def triage_case(request: HttpRequest, pk: int) -> HttpResponse:
    case = case_for(request.user, pk, "casework.triage")
    if request.method == "GET":
        record_view(case.person, request.user, via="triage")
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
                        actor=acting_user(request),
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
                        actor=acting_user(request),
                        expected_version=d["version"],
                    )
                    messages.success(request, _("Case allocated."))
                    return redirect("casework:case_detail", pk=case.pk)
        except (services.EditConflict, IllegalTransition) as exc:
            messages.error(request, str(exc))
            return redirect("casework:triage_case", pk=case.pk)
        except ValidationError as exc:
            add_errors(allocate_form if action == "allocate" else triage_form, exc)
    # The "possible existing record" note (decision record 0004): only records this user may
    # already see are compared, so the note never reveals what another practice holds.
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
