"""The Easy Read response form: linked from the standard form, a picture beside each question,
pictures shipped unchanged from OpenMoji with attribution, the same service behind it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from django.core import signing
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from linkwork.engagement.easy_read import QUESTION_SYMBOLS, symbol_path
from linkwork.engagement.models import Response
from tests.engagement.factories import ConsultationFactory, with_questions

pytestmark = pytest.mark.django_db

VENDOR = Path(__file__).resolve().parents[2] / "src" / "linkwork" / "static"


def test_the_standard_form_links_to_the_easy_read_form() -> None:
    consultation = ConsultationFactory()
    with_questions(consultation)
    page = Client().get(reverse("engagement:respond", args=[consultation.slug])).content.decode()
    assert reverse("engagement:respond_easy_read", args=[consultation.slug]) in page


def test_each_question_has_a_picture_and_the_page_credits_openmoji() -> None:
    consultation = ConsultationFactory()
    questions = with_questions(consultation)
    questions["scale"].symbol = "1F68C"
    questions["scale"].save()
    page = Client().get(reverse("engagement:respond_easy_read", args=[consultation.slug]))
    html = page.content.decode()
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert html.count('class="app-easy-read__picture"') >= len(questions) + 4
    assert "openmoji/1F4AC.svg" in html  # the open question's picture by kind
    assert "openmoji/1F68C.svg" in html  # the one the manager chose
    assert "OpenMoji" in html and "CC BY-SA 4.0" in html
    assert "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]
    assert 'style="' not in html


def test_every_picture_it_can_show_is_shipped_by_its_hexcode() -> None:
    from linkwork.engagement import easy_read

    codes = set(QUESTION_SYMBOLS) | {
        easy_read.ABOUT, easy_read.PRIVACY, easy_read.AGREE, easy_read.ABOUT_YOU,
        easy_read.SEND, easy_read.SAVE,
    }  # fmt: skip
    for code in codes:
        path = VENDOR / symbol_path(code)
        assert path.is_file(), path
        assert path.read_bytes().startswith(b"<svg")


def test_answers_sent_from_easy_read_are_saved_by_the_same_service() -> None:
    cache.clear()
    consultation = ConsultationFactory()
    questions = with_questions(consultation)
    url = reverse("engagement:respond_easy_read", args=[consultation.slug])
    data = {
        "started": signing.dumps(time.time() - 30, salt="engagement.form-started"),
        f"q_{questions['open'].pk}": "naebody phoned back",
        f"q_{questions['scale'].pk}": "2",
        "consent": "on", "action": "submit",
    }  # fmt: skip
    missing = Client().post(url, {**data, "consent": ""})
    assert missing.status_code == 400 and "ds_error-summary" in missing.content.decode()
    assert Client().post(url, data).status_code == 302
    response = Response.objects.get()
    assert response.status == "submitted" and response.language == "en-easy"
    assert response.answers.get(question=questions["open"]).text == "naebody phoned back"
    saved = Client().post(url, {**data, "action": "save"})
    assert "/easy-read/resume/" in saved.content.decode()


def test_a_draft_is_not_shown_in_easy_read_either() -> None:
    consultation = ConsultationFactory(is_draft=True)
    with_questions(consultation)
    assert (
        Client().get(reverse("engagement:respond_easy_read", args=[consultation.slug])).status_code
        == 404
    )
    assert Client().get(reverse("engagement:thanks", args=[consultation.slug])).status_code == 404
