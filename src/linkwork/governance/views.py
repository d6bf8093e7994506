"""DPO pages: thin views over governance selectors and services, each naming its action."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import timezone

from linkwork.core import audit, policy
from linkwork.core.models import AuditEntry
from linkwork.core.permissions import require_action
from linkwork.governance import conf, rectification, selectors
from linkwork.governance import policy as actions
from linkwork.governance.csv_export import write_rows
from linkwork.governance.forms import AuditSearchForm

View = Callable[..., HttpResponseBase]


def requires(action: str) -> Callable[[View], View]:
    """Signed-out people go to the login page; others need the action (403 otherwise).
    Pages hold personal data: never cached."""
    return require_action(action, in_scope=True, private=True)


@requires(actions.VIEW_DASHBOARD)
def dashboard(request: HttpRequest) -> HttpResponse:
    from linkwork.governance import agreements

    expiring = agreements.expiring_soon(request.user)
    return render(request, "governance/dashboard.html", {"expiring": expiring})


def _search_form(request: HttpRequest, action: str) -> AuditSearchForm:
    orgs = selectors.organisations_for_filter(request.user, action)
    return AuditSearchForm(request.GET or None, organisations=orgs)


@requires(actions.VIEW_AUDIT)
def audit_search(request: HttpRequest) -> HttpResponse:
    form = _search_form(request, actions.VIEW_AUDIT)
    page = None
    if not request.GET or form.is_valid():
        criteria = form.criteria() if request.GET else selectors.AuditFilter()
        entries = selectors.search(request.user, criteria, actions.VIEW_AUDIT)
        page = Paginator(entries, 50).get_page(request.GET.get("page"))
        audit.record(
            audit.Action.VIEW, AuditEntry, actor=request.user, detail={"scope": "dpo_search"}
        )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "governance/audit_search.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


@requires(actions.EXPORT_AUDIT)
def audit_export(request: HttpRequest) -> HttpResponse:
    form = _search_form(request, actions.EXPORT_AUDIT)
    if request.GET and not form.is_valid():
        return render(
            request,
            "governance/audit_search.html",
            {"form": form, "page": None, "query": ""},
            status=400,
        )
    criteria = form.criteria() if request.GET else selectors.AuditFilter()
    entries = selectors.search(request.user, criteria, actions.EXPORT_AUDIT)
    rows = (
        (
            e.seq,
            timezone.localtime(e.at).isoformat(),
            e.actor_username,
            e.action,
            e.object_type,
            e.object_id,
            e.request_id,
            e.client_request_id,
            e.entry_hash,
        )
        for e in entries.iterator()
    )
    body = write_rows(
        [
            "position",
            "at",
            "user",
            "action",
            "record_type",
            "record_id",
            "request_id",
            "client_request_id",
            "hash",
        ],
        rows,
    )
    audit.record(
        audit.Action.EXPORT,
        AuditEntry,
        actor=request.user,
        detail={"format": "csv", "count": body.count("\n") - 1},
    )
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="audit-extract.csv"'
    return response


@requires(actions.VIEW_PERSON_ACCESS)
def person_access(request: HttpRequest, person_id: int) -> HttpResponse:
    person = selectors.person_in_scope(request.user, actions.VIEW_PERSON_ACCESS, person_id)
    if person is None:
        raise PermissionDenied(actions.VIEW_PERSON_ACCESS)
    entries = selectors.person_access(request.user, person, actions.VIEW_PERSON_ACCESS)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    audit.record(
        audit.Action.VIEW,
        AuditEntry,
        actor=request.user,
        detail={
            "scope": "person_access",
            "related_type": "casework.person",
            "related_id": person.pk,
        },
    )
    return render(request, "governance/person_access.html", {"person": person, "page": page})


@requires(actions.VIEW_CORRECTIONS)
def person_corrections(request: HttpRequest, person_id: int) -> HttpResponse:
    """The record's rectification history: what changed, when, by whom and why. It holds the
    old values, so reading it is audited as a view of the person's record."""
    person = selectors.person_in_scope(request.user, actions.VIEW_CORRECTIONS, person_id)
    if person is None:
        raise PermissionDenied(actions.VIEW_CORRECTIONS)
    page = Paginator(rectification.history_for(person), 50).get_page(request.GET.get("page"))
    audit.record(
        audit.Action.VIEW, person, actor=request.user, detail={"via": "rectification_history"}
    )
    rows = [rectification.CorrectionRow(e, rectification.label_for(e.field)) for e in page]
    return render(
        request,
        "governance/person_corrections.html",
        {"person": person, "page": page, "rows": rows},
    )


