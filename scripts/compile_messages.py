"""Compile every translation catalogue (src/linkwork/locale/*/LC_MESSAGES/django.po) to the .mo
file Django reads, in Python with Babel, so neither the tests nor an installation need
Debian's gettext. The .mo files are committed; tests/i18n checks they match the .po files.

    python scripts/compile_messages.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parent.parent / "src" / "linkwork" / "locale"


def compile_all(locale_dir: Path = LOCALE) -> list[Path]:
    written = []
    for po in sorted(locale_dir.glob("*/LC_MESSAGES/django.po")):
        with po.open("rb") as fh:
            catalog = read_po(fh, locale=po.parent.parent.name)
        mo = po.with_suffix(".mo")
        with mo.open("wb") as fh:
            write_mo(fh, catalog, use_fuzzy=False)
        written.append(mo)
    return written


if __name__ == "__main__":
    for path in compile_all():
        print(f"compiled {path.relative_to(LOCALE.parent.parent.parent)}")
    sys.exit(0)
