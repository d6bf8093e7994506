"""Forms: they parse and check input; services do the writing."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from linkwork.casework import reasons
from linkwork.casework.chi import validate_chi
from linkwork.casework.choices import ContactMethod, LifeDomain, Relationship, YesNoUnknown
from linkwork.casework.dates import not_in_future
from linkwork.casework.models import (
    Consent,
    Discharge,
    Encounter,
    Goal,
    Person,
    SafeguardingConcern,
    ServiceLink,
)
from linkwork.casework.services.people import EDITABLE_FIELDS
from linkwork.core.forms import DesignSystemFormMixin
from linkwork.core.models import Organisation
from linkwork.core.roles import Role
from linkwork.places.postcodes import InvalidPostcode, normalise_postcode


class DynamicFields:
    """Lets a form set choices/querysets before DesignSystemFormMixin inspects errors.

    List it after DesignSystemFormMixin: `class F(DesignSystemFormMixin, DynamicFields,
    forms.Form)`, pass the values as keyword arguments, and fill them in `setup_fields`.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        self.setup_fields()

    def setup_fields(self) -> None:
        pass


class DateInput(forms.DateInput):
    input_type = "date"


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


def clean_chi_field(value: str) -> str:
    return validate_chi(value) if value else ""


def clean_postcode_field(value: str) -> str:
    if not value:
        return ""
    try:
        return normalise_postcode(value)
    except InvalidPostcode as exc:
        raise ValidationError(str(exc)) from exc


