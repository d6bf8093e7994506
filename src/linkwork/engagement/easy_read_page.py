"""What the Easy Read response form shows beside the standard form's context: a picture for
each question and for each part of the form (see easy_read.py)."""

from __future__ import annotations

from linkwork.engagement import easy_read
from linkwork.engagement.forms import ResponseForm
from linkwork.engagement.models import Consultation


def easy_read_context(consultation: Consultation, form: ResponseForm) -> dict[str, object]:
    parts = {
        "about": easy_read.ABOUT,
        "privacy": easy_read.PRIVACY,
        "agree": easy_read.AGREE,
        "about_you": easy_read.ABOUT_YOU,
        "send": easy_read.SEND,
        "save": easy_read.SAVE,
    }
    return {
        "easy_questions": [
            (question, field, easy_read.symbol_path(easy_read.symbol_for(question)))
            for question, field in form.question_fields()
        ],
        "pictures": {name: easy_read.symbol_path(code) for name, code in parts.items()},
        "openmoji_version": easy_read.OPENMOJI_VERSION,
    }