@requires(actions.VIEW_UNUSUAL_ACCESS)
def unusual_access(request: HttpRequest) -> HttpResponse:
    findings = selectors.unusual_access(request.user, actions.VIEW_UNUSUAL_ACCESS)
    audit.record(
        audit.Action.VIEW, AuditEntry, actor=request.user, detail={"scope": "unusual_access"}
    )
    thresholds = {
        "window": conf.get("GOVERNANCE_UNUSUAL_WINDOW_DAYS"),
        "outside": conf.get("GOVERNANCE_OUTSIDE_CASELOAD_THRESHOLD"),
        "odd": conf.get("GOVERNANCE_ODD_HOURS_THRESHOLD"),
        "hours": conf.get("GOVERNANCE_WORKING_HOURS"),
        "api": conf.get("GOVERNANCE_BULK_API_READS_PER_DAY"),
    }
    return render(
        request,
        "governance/unusual_access.html",
        {"findings": findings, "thresholds": thresholds},
    )


@requires(actions.VIEW_AGREEMENTS)
def agreement_list(request: HttpRequest) -> HttpResponse:
    from linkwork.governance import agreements

    rows = agreements.register(request.user).prefetch_related("parties")
    expiring = {a.pk for a in agreements.expiring_soon(request.user)}
    return render(
        request,
        "governance/agreement_list.html",
        {
            "agreements": rows,
            "expiring": expiring,
            "today": timezone.localdate(),
            "may_manage": policy.can(request.user, actions.MANAGE_AGREEMENTS),
        },
    )


@requires(actions.MANAGE_AGREEMENTS)
def agreement_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    from django.shortcuts import get_object_or_404, redirect

    from linkwork.governance import agreements, services
    from linkwork.governance.forms import AgreementForm

    instance = get_object_or_404(agreements.register(request.user), pk=pk) if pk else None
    orgs = selectors.organisations_for_filter(request.user, actions.MANAGE_AGREEMENTS)
    form = AgreementForm(
        request.POST or None, request.FILES or None, instance=instance, organisations=orgs
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_agreement(actor=request.user, form=form)
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            return redirect("governance:agreement_list")
    return render(
        request,
        "governance/agreement_form.html",
        {"form": form, "agreement": instance},
        status=400 if form.errors else 200,
    )


@requires(actions.VIEW_AGREEMENTS)
def agreement_document(request: HttpRequest, pk: int) -> HttpResponseBase:
    from django.http import FileResponse, Http404
    from django.shortcuts import get_object_or_404

    from linkwork.governance import agreements

    agreement = get_object_or_404(agreements.register(request.user), pk=pk)
    if not agreement.document:
        raise Http404
    audit.record(audit.Action.VIEW, agreement, actor=request.user, detail={"format": "pdf"})
    return FileResponse(
        agreement.document.open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"agreement-{agreement.pk}.pdf",
    )


@requires(actions.VIEW_PROCESSING)
def processing_record(request: HttpRequest) -> HttpResponse:
    from linkwork.governance.processing import record_of_processing

    return render(request, "governance/processing.html", {"rows": record_of_processing()})


@requires(actions.SUBJECT_ACCESS)
def subject_access(request: HttpRequest, person_id: int) -> HttpResponse:
    from django.shortcuts import redirect

    from linkwork.governance import subject_access as sar
    from linkwork.governance.models import SubjectAccessRequest

    person = selectors.person_in_scope(request.user, actions.SUBJECT_ACCESS, person_id)
    if person is None:
        raise PermissionDenied(actions.SUBJECT_ACCESS)
    if request.method == "POST":
        what = request.POST.get("produce", "")
        if what == "log":
            sar.log_request(actor=request.user, person=person)
            return redirect("governance:subject_access", person_id=person.pk)
        if what in ("json", "pdf"):
            _request, data = sar.fulfil(actor=request.user, person=person)
            if what == "json":
                response = HttpResponse(sar.to_json(data), content_type="application/json")
            else:
                response = HttpResponse(sar.to_pdf(data), content_type="application/pdf")
            response["Content-Disposition"] = f'attachment; filename="subject-access.{what}"'
            return response
        return HttpResponse(status=400)
    requests = SubjectAccessRequest.objects.filter(person=person).order_by("-received_on")
    return render(
        request,
        "governance/subject_access.html",
        {"person": person, "requests": requests, "today": timezone.localdate()},
    )