class PersonForm(DesignSystemFormMixin, forms.ModelForm):
    """The person's details (used to create and, with a version, to edit)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    contact_methods = forms.MultipleChoiceField(
        label=_("Ways we may contact them"),
        choices=ContactMethod.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Person
        fields = list(EDITABLE_FIELDS)
        widgets = {"date_of_birth": DateInput, "address": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"chi": _("10 digits, like 0101011237. Leave empty if not known.")}

    def clean_chi(self) -> str:
        return clean_chi_field(self.cleaned_data.get("chi", ""))

    def clean_postcode(self) -> str:
        return clean_postcode_field(self.cleaned_data.get("postcode", ""))

    def validate_unique(self) -> None:
        # The service decides about duplicates (and says what to do); not the form.
        pass

    def person_data(self) -> dict[str, Any]:
        data = {f: self.cleaned_data[f] for f in self.Meta.fields if f in self.cleaned_data}
        if data.get("gp_practice") is None:
            data.pop("gp_practice", None)  # left empty: the record stays where it is
        return data


class PersonEditForm(PersonForm):
    """Editing a person's details also asks why: the reason is kept with what changed, as the
    record's rectification history (UK GDPR art. 16), which the DPO and the person can see."""

    reason = forms.CharField(
        label=_("Why are you changing these details?"),
        help_text=_(
            "For example: the person told us their new address. Kept with the change, and "
            "shown to the person if they ask for their records."
        ),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReferralForm(DesignSystemFormMixin, DynamicFields, forms.Form):
    """Practice staff referral (PRSB "Referral to social prescribing services", core items)."""

    practice = forms.ModelChoiceField(
        label=_("Referring practice"), queryset=Organisation.objects.none(), empty_label=None
    )
    chi = forms.CharField(
        label=_("CHI number"),
        max_length=12,
        required=False,
        help_text=_("10 digits, like 0101011237."),
    )
    given_name = forms.CharField(label=_("First name"), max_length=100)
    family_name = forms.CharField(label=_("Last name"), max_length=100)
    date_of_birth = forms.DateField(
        label=_("Date of birth"), widget=DateInput, required=False, validators=[not_in_future]
    )
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    postcode = forms.CharField(label=_("Postcode"), max_length=10, required=False)
    contact_methods = forms.MultipleChoiceField(
        label=_("How they would like to be contacted"),
        choices=ContactMethod.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    safe_to_leave_message = forms.ChoiceField(
        label=_("Is it safe to leave a message?"),
        choices=[("", "---------"), *YesNoUnknown.choices],
        required=False,
    )
    preferred_language = forms.CharField(
        label=_("Preferred language"), max_length=60, required=False
    )
    interpreter_needed = forms.BooleanField(label=_("Needs an interpreter"), required=False)
    reasons = forms.MultipleChoiceField(
        label=_("Reasons for referral"), widget=forms.CheckboxSelectMultiple, choices=()
    )
    reason_detail = forms.CharField(
        label=_("Anything else the link worker should know"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    consent_to_share = forms.BooleanField(
        label=_("They agree to their details being shared with community organisations"),
        required=False,
    )
    person_agreed = forms.BooleanField(
        label=_("They have agreed to this referral"),
        error_messages={"required": _("Only refer someone who has agreed to be referred.")},
    )

    def __init__(self, *args: Any, practices: Any, **kwargs: Any) -> None:
        self._practices = practices
        super().__init__(*args, **kwargs)

    def setup_fields(self) -> None:
        self.fields["practice"].queryset = self._practices  # type: ignore[attr-defined]
        self.fields["reasons"].choices = reasons.choices()  # type: ignore[attr-defined]

    def clean_chi(self) -> str:
        return clean_chi_field(self.cleaned_data.get("chi", ""))

    def clean_postcode(self) -> str:
        return clean_postcode_field(self.cleaned_data.get("postcode", ""))


class AgencyReferralForm(ReferralForm):
    """Referral from another agency: the practice is the person's own GP practice (any in
    Linkwork), and the agency is the referrer."""

    agency = forms.ModelChoiceField(
        label=_("Referring agency"), queryset=Organisation.objects.none(), empty_label=None
    )
    field_order = ["agency", "practice"]

    def __init__(self, *args: Any, agencies: Any, **kwargs: Any) -> None:
        self._agencies = agencies
        practices = Organisation.objects.filter(kind=Organisation.Kind.GP_PRACTICE).order_by("name")
        super().__init__(*args, practices=practices, **kwargs)

    def setup_fields(self) -> None:
        super().setup_fields()
        self.fields["agency"].queryset = self._agencies  # type: ignore[attr-defined]
        practice = self.fields["practice"]
        practice.label = _("Their GP practice")
        practice.empty_label = _("Choose their practice")  # type: ignore[attr-defined]
        practice.help_text = _("The referral goes to this practice's link workers.")


class SelfReferralForm(DesignSystemFormMixin, DynamicFields, forms.Form):
    """Plain-language self-referral (works on a phone, no JavaScript)."""

    given_name = forms.CharField(
        label=_("Your first name"),
        max_length=100,
        error_messages={"required": _("Enter your first name.")},
    )
    family_name = forms.CharField(
        label=_("Your last name"),
        max_length=100,
        error_messages={"required": _("Enter your last name.")},
    )
    date_of_birth = forms.DateField(
        label=_("Your date of birth"),
        widget=DateInput,
        required=False,
        validators=[not_in_future],
        help_text=_("This helps us find your GP record. You can leave it out."),
    )
    phone = forms.CharField(
        label=_("Your phone number"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.EmailField(
        label=_("Your email address"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    safe_to_leave_message = forms.ChoiceField(
        label=_("Can we leave you a message?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        widget=forms.RadioSelect,
        initial="yes",
        error_messages={"required": _("Say whether we can leave you a message.")},
    )
    postcode = forms.CharField(
        label=_("Your postcode"),
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
        error_messages={"required": _("Enter your postcode, for example PH1 5PH.")},
    )
    practice = forms.ModelChoiceField(
        label=_("Your GP practice"),
        # Only practices with a link worker: a request to any other would be seen by nobody.
        queryset=Organisation.objects.filter(
            kind=Organisation.Kind.GP_PRACTICE,
            memberships__user__is_active=True,
            memberships__user__groups__name=Role.LINK_WORKER,
        )
        .distinct()
        .order_by("name"),
        empty_label=_("Choose your practice"),
        help_text=_("Only practices with a community link worker are listed."),
        error_messages={"required": _("Choose your GP practice.")},
    )
    reasons = forms.MultipleChoiceField(
        label=_("What would you like help with?"),
        widget=forms.CheckboxSelectMultiple,
        choices=(),
        help_text=_("Choose all that apply."),
        error_messages={"required": _("Choose at least one thing you would like help with.")},
    )
    reason_detail = forms.CharField(
        label=_("Tell us a bit more (if you want to)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    person_agreed = forms.BooleanField(
        label=_("I would like a link worker to contact me"),
        error_messages={"required": _("Tick the box so a link worker can contact you.")},
    )

    def setup_fields(self) -> None:
        self.fields["reasons"].choices = reasons.choices()  # type: ignore[attr-defined]

    def clean_postcode(self) -> str:
        return clean_postcode_field(self.cleaned_data.get("postcode", ""))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("phone") and not data.get("email"):
            raise ValidationError(_("Give a phone number or an email address so we can reach you."))
        return data


class TriageForm(DesignSystemFormMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("What happens next?"),
        widget=forms.RadioSelect,
        choices=[
            ("triaged", _("Accept: put on the waiting list")),
            ("declined", _("Decline the referral")),
            ("unable_to_contact", _("Unable to contact")),
        ],
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)


class AllocateForm(DesignSystemFormMixin, DynamicFields, forms.Form):
    link_worker: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Link worker"), queryset=None
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, link_workers: Any, **kwargs: Any) -> None:
        self._link_workers = link_workers
        super().__init__(*args, **kwargs)

    def setup_fields(self) -> None:
        self.fields["link_worker"].queryset = self._link_workers  # type: ignore[attr-defined]


class EncounterForm(DesignSystemFormMixin, forms.Form):
    occurred_at = forms.DateTimeField(
        label=_("Date and time"), widget=DateTimeInput, validators=[not_in_future]
    )
    mode = forms.ChoiceField(label=_("How"), choices=Encounter.Mode.choices)
    attendance = forms.ChoiceField(label=_("Attendance"), choices=Encounter.Attendance.choices)
    duration_minutes = forms.IntegerField(
        label=_("Length in minutes"), min_value=0, max_value=600, required=False
    )
    notes = forms.CharField(
        label=_("Notes"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    next_follow_up = forms.DateField(label=_("Next follow-up"), widget=DateInput, required=False)


class WhatMattersForm(DesignSystemFormMixin, forms.Form):
    text = forms.CharField(
        label=_("What matters to them, in their words"), widget=forms.Textarea(attrs={"rows": 6})
    )
    domains = forms.MultipleChoiceField(
        label=_("Life domains this touches"),
        choices=LifeDomain.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    held_on = forms.DateField(
        label=_("Date of the conversation"),
        widget=DateInput,
        required=False,
        validators=[not_in_future],
    )


class GoalForm(DesignSystemFormMixin, forms.Form):
    what = forms.CharField(label=_("Goal, in their words"), max_length=300)
    why = forms.CharField(
        label=_("Why it matters to them"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    target_date = forms.DateField(label=_("Target date"), widget=DateInput, required=False)
    first_rating = forms.IntegerField(
        label=_("Where are they now? (0 = not started, 10 = achieved)"),
        min_value=0,
        max_value=10,
        required=False,
    )


class GoalRatingForm(DesignSystemFormMixin, forms.Form):
    rating = forms.IntegerField(label=_("Progress (0 to 10)"), min_value=0, max_value=10)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class GoalStatusForm(DesignSystemFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Goal status"), choices=Goal.Status.choices)
    version = forms.IntegerField(widget=forms.HiddenInput)


class ConcernForm(DesignSystemFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind of concern"), choices=SafeguardingConcern.Kind.choices)
    description = forms.CharField(
        label=_("What the concern is"), widget=forms.Textarea(attrs={"rows": 4})
    )
    action_taken = forms.CharField(
        label=_("What was done"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    who_told = forms.CharField(label=_("Who was told"), max_length=300, required=False)
    told_at = forms.DateTimeField(
        label=_("When they were told"),
        widget=DateTimeInput,
        required=False,
        validators=[not_in_future],
    )


class CloseConcernForm(DesignSystemFormMixin, forms.Form):
    action_taken = forms.CharField(
        label=_("What was done"), widget=forms.Textarea(attrs={"rows": 3})
    )


class DischargeForm(DesignSystemFormMixin, forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=Discharge.Reason.choices)
    summary = forms.CharField(
        label=_("Summary for the GP and referrer"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What matters to them, what they did, what changed, and any follow-up."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class ConsentForm(DesignSystemFormMixin, forms.Form):
    purpose = forms.ChoiceField(label=_("What for"), choices=Consent.Purpose.choices)
    decision = forms.ChoiceField(
        label=_("Decision"), choices=Consent.Decision.choices, widget=forms.RadioSelect
    )
    partner = forms.ModelChoiceField(
        label=_("Partner organisation"),
        queryset=Organisation.objects.filter(kind=Organisation.Kind.COMMUNITY),
        required=False,
        empty_label=_("All partner organisations"),
    )
    decided_on = forms.DateField(
        label=_("Date"), widget=DateInput, required=False, validators=[not_in_future]
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class CaseTransitionForm(DesignSystemFormMixin, DynamicFields, forms.Form):
    to_status = forms.ChoiceField(
        label=_("Change status to"),
        choices=(),
        error_messages={"required": _("Choose the new status.")},
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, choices: list[tuple[str, Any]], **kwargs: Any) -> None:
        self._choices = choices
        super().__init__(*args, **kwargs)

    def setup_fields(self) -> None:
        # No status is preselected: a slip of the thumb must not end someone's support.
        self.fields["to_status"].choices = [("", _("Choose a status")), *self._choices]  # type: ignore[attr-defined]


class ServiceQueryForm(DesignSystemFormMixin, forms.Form):
    text = forms.CharField(
        label=_("What matters (used to find services)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class LinkForm(DesignSystemFormMixin, forms.Form):
    service_id = forms.UUIDField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(
        label=_("Kind of link"), choices=ServiceLink.Kind.choices, widget=forms.RadioSelect
    )
    note_to_organisation = forms.CharField(
        label=_("Note to the organisation (supported referrals)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Only what they need to welcome the person. They will see this."),
    )


#: The portal form in plain words for a volunteer, by the referral's current status:
#: (question, reason label, reason help, ask for the first session's date).
_PORTAL_WORDS: dict[str, tuple[Any, Any, Any, bool]] = {
    "sent": (
        _("Can you take this person?"),
        _("If you cannot take them, tell the link worker why"),
        _(
            "For example: the group is full, or it is not the right group for them. "
            "Only the link worker reads this. Leave it empty if you can take them."
        ),
        False,
    ),
    "accepted": (
        _("Did they come?"),
        _("If they did not come, anything the link worker should know (you can leave this empty)"),
        _("Only the link worker reads this."),
        True,
    ),
    "attending": (
        _("Do they still come?"),
        _("If they stopped, why (if you know)"),
        _("Only the link worker reads this. Leave it empty if they still come."),
        False,
    ),
}


class PortalResponseForm(DesignSystemFormMixin, DynamicFields, forms.Form):
    """A community organisation's reply to a referral: only the questions that fit where the
    referral is now (no decline reason on the attendance question, no date on accepting)."""

    to_status = forms.ChoiceField(label=_("Update"), choices=(), widget=forms.RadioSelect)
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)
    first_attended_on = forms.DateField(
        label=_("Date of their first session"),
        help_text=_("Only if they came. Leave it empty for today."),
        widget=DateInput,
        required=False,
        validators=[not_in_future],
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(
        self, *args: Any, choices: list[tuple[str, Any]], status: str = "sent", **kwargs: Any
    ) -> None:
        self._choices = choices
        self._status = status
        super().__init__(*args, **kwargs)

    def setup_fields(self) -> None:
        # No status is preselected: a slip of the thumb must not end someone's support.
        self.fields["to_status"].choices = list(self._choices)  # type: ignore[attr-defined]
        self.fields["to_status"].error_messages["required"] = _("Choose an answer.")
        question, reason, reason_help, asks_date = _PORTAL_WORDS.get(
            self._status, _PORTAL_WORDS["sent"]
        )
        self.fields["to_status"].label = question
        self.fields["reason"].label = reason
        self.fields["reason"].help_text = reason_help
        if not asks_date:
            del self.fields["first_attended_on"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data.setdefault("first_attended_on", None)
        return data


class MergeForm(DesignSystemFormMixin, forms.Form):
    duplicate_id = forms.IntegerField(label=_("Record number of the duplicate"), min_value=1)


class HouseholdForm(DesignSystemFormMixin, forms.Form):
    related_person_id = forms.IntegerField(
        label=_("Record number of the family or household member"),
        min_value=1,
        help_text=_("Shown at the top of their record, after “Person”."),
    )
    relationship = forms.ChoiceField(label=_("This person is their…"), choices=Relationship.choices)
    lives_with = forms.BooleanField(label=_("They live in the same household"), required=False)


class EasyReadSelfReferralForm(SelfReferralForm):
    """The self-referral form in Easy Read: the same questions and the same checks, asked in
    short sentences, one idea to a line. The page puts a picture beside each question."""

    #: The OpenMoji symbol (hexcode, file in static/vendor/openmoji/) beside each question.
    SYMBOLS: dict[str, str] = {
        "given_name": "1F464",
        "family_name": "1F464",
        "date_of_birth": "1F382",
        "phone": "1F4DE",
        "email": "1F4E7",
        "safe_to_leave_message": "1F4AC",
        "postcode": "1F3E0",
        "practice": "1FA7A",
        "reasons": "1F91D",
        "reason_detail": "270F",
        "person_agreed": "2705",
    }
    _WORDS: dict[str, tuple[Any, Any]] = {
        "given_name": (_("What is your first name?"), ""),
        "family_name": (_("What is your last name?"), ""),
        "date_of_birth": (
            _("When is your birthday?"),
            _("Day, month and year. You do not have to tell us."),
        ),
        "phone": (_("What is your phone number?"), _("We may phone you.")),
        "email": (_("What is your email?"), _("We may send you an email.")),
        "safe_to_leave_message": (_("Can we leave you a message?"), ""),
        "postcode": (_("What is your postcode?"), _("It is on letters to your home.")),
        "practice": (_("Who is your doctor?"), _("Choose your GP practice.")),
        "reasons": (_("What would you like help with?"), _("You can choose more than one.")),
        "reason_detail": (_("Do you want to tell us more?"), _("You do not have to.")),
        "person_agreed": (_("Yes, I want a link worker to contact me."), ""),
    }

    def setup_fields(self) -> None:
        super().setup_fields()
        for name, (label, help_text) in self._WORDS.items():
            self.fields[name].label = label
            self.fields[name].help_text = help_text
        self.fields["practice"].empty_label = _("Choose")  # type: ignore[attr-defined]
        self.fields["given_name"].error_messages["required"] = _("Write your first name.")
        self.fields["family_name"].error_messages["required"] = _("Write your last name.")
        self.fields["postcode"].error_messages["required"] = _("Write your postcode.")
        self.fields["practice"].error_messages["required"] = _("Choose your doctor.")
        self.fields["reasons"].error_messages["required"] = _("Choose one thing or more.")
        self.fields["person_agreed"].error_messages["required"] = _("Tick the box.")

    def clean(self) -> dict[str, Any]:
        try:
            return super().clean()
        except ValidationError as exc:
            raise ValidationError(
                _("Write a phone number or an email. Then we can reach you.")
            ) from exc
