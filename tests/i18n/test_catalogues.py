"""Every public template's text is translated in every offered language, and the compiled
.mo files Django reads are the .po files translators edit."""

from __future__ import annotations

import gettext
import re

import pytest
from django.conf import settings

from tests.i18n.catalogues import TRANSLATED, catalogue, is_translated, lookup, po_path
from tests.i18n.public_templates import PUBLIC_TEMPLATES, messages_in

PLACEHOLDER = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[sdfi]|%[sd]")


def test_six_languages_are_offered_each_named_in_itself() -> None:
    assert dict(settings.LANGUAGES) == {
        "en-gb": "English",
        "gd": "Gàidhlig",
        "pl": "Polski",
        "ar": "العربية",
        "zh-hans": "简体中文",
        "uk": "Українська",
    }


@pytest.mark.parametrize("language", TRANSLATED)
@pytest.mark.parametrize("template", PUBLIC_TEMPLATES)
def test_public_template_text_is_translated(language: str, template: str) -> None:
    missing = [
        msgid
        for context, msgid in sorted(messages_in(template), key=lambda m: m[1])
        if not is_translated(lookup(language, context, msgid))
    ]
    assert not missing, f"{template} has untranslated text in {po_path(language)}: {missing}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_every_placeholder(language: str) -> None:
    wrong = []
    for message in catalogue(language):
        if not message.id or not is_translated(message):
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for text in strings:
            # A language with one form for "1" may spell the number out in that form.
            if set(PLACEHOLDER.findall(text)) - wanted or (
                len(strings) == 1 and wanted - set(PLACEHOLDER.findall(text))
            ):
                wrong.append((ids[0], text))
    assert not wrong


@pytest.mark.parametrize("language", TRANSLATED)
def test_compiled_catalogue_matches_the_po_file(language: str) -> None:
    """Django reads the committed .mo; it must say what the .po says (stdlib gettext reads it,
    Babel reads the .po), else `python scripts/compile_messages.py` was not run."""
    with po_path(language).with_suffix(".mo").open("rb") as fh:
        compiled = gettext.GNUTranslations(fh)
    stale = []
    for message in catalogue(language):
        if not message.id or not is_translated(message):
            continue
        context = message.context
        if isinstance(message.id, tuple):
            singular, plural = message.id[0], message.id[1]
            for n in (1, 2, 5):
                got = (
                    compiled.npgettext(context, singular, plural, n)
                    if context
                    else compiled.ngettext(singular, plural, n)
                )
                if got != message.string[compiled.plural(n)]:  # type: ignore[attr-defined]
                    stale.append(singular)
        else:
            got = (
                compiled.pgettext(context, message.id) if context else compiled.gettext(message.id)
            )
            if got != message.string:
                stale.append(message.id)
    assert not stale, f"run `python scripts/compile_messages.py`: {stale[:5]}"
