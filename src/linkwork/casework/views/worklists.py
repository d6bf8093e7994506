"""A link worker's own cases: every one of them, paged with the true count, sorted and
filtered (codes only in the URL)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from linkwork.casework.everyday_policy import LIST_OWN_CASES
from linkwork.casework.states import CaseStatus
from linkwork.casework.views.access import no_store
from linkwork.casework.worklists import (
    FOLLOW_UPS,
    SORTS,
    WORKING,
    CaseFilter,
    filter_cases,
    my_cases,
    page_of,
)
from linkwork.core.models import Organisation
from linkwork.core.permissions import acting_user, practice_ids, require_action

#: Statuses a link worker can filter their own cases by.
OWN_STATUSES = (*WORKING, CaseStatus.CLOSED, CaseStatus.DID_NOT_ENGAGE)


@require_action(LIST_OWN_CASES)
def my_case_list(request: HttpRequest) -> HttpResponse:
    choice = CaseFilter.from_query(request.GET, statuses=tuple(str(s) for s in OWN_STATUSES))
    cases = my_cases(acting_user(request))
    if not choice.status:
        cases = cases.filter(status__in=WORKING)
    page = page_of(filter_cases(cases, choice), choice.page)
    practices = Organisation.objects.filter(id__in=practice_ids(request.user)).order_by("name")
    return no_store(
        render(
            request,
            "casework/my_cases.html",
            {
                "page": page,
                "choice": choice,
                "statuses": [(str(s), CaseStatus(s).label) for s in OWN_STATUSES],
                "practices": list(practices),
                "sorts": [(code, label) for code, (label, _) in SORTS.items()],
                "follow_ups": list(FOLLOW_UPS.items()),
                "pager_query": choice.query_string(),
                "today": timezone.localdate(),
            },
        )
    )
