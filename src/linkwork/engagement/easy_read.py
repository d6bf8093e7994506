"""The pictures of the Easy Read consultation form: OpenMoji 17.0.0 symbols (CC BY-SA 4.0),
shipped unchanged under static/vendor/openmoji/ and named by their hexcode.

A question may name its picture (the builder offers ``QUESTION_SYMBOLS``); otherwise it gets
the picture for its kind. The form's own parts (what it is about, privacy, agreeing, about
you, sending, saving) have fixed pictures.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from linkwork.engagement.models import Question

OPENMOJI_VERSION = "17.0.0"

#: Pictures a programme manager can put beside a question: hexcode -> what it shows.
QUESTION_SYMBOLS: dict[str, Promise] = {
    "1F4AC": _("Speech bubble (tell us)"),
    "2611": _("Ticked box (choose)"),
    "1F642": _("Smiling face (how you feel)"),
    "1F914": _("Thinking face (what you think)"),
    "1F4A1": _("Light bulb (ideas)"),
    "1F91D": _("Handshake (support)"),
    "1F465": _("Two people (people and groups)"),
    "1F46A": _("Family"),
    "1F3E0": _("House (home)"),
    "1F68C": _("Bus (getting about)"),
    "1F3E5": _("Hospital (health services)"),
    "1F48A": _("Pill (medicine)"),
    "267F": _("Wheelchair (disability and access)"),
    "1F4DE": _("Telephone (getting in touch)"),
    "1F4C5": _("Calendar (when)"),
    "2B50": _("Star (what is good)"),
}

_BY_KIND: dict[str, str] = {
    Question.Kind.OPEN: "1F4AC",
    Question.Kind.SINGLE: "2611",
    Question.Kind.MULTIPLE: "2611",
    Question.Kind.SCALE: "1F642",
}

#: The form's own parts.
ABOUT = "1F4D6"
PRIVACY = "1F512"
AGREE = "270D"
ABOUT_YOU = "1F464"
SEND = "2709"
SAVE = "1F4BE"


def symbol_for(question: Question) -> str:
    """The hexcode of the picture shown beside a question."""
    if question.symbol in QUESTION_SYMBOLS:
        return question.symbol
    return _BY_KIND.get(question.kind, "1F4AC")


def symbol_path(hexcode: str) -> str:
    """The static path of a shipped picture."""
    return f"vendor/openmoji/{hexcode}.svg"
