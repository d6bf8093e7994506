"""Answering a consultation: no sign-in, validation, saving to carry on later, spam traps,
languages (right to left) and anonymity."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator
from typing import Any

import pytest
from django.core import signing
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from linkwork.engagement.models import Response
from tests.engagement.factories import ConsultationFactory, with_questions

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limit() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def started(seconds_ago: float = 30) -> str:
    return signing.dumps(time.time() - seconds_ago, salt="engagement.form-started")


def answers(questions: dict[str, Any], **extra: Any) -> dict[str, Any]:
    data = {
        "started": started(),
        f"q_{questions['open'].pk}": "couldnae get through to the doctors",
        f"q_{questions['single'].pk}": "No",
        f"q_{questions['multiple'].pk}": ["Link worker", "Family"],
        f"q_{questions['scale'].pk}": "4",
        "council_area": "Fife",
        "consent": "on",
        "action": "submit",
    }
    data.update(extra)
    return data


def test_a_person_answers_without_signing_in_and_profile_is_kept_apart() -> None:
    consultation = ConsultationFactory()
    questions = with_questions(consultation)
    url = reverse("engagement:respond", args=[consultation.slug])
    page = Client().get(url)
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert b"What got in the way?" in page.content
    sent = Client().post(url, answers(questions))
    assert sent.status_code == 302
    response = Response.objects.get(consultation=consultation)
    assert response.status == "submitted" and response.consented
    assert response.answers.get(question=questions["multiple"]).choices == ["Link worker", "Family"]
    assert response.answers.get(question=questions["scale"]).scale_value == 4
    assert response.profile.council_area == "Fife"
    assert response.respondent_name == "" and response.resume_token_hash == ""


def test_missing_required_answer_and_consent_are_shown_in_the_error_summary() -> None:
    consultation = ConsultationFactory()
    questions = with_questions(consultation)
    url = reverse("engagement:respond", args=[consultation.slug])
    data = answers(questions, consent="")
    data[f"q_{questions['open'].pk}"] = ""
    page = Client().post(url, data)
    assert page.status_code == 400
    html = page.content.decode()
    assert "ds_error-summary" in html and "This field is required" in html
    assert "Tick the box to agree" in html
    assert not Response.objects.exists()


def test_a_choice_that_is_not_offered_is_refused() -> None:
    consultation = ConsultationFactory()
    questions = with_questions(consultation)
    url = reverse("engagement:respond", args=[consultation.slug])
    page = Client().post(url, answers(questions, **{f"q_{questions['scale'].pk}": "9"}))
    assert page.status_code == 400 and not Response.objects.exists()


def test_saving_gives_a_resume_link_with_only_an_opaque_token() -> None:
    consultation = ConsultationFactory()
    questions = with_questions(consultation)
    url = reverse("engagement:respond", args=[consultation.slug])
    data = answers(questions, action="save", consent="")
    data[f"q_{questions['single'].pk}"] = ""
    saved = Client().post(url, data)
    assert saved.status_code == 200
    link = re.search(r'href="(http[^"]+/resume/[^"]+/)"', saved.content.decode())
    assert link
    assert "doctors" not in link.group(1) and "Fife" not in link.group(1)
    response = Response.objects.get()
    assert response.status == "in_progress"
    assert response.resume_token_hash and response.resume_token_hash not in link.group(1)
    path = link.group(1).split("testserver", 1)[1]
    again = Client().get(path)
    assert "couldnae get through to the doctors" in again.content.decode()
    sent = Client().post(path, answers(questions))
    assert sent.status_code == 302
    response.refresh_from_db()
    assert response.status == "submitted"
    assert Response.objects.count() == 1
    assert Client().get(path).status_code == 404  # a sent response cannot be reopened


def test_a_made_up_resume_token_is_refused() -> None:
    consultation = ConsultationFactory()
    url = reverse("engagement:resume", args=[consultation.slug, "not-a-real-token"])
    assert Client().get(url).status_code == 404


def test_honeypot_filled_is_refused() -> None:
    consultation = ConsultationFactory()
    questions = with_questions(consultation)
    url = reverse("engagement:respond", args=[consultation.slug])
    page = Client().post(url, answers(questions, website="http://spam.example"))
    assert page.status_code == 400 and not Response.objects.exists()


def test_a_form_sent_too_fast_or_with_a_forged_time_is_refused() -> None:
    consultation = ConsultationFactory()
    questions = with_questions(consultation)
    url = reverse("engagement:respond", args=[consultation.slug])
    assert Client().post(url, answers(questions, started=started(0))).status_code == 400
    assert Client().post(url, answers(questions, started="12345")).status_code == 400
    assert not Response.objects.exists()


def test_many_sends_from_one_address_are_slowed_down() -> None:
    consultation = ConsultationFactory()
    questions = with_questions(consultation)
    url = reverse("engagement:respond", args=[consultation.slug])
    client = Client()
    codes = [client.post(url, answers(questions)).status_code for _ in range(12)]
    assert codes[:10] == [302] * 10 and codes[10:] == [429, 429]
    assert Response.objects.count() == 10


def test_closed_and_not_yet_open_consultations_take_no_answers() -> None:
    closed = ConsultationFactory(closes_at=timezone.now() - dt.timedelta(hours=1))
    later = ConsultationFactory(opens_at=timezone.now() + dt.timedelta(days=1))
    assert Client().get(reverse("engagement:respond", args=[closed.slug])).status_code == 410
    # one not yet open is as unknown as one that does not exist (its title is not announced)
    assert Client().get(reverse("engagement:respond", args=[later.slug])).status_code == 404
    assert Client().get(reverse("engagement:respond", args=["no-such"])).status_code == 404


def test_anonymous_consultation_never_stores_a_name_even_if_one_is_sent() -> None:
    consultation = ConsultationFactory(anonymous=True)
    questions = with_questions(consultation)
    url = reverse("engagement:respond", args=[consultation.slug])
    assert b"Your name" not in Client().get(url).content
    Client().post(url, answers(questions, respondent_name="Morag", respondent_email="m@x.org"))
    response = Response.objects.get()
    assert response.respondent_name == "" and response.respondent_email == ""


def test_named_consultation_asks_for_a_name() -> None:
    consultation = ConsultationFactory(anonymous=False)
    questions = with_questions(consultation)
    url = reverse("engagement:respond", args=[consultation.slug])
    assert b"Your name" in Client().get(url).content
    Client().post(url, answers(questions, respondent_name="Morag"))
    assert Response.objects.get().respondent_name == "Morag"
