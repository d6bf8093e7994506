"""The translation catalogues as the tests read them (Babel parses the .po files)."""

from __future__ import annotations

import functools
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils.translation import to_locale

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
# Every offered language except the source language has a catalogue.
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def po_path(language: str) -> Path:
    return LOCALE_DIR / to_locale(language) / "LC_MESSAGES" / "django.po"


@functools.cache
def catalogue(language: str) -> Catalog:
    with po_path(language).open("rb") as fh:
        return read_po(fh, locale=to_locale(language))


def is_translated(message: Message | None) -> bool:
    if message is None or message.fuzzy:
        return False
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return bool(strings) and all(s.strip() for s in strings)


def lookup(language: str, context: str | None, msgid: str) -> Message | None:
    key: str | tuple[str, ...] = tuple(msgid.split("\x00")) if "\x00" in msgid else msgid
    return catalogue(language).get(key, context=context)
