"""Template tags for languages on directory pages (see linkwork.directory.languages)."""

from __future__ import annotations

from django import template

from linkwork.directory import languages
from linkwork.directory.forms import ACCESSIBILITY
from linkwork.directory.models import ContentTranslation, Organization, Service
from linkwork.directory.taxonomy_names import term_name

register = template.Library()


@register.simple_tag
def content_translation(record: Service | Organization) -> ContentTranslation | None:
    return languages.translation_for(record)


@register.simple_tag
def help_languages(
    service: Service, leave_out_english: bool = False
) -> list[languages.HelpLanguage]:
    return languages.help_languages(service, leave_out_english=leave_out_english)


@register.filter
def join_names(spoken: list[languages.HelpLanguage]) -> str:
    """The languages' names as one list a sentence can hold ("Polish, Arabic")."""
    return ", ".join(language.name for language in spoken)


@register.filter(name="term_name")
def term_name_filter(name: str) -> str:
    """A category's name in the reader's language."""
    return term_name(name)


_ACCESSIBILITY_LABELS = dict(ACCESSIBILITY)


@register.filter
def accessibility_label(code: str, description: str) -> str:
    """An accessibility feature in the reader's language when it is one we name, else as the
    organisation wrote it."""
    label = _ACCESSIBILITY_LABELS.get(code)
    return str(label) if label is not None else description
