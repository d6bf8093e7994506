"""The default taxonomy's term names, marked for translation.

The names live in data/wellbeing_taxonomy.json (HSDS data, in English, what the API serves);
listing them here lets `makemessages` put them in the catalogues, and `term_name` shows them in
the reader's language on the public pages. A test checks this list matches the data file.
"""

from __future__ import annotations

from django.utils.translation import gettext, gettext_noop

TERM_NAMES = (
    gettext_noop("Physical activity"),
    gettext_noop("Mental health and wellbeing"),
    gettext_noop("Social connection and befriending"),
    gettext_noop("Money and benefits advice"),
    gettext_noop("Debt"),
    gettext_noop("Housing and homelessness"),
    gettext_noop("Food"),
    gettext_noop("Fuel poverty and energy"),
    gettext_noop("Employability and skills"),
    gettext_noop("Learning"),
    gettext_noop("Volunteering"),
    gettext_noop("Carers"),
    gettext_noop("Family and parenting"),
    gettext_noop("Children and young people"),
    gettext_noop("Older people"),
    gettext_noop("Bereavement"),
    gettext_noop("Addiction and recovery"),
    gettext_noop("Long-term conditions"),
    gettext_noop("Disability"),
    gettext_noop("Arts and culture"),
    gettext_noop("Nature and outdoors"),
    gettext_noop("Digital inclusion"),
    gettext_noop("Legal advice"),
    gettext_noop("Domestic abuse"),
    gettext_noop("Transport"),
    gettext_noop("Faith and community groups"),
)


def term_name(name: str) -> str:
    """A taxonomy term's name in the active language (its own name if not translated)."""
    return gettext(name) if name else name
