"""Plain language: the English of every public page reads at a reading age of 11-12.

Measure: Flesch-Kincaid grade level (textstat, CMU syllable counts) of all the visible text of
the page as a reader meets it (header, page, footer; each heading, label and button counted as
a sentence), at most grade 7 (US grade 7 = ages 12-13, so a reading age of 11-12 is grade 7 or
less). Left out: text in another language on purpose (licence attributions marked lang="en",
language names) and the choices of drop-down lists (the category list is a list of names, not
sentences; a one-word "sentence" such as "Volunteering" scores grade 32 on its own).
"""

from __future__ import annotations

import pytest
from django.test import Client

from tests.i18n.pages import fetch, public_world, visible_texts
from tests.i18n.readability import MAX_GRADE, as_sentences, grade

pytestmark = pytest.mark.django_db


def test_every_public_page_reads_at_grade_seven_or_below() -> None:
    grades = {}
    for page in public_world():
        text = as_sentences(visible_texts(fetch(Client(), page, "en-GB"), options=False))
        grades[page.name] = grade(text)
    too_hard = {name: g for name, g in grades.items() if g > MAX_GRADE}
    assert not too_hard, f"Flesch-Kincaid grade above {MAX_GRADE}: {too_hard} (all: {grades})"


def test_the_measure_tells_plain_from_hard_english() -> None:
    assert grade("We can help you. Ask us. It is free.") <= MAX_GRADE
    hard = (
        "Notwithstanding the aforementioned considerations, eligibility determinations "
        "necessitate comprehensive documentation substantiating socioeconomic circumstances."
    )
    assert grade(hard) > MAX_GRADE
