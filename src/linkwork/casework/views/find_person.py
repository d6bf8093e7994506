"""Staff find a person by name, CHI number or date of birth. The search is sent in a POST body
(never in the URL, so never in server logs or browser history) and audited."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from linkwork.casework.everyday_policy import FIND_PERSON
from linkwork.casework.find_person import SHOW, find_people
from linkwork.casework.views.access import no_store
from linkwork.core.forms import DesignSystemFormMixin
from linkwork.core.permissions import acting_user, require_action


class FindPersonForm(DesignSystemFormMixin, forms.Form):
    query = forms.CharField(
        label=_("Name, CHI number or date of birth"),
        max_length=100,
        help_text=_("For example Morag Reid, 0101501234 or 1/1/1950"),
        error_messages={"required": _("Enter a name, a CHI number or a date of birth.")},
    )


@require_action(FIND_PERSON)
@require_http_methods(["GET", "POST"])
def find_person(request: HttpRequest) -> HttpResponse:
    form = FindPersonForm(request.POST or None)
    found = None
    if request.method == "POST" and form.is_valid():
        found = find_people(user=acting_user(request), text=form.cleaned_data["query"])
    return no_store(
        render(
            request,
            "casework/find_person.html",
            {"form": form, "found": found, "show": SHOW},
            status=422 if form.errors else 200,
        )
    )
