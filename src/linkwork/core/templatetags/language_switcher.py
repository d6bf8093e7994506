"""The languages the switcher offers, each named in itself.

Django's `{% get_available_languages %}` passes the names through gettext, which would name
Polish "polski" on a Polish page but "Polish" in English and "البولندية" in Arabic: a person who
cannot read the current page would not find their own language. These names never change."""

from __future__ import annotations

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def offered_languages() -> list[tuple[str, str]]:
    return [(code, str(name)) for code, name in settings.LANGUAGES]
