"""Forms of the public pages and of editors."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.functional import Promise as StrPromise
from django.utils.translation import gettext_lazy as _

from linkwork.core.forms import DesignSystemFormMixin
from linkwork.directory.presentation import WEEKDAY_CHOICES
from linkwork.directory.taxonomy import default_taxonomy_data
from linkwork.directory.taxonomy_names import term_name

DISTANCES = [
    ("", _("Any distance")),
    ("1", _("1 km")),
    ("2", _("2 km")),
    ("5", _("5 km")),
    ("10", _("10 km")),
    ("25", _("25 km")),
    ("50", _("50 km")),
]
DELIVERY = [
    ("in_person", _("In person")),
    ("phone", _("By phone")),
    ("online", _("Online")),
    ("home_visit", _("Home visits")),
]
ACCESSIBILITY = [
    ("step_free", _("Step-free access")),
    ("accessible_toilet", _("Accessible toilet")),
    ("hearing_loop", _("Hearing loop")),
    ("bsl", _("British Sign Language")),
    ("parking", _("Disabled parking")),
]
LANGUAGES = [
    ("", _("Any language")),
    ("en", _("English")),
    ("gd", _("Gaelic")),
    ("pl", _("Polish")),
    ("ar", _("Arabic")),
    ("ur", _("Urdu")),
    ("uk", _("Ukrainian")),
    ("zh", _("Chinese")),
    ("bsl", _("British Sign Language")),
]


def category_choices() -> list[tuple[str, str | StrPromise]]:
    return [("", _("Any category"))] + [
        (t["code"], term_name(t["name"])) for t in default_taxonomy_data()["terms"]
    ]


class SearchForm(DesignSystemFormMixin, forms.Form):
    q = forms.CharField(
        label=_("What are you looking for?"),
        required=False,
        max_length=200,
        help_text=_("For example: a walk, help with money, feeling alone"),
    )
    category = forms.ChoiceField(label=_("Category"), required=False, choices=category_choices)
    postcode = forms.CharField(
        label=_("Postcode"),
        required=False,
        max_length=10,
        help_text=_("To see services near you, for example PH1 5PH"),
    )
    distance = forms.ChoiceField(
        label=_("Distance"), required=False, choices=DISTANCES, initial="10"
    )
    delivery = forms.MultipleChoiceField(
        label=_("How it is delivered"),
        required=False,
        choices=DELIVERY,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "ds_checkbox__input"}),
    )
    free = forms.BooleanField(
        label=_("Free of charge only"),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "ds_checkbox__input"}),
    )
    open_on = forms.TypedChoiceField(
        label=_("Open on"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Any day")), *WEEKDAY_CHOICES],
    )
    accessibility = forms.MultipleChoiceField(
        label=_("Accessibility"),
        required=False,
        choices=ACCESSIBILITY,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "ds_checkbox__input"}),
    )
    language = forms.ChoiceField(label=_("Language"), required=False, choices=LANGUAGES)
    age = forms.IntegerField(
        label=_("Age of the person"), required=False, min_value=0, max_value=120
    )

    def clean_postcode(self) -> str:
        from linkwork.directory.selectors import place_for_postcode
        from linkwork.places.postcodes import InvalidPostcode, normalise_postcode

        raw = self.cleaned_data.get("postcode", "").strip()
        if not raw:
            return ""
        try:
            code = normalise_postcode(raw)
        except InvalidPostcode as exc:
            raise forms.ValidationError(str(exc)) from None
        self.place = place_for_postcode(code)
        if self.place is None:
            raise forms.ValidationError(unknown_postcode_message(code))
        return code

    def search_params(self, page: int = 1, per_page: int = 20) -> Any:
        from linkwork.directory.search_backend import SearchParams

        data = self.cleaned_data
        place = getattr(self, "place", None)
        return SearchParams(
            q=data.get("q", ""),
            postcode=data.get("postcode", ""),
            latitude=place.latitude if place else None,
            longitude=place.longitude if place else None,
            distance_km=float(data["distance"]) if place and data.get("distance") else None,
            categories=(data["category"],) if data.get("category") else (),
            delivery_modes=tuple(data.get("delivery") or ()),
            free_only=bool(data.get("free")),
            open_on=data.get("open_on"),
            accessibility=tuple(data.get("accessibility") or ()),
            languages=(data["language"],) if data.get("language") else (),
            age=data.get("age"),
            page=page,
            per_page=per_page,
        )


class ProblemReportForm(DesignSystemFormMixin, forms.Form):
    WHAT = [
        ("closed", _("It has closed or stopped")),
        ("times", _("The opening times are wrong")),
        ("contact", _("The phone number, email or website is wrong")),
        ("address", _("The address is wrong")),
        ("other", _("Something else")),
    ]
    what = forms.ChoiceField(
        label=_("What is wrong?"),
        choices=WHAT,
        widget=forms.RadioSelect(attrs={"class": "ds_radio__input"}),
    )
    message = forms.CharField(
        label=_("Tell us more"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Do not include personal information about yourself or anyone else."),
    )


#: Scotland's postcode areas, to say which ones this copy of Linkwork has loaded.
SCOTTISH_POSTCODE_AREAS = (
    "AB", "DD", "DG", "EH", "FK", "G", "HS", "IV", "KA", "KW", "KY", "ML", "PA", "PH", "TD", "ZE",
)  # fmt: skip


def unknown_postcode_message(code: str) -> str:
    """Tell a postcode we have not loaded apart from a wrong one: the shipped places pack holds
    only some areas, and a deployment loads the national files."""
    from linkwork.places.models import Postcode

    outward = code.split(" ")[0]
    if Postcode.objects.filter(postcode__startswith=f"{outward} ").exists():
        return _("We could not find the postcode %s. Check it, or search without one.") % code
    loaded = [
        area
        for area in SCOTTISH_POSTCODE_AREAS
        if Postcode.objects.filter(postcode__regex=rf"^{area}[0-9]").exists()
    ]
    message = _(
        "Postcodes around %(outward)s are not loaded in this copy of Linkwork yet, so we cannot "
        "search near %(code)s. Search without a postcode, or ask the administrator to load the "
        "national postcode files (linkwork load-places; see docs/data-sources.md)."
    ) % {"outward": outward, "code": code}
    if loaded:
        message += " " + _("Postcode areas loaded now: %(areas)s.") % {"areas": ", ".join(loaded)}
    return message
