"""Programme managers' oversight: every link worker's caseload in their programme, the
waiting list, overdue follow-ups and stalled referrals, and moving a case between workers."""

from __future__ import annotations

import copy
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from linkwork.casework.everyday_policy import OVERSEE_CASELOADS, REALLOCATE_CASE
from linkwork.casework.oversight import oversight as oversight_for
from linkwork.casework.oversight import workers_in_scope
from linkwork.casework.selectors import visible_cases
from linkwork.casework.services.locking import EditConflict
from linkwork.casework.services.reallocation import REASONS, link_workers_at
from linkwork.casework.services.reallocation import reallocate as move
from linkwork.casework.states import CaseStatus
from linkwork.casework.views.access import no_store
from linkwork.casework.views.common import add_errors
from linkwork.casework.worklists import (
    FOLLOW_UPS,
    SORTS,
    WORKING,
    CaseFilter,
    filter_cases,
    page_of,
)
from linkwork.core.forms import DesignSystemFormMixin
from linkwork.core.models import User
from linkwork.core.permissions import acting_user, require_action

STATUSES = (*WORKING, CaseStatus.CLOSED, CaseStatus.DID_NOT_ENGAGE)


@require_action(OVERSEE_CASELOADS)
def oversight(request: HttpRequest) -> HttpResponse:
    return no_store(
        render(request, "casework/oversight.html", {"o": oversight_for(acting_user(request))})
    )


def _worker_for(request: HttpRequest, worker_id: int) -> User:
    worker = workers_in_scope(visible_cases(request.user)).filter(pk=worker_id).first()
    if worker is None:
        raise Http404
    return worker


@require_action(OVERSEE_CASELOADS)
def worker_cases(request: HttpRequest, worker_id: int) -> HttpResponse:
    worker = _worker_for(request, worker_id)
    choice = CaseFilter.from_query(request.GET, statuses=tuple(str(s) for s in STATUSES))
    cases = visible_cases(request.user).filter(link_worker=worker)
    if not choice.status:
        cases = cases.filter(status__in=WORKING)
    page = page_of(filter_cases(cases, choice), choice.page)
    return no_store(
        render(
            request,
            "casework/oversight_worker.html",
            {
                "worker": worker,
                "page": page,
                "choice": choice,
                "statuses": [(str(s), CaseStatus(s).label) for s in STATUSES],
                "sorts": [(code, label) for code, (label, _) in SORTS.items()],
                "follow_ups": list(FOLLOW_UPS.items()),
                "pager_query": choice.query_string(),
                "today": timezone.localdate(),
            },
        )
    )


class ReallocateForm(DesignSystemFormMixin, forms.Form):
    link_worker = forms.TypedChoiceField(
        label=gettext_lazy("Move to"),
        coerce=int,
        error_messages={"required": gettext_lazy("Choose the link worker to move the case to.")},
    )
    reason = forms.ChoiceField(
        label=gettext_lazy("Why is the case moving?"),
        choices=list(REASONS.items()),
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose why the case is moving.")},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, workers: list[User], **kwargs: Any) -> None:
        # choices must be in place before the mixin looks at errors (which validates)
        self.base_fields = copy.deepcopy(type(self).base_fields)  # type: ignore[misc]
        self.base_fields["link_worker"].choices = [  # type: ignore[attr-defined]
            ("", gettext_lazy("Choose a link worker")),
            *((w.pk, w.get_full_name() or w.get_username()) for w in workers),
        ]
        super().__init__(*args, **kwargs)


@require_action(REALLOCATE_CASE)
@require_http_methods(["GET", "POST"])
def reallocate(request: HttpRequest, pk: int) -> HttpResponse:
    case = (
        visible_cases(request.user)
        .select_related("person", "practice", "link_worker")
        .filter(pk=pk, status__in=WORKING)
        .first()
    )
    if case is None:
        raise Http404
    workers = [w for w in link_workers_at(case.practice_id) if w.pk != case.link_worker_id]
    form = ReallocateForm(request.POST or None, workers=workers, initial={"version": case.version})
    if request.method == "POST" and form.is_valid():
        worker = next(w for w in workers if w.pk == form.cleaned_data["link_worker"])
        try:
            move(
                case=case,
                to_worker=worker,
                actor=acting_user(request),
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data.get("version"),
            )
        except EditConflict:
            form.add_error(
                None, _("Someone changed this case while you were choosing. Look again.")
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            name = worker.get_full_name() or worker.get_username()
            messages.success(request, _("The case is now with %(name)s.") % {"name": name})
            if case.link_worker_id:
                return redirect("casework:oversight_worker", worker_id=case.link_worker_id)
            return redirect("casework:oversight")
    return no_store(
        render(
            request,
            "casework/reallocate.html",
            {"form": form, "case": case, "workers": workers},
            status=422 if form.errors else 200,
        )
    )
