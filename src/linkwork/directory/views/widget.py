"""The embeddable widget: a filtered list other sites show in an iframe, and its snippet."""

from __future__ import annotations

from csp.decorators import csp_replace
from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_exempt

from linkwork.core.forms import DesignSystemFormMixin
from linkwork.directory.forms import category_choices
from linkwork.directory.search_backend import SearchParams, search
from linkwork.directory.views.public import results_for


def area_choices() -> list[tuple[str, str]]:
    from linkwork.places.models import HSCP, CouncilArea, HealthBoard

    choices: list[tuple[str, str]] = [("", str(_("All of Scotland")))]
    for model in (CouncilArea, HSCP, HealthBoard):
        choices += [(a.code, a.name) for a in model.objects.order_by("name")]
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
