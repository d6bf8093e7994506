"""The embeddable widget: a filtered list other sites show in an iframe, and its snippet."""

from __future__ import annotations

from csp.decorators import csp_replace
from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_exempt

from linkwork.core.forms import DesignSystemFormMixin
from linkwork.directory.forms import category_choices
from linkwork.directory.search_backend import SearchParams, search
from linkwork.directory.views.public import results_for


def area_choices() -> list[tuple[str, object]]:
    """Areas grouped by kind, each place once: a health and social care partnership that
    covers exactly one council area (all but one do) is that council area, so only the
    council area is listed; health boards are named "NHS ..." so "Fife" is not there twice."""
    from linkwork.places.models import HSCP, CouncilArea, DataZone, HealthBoard

    pairs = set(
        DataZone.objects.exclude(hscp=None)
        .exclude(council_area=None)
        .values_list("hscp_id", "council_area_id")
        .distinct()
    )
    councils_of: dict[str, set[str]] = {}
    hscps_of: dict[str, set[str]] = {}
    for hscp, council in pairs:
        councils_of.setdefault(hscp, set()).add(council)
        hscps_of.setdefault(council, set()).add(hscp)
    same_as_a_council = {
        hscp
        for hscp, councils in councils_of.items()
        if len(councils) == 1 and hscps_of[next(iter(councils))] == {hscp}
    }
    areas = list(CouncilArea.objects.order_by("name"))
    council_names = {a.name for a in areas}
    # Council areas by their names in the reader's language (the catalogue has all 32, from
    # the consultation form's "about you" question; a name it lacks stays as it is).
    councils = [(a.code, gettext(a.name)) for a in areas]
    partnerships = [
        (a.code, a.name)
        for a in HSCP.objects.order_by("name")
        if a.code not in same_as_a_council and a.name not in council_names
    ]
    boards = [
        (a.code, str(_("NHS %(name)s") % {"name": gettext(a.name)}))
        for a in HealthBoard.objects.order_by("name")
    ]
    choices: list[tuple[str, object]] = [("", str(_("All of Scotland")))]
    for label, group in (
        (_("Council areas"), councils),
        (_("Health and social care partnerships"), partnerships),
        (_("Health boards"), boards),
    ):
        if group:
            choices.append((str(label), group))
    return choices


class WidgetForm(DesignSystemFormMixin, forms.Form):
    category = forms.ChoiceField(label=_("Category"), required=False, choices=category_choices)
    area = forms.ChoiceField(label=_("Area"), required=False, choices=area_choices)
    q = forms.CharField(label=_("Words to match"), required=False, max_length=100)


@xframe_options_exempt
@csp_replace({"frame-ancestors": ["'self'", "https:"]})  # the one page other sites may frame
def widget(request: HttpRequest) -> HttpResponse:
    """Meant for an iframe on another site: no header, links open here in a new tab."""
    form = WidgetForm(request.GET or None)
    results: list[dict] = []
    if form.is_valid():
        data = form.cleaned_data
        page = search(
            SearchParams(
                q=data.get("q", ""),
                categories=(data["category"],) if data.get("category") else (),
                area_codes=(data["area"],) if data.get("area") else (),
                per_page=10,
            )
        )
        results = results_for(page.hits)
    return render(request, "directory/widget.html", {"results": results, "form": form})


def widget_builder(request: HttpRequest) -> HttpResponse:
    """Choose the filters, copy the snippet."""
    form = WidgetForm(request.GET or None)
    snippet = ""
    src = ""
    if form.is_valid() and request.GET:
        query = request.GET.urlencode()
        src = request.build_absolute_uri(f"/widget/services/?{query}")
        snippet = (
            f'<iframe src="{src}" title="Community services" width="100%" height="600" '
            'style="border:1px solid #ccc" loading="lazy"></iframe>'
        )
    return render(
        request, "directory/widget_builder.html", {"form": form, "snippet": snippet, "src": src}
    )
