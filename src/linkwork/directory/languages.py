"""Languages on directory records: the HSDS languages a service is offered in, named in the
reader's language, and the organisation's own translation of a record's name and description
for the language the page is shown in."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _

from linkwork.directory.models import ContentTranslation, Organization, Service

#: HSDS allows ISO 639-1 or 639-3 codes; Django names languages by its own (mostly 639-1) tags.
_ISO_639_3 = {
    "ara": "ar", "ben": "bn", "deu": "de", "ger": "de", "eng": "en", "fas": "fa", "per": "fa",
    "fra": "fr", "fre": "fr", "gla": "gd", "hin": "hi", "ita": "it", "kur": "ckb", "lav": "lv",
    "lit": "lt", "pan": "pa", "pol": "pl", "por": "pt", "ron": "ro", "rum": "ro", "rus": "ru",
    "slk": "sk", "som": "so", "spa": "es", "tur": "tr", "ukr": "uk", "urd": "ur", "zho": "zh-hans",
    "chi": "zh-hans", "cym": "cy", "wel": "cy", "gle": "ga", "sco": "sco",
}  # fmt: skip
_SIGN_LANGUAGE = {"bfi", "bsl", "sgn-gb"}
#: Languages editors can translate a record into: every offered language but the source one.
TRANSLATION_LANGUAGES = tuple(
    code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
)


@dataclass(frozen=True)
class HelpLanguage:
    """A language a service helps people in: its tag, and its name in the reader's language."""

    code: str
    name: str


def django_tag(code: str) -> str:
    code = code.strip().lower().replace("_", "-")
    if code in ("zh", "zh-cn"):
        return "zh-hans"
    return _ISO_639_3.get(code, code)


def language_name(code: str, fallback: str = "") -> str:
    """The language's name in the active language (Django's catalogues name most languages)."""
    tag = django_tag(code)
    if tag in _SIGN_LANGUAGE:
        return _("British Sign Language")
    try:
        return str(get_language_info(tag)["name_translated"])
    except KeyError:
        return fallback or code


def help_languages(service: Service, *, leave_out_english: bool = False) -> list[HelpLanguage]:
    """The service's HSDS languages (prefetched `languages`), each named for the reader, in
    alphabetical order of those names (the records themselves have no order)."""
    out = []
    for language in service.languages.all():
        tag = django_tag(language.code) if language.code else ""
        if leave_out_english and tag in ("en", "en-gb"):
            continue
        name = language_name(language.code, language.name) if language.code else language.name
        if name:
            out.append(HelpLanguage(code=tag, name=name))
    return sorted(out, key=lambda language: language.name.casefold())


def translation_for(
    record: Service | Organization, language: str | None = None
) -> ContentTranslation | None:
    """The record's translation into the page's language, from its prefetched `translations`;
    None when there is none (the page then shows the original)."""
    language = (language or get_language() or "").lower()
    if language == settings.LANGUAGE_CODE:
        return None
    for translation in record.translations.all():
        if translation.language == language and (translation.name or translation.description):
            return translation
    return None
