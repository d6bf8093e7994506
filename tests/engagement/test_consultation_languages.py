"""A consultation in its readers' languages: the builder gives its words in each language, the
public form shows the page's language piece by piece with English where a piece is missing
(marked with its own `lang`), Arabic runs right to left, and the 'about you' questions and the
form's own messages are translated."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from linkwork.core.models import AuditEntry, Organisation
from linkwork.core.roles import Role
from linkwork.engagement.models import (
    Consultation,
    ConsultationTranslation,
    Question,
    QuestionTranslation,
    Response,
)
from tests.core.factories import OrganisationFactory, make_user
from tests.engagement.factories import ConsultationFactory, with_questions

pytestmark = pytest.mark.django_db


def polish(consultation: Consultation, questions: dict[str, Question]) -> None:
    """A Polish translation with everything but the privacy notice and one option."""
    ConsultationTranslation.objects.create(
        consultation=consultation, language="pl", title="Powiedz nam o grupach",
        summary="Chcemy wiedzieć, co pomaga.", consent_text="Użyjemy Twoich odpowiedzi.",
    )  # fmt: skip
    QuestionTranslation.objects.create(
        question=questions["open"], language="pl", text="Co Ci przeszkodziło?"
    )
    QuestionTranslation.objects.create(
        question=questions["multiple"], language="pl", text="Co pomogło?",
        choices=["Doradca społeczny", "", "Rodzina"],
    )  # fmt: skip


def page(consultation: Consultation, language: str, *, easy_read: bool = False) -> str:
    name = "engagement:respond_easy_read" if easy_read else "engagement:respond"
    url = reverse(name, args=[consultation.slug])
    return Client().get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()


def test_a_polish_reader_sees_the_polish_words_and_english_where_one_is_missing() -> None:
    consultation = ConsultationFactory(title="Tell us about groups")
    questions = with_questions(consultation)
    polish(consultation, questions)
    html = page(consultation, "pl")
    assert '<html lang="pl" dir="ltr">' in html
    assert "<title>Powiedz nam o grupach" in html
    for words in ("Chcemy wiedzieć, co pomaga.", "Co Ci przeszkodziło?", "Doradca społeczny"):
        assert words in html
    assert "Użyjemy Twoich odpowiedzi." in html
    # Missing pieces show the English, each marked as English for screen readers.
    assert '<span lang="en-gb" dir="ltr">GP</span>' in html
    assert '<span lang="en-gb" dir="ltr">Did you get support?</span>' in html
    assert re.search(r'lang="en-gb" dir="ltr"><p>Your answers are kept for two years', html)
    assert "Tell us about groups" not in html
    # The form's own words come from the catalogue.
    assert "Wyślij moje odpowiedzi" in html or "Send my answers" not in html


def test_an_english_reader_sees_the_original_unmarked() -> None:
    consultation = ConsultationFactory(title="Tell us about groups")
    questions = with_questions(consultation)
    polish(consultation, questions)
    html = page(consultation, "en-GB")
    assert '<h1 class="ds_page-header__title">Tell us about groups</h1>' in html
    assert 'lang="en-gb" dir="ltr">' not in html.split("<main", 1)[1]
    assert "Powiedz" not in html


def test_arabic_renders_right_to_left_with_english_kept_left_to_right() -> None:
    consultation = ConsultationFactory(languages=["ar"])
    questions = with_questions(consultation)
    QuestionTranslation.objects.create(
        question=questions["open"], language="ar", text="ما الذي منعك من الحصول على الدعم؟"
    )
    html = page(consultation, "ar")
    assert '<html lang="ar" dir="rtl">' in html and "design-system.rtl.min.css" in html
    assert "ما الذي منعك من الحصول على الدعم؟" in html
    assert '<span lang="en-gb" dir="ltr">How satisfied?</span>' in html


def test_about_you_choices_and_form_errors_are_in_the_readers_language() -> None:
    consultation = ConsultationFactory(ask_profile=True)
    questions = with_questions(consultation)
    html = page(consultation, "pl")
    # Census 2022 ethnic groups, age bands, council areas: translated labels, English values.
    assert re.search(r'<optgroup label="Biała">', html)
    assert re.search(r'<option value="White Polish"[^>]*>Polska</option>', html)
    assert re.search(r'<option value="75 and over"[^>]*>75 lat lub więcej</option>', html)
    assert '<option value="Perth and Kinross">Perth and Kinross</option>' in html
    gaelic = page(consultation, "gd")
    assert '<option value="Perth and Kinross">Peairt agus Ceann Rois</option>' in gaelic
    url = reverse("engagement:respond", args=[consultation.slug])
    started = signing.dumps(time.time() - 30, salt="engagement.form-started")
    sent = Client().post(
        url, {"started": started, "action": "submit", f"q_{questions['single'].pk}": "Maybe"},
        HTTP_ACCEPT_LANGUAGE="pl",
    )  # fmt: skip
    body = sent.content.decode()
    assert sent.status_code == 400
    assert "Zaznacz pole" in body  # the consent error
    assert "To pole jest wymagane." in body  # Django's own message, in Polish too


def test_a_polish_answer_is_stored_against_the_english_options_with_its_language() -> None:
    consultation = ConsultationFactory()
    questions = with_questions(consultation)
    polish(consultation, questions)
    url = reverse("engagement:respond", args=[consultation.slug])
    started = signing.dumps(time.time() - 30, salt="engagement.form-started")
    data: dict[str, Any] = {
        "started": started, "action": "submit", "consent": "on",
        f"q_{questions['open'].pk}": "Autobus nie przyjechał",
        f"q_{questions['multiple'].pk}": ["Link worker"],
    }  # fmt: skip
    assert Client().post(url, data, HTTP_ACCEPT_LANGUAGE="pl").status_code == 302
    response = Response.objects.get(consultation=consultation)
    assert response.language == "pl"
    assert response.answers.get(question=questions["multiple"]).choices == ["Link worker"]


def test_easy_read_uses_the_readers_language_then_easy_read_english() -> None:
    consultation = ConsultationFactory()
    questions = with_questions(consultation)
    polish(consultation, questions)
    QuestionTranslation.objects.create(
        question=questions["single"], language="en-easy", text="Did you get help?"
    )
    polish_page = page(consultation, "pl", easy_read=True)
    assert "Co Ci przeszkodziło?" in polish_page
    assert '<span lang="en-gb" dir="ltr">Did you get help?</span>' in polish_page
    assert "Did you get help?" in page(consultation, "en-GB", easy_read=True)


def _builder() -> dict[str, Any]:
    programme = OrganisationFactory(kind=Organisation.Kind.PROGRAMME)
    other = OrganisationFactory(kind=Organisation.Kind.PROGRAMME)
    consultation = ConsultationFactory(organisation=programme)
    return {
        "consultation": consultation,
        "questions": with_questions(consultation),
        "manager": make_user(Role.PROGRAMME_MANAGER, organisations=(programme,)),
        "other_manager": make_user(Role.PROGRAMME_MANAGER, organisations=(other,)),
        "analyst": make_user(Role.ANALYST, organisations=(programme,)),
    }


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_programme_manager_translates_a_consultation_into_polish() -> None:
    w = _builder()
    consultation, q = w["consultation"], w["questions"]
    url = reverse("engagement:consultation_translate", args=[consultation.pk, "pl"])
    client = _client(w["manager"])
    form = client.get(url)
    assert form.status_code == 200 and "no-store" in form["Cache-Control"]
    assert "In English: What got in the way?" in form.content.decode()
    assert 'lang="pl" dir="auto"' in form.content.decode()
    sent = client.post(url, {
        "title": "Ankieta", "privacy_notice": "",
        f"q{q['open'].pk}_text": "Co Ci przeszkodziło?",
        f"q{q['multiple'].pk}_choices": "Doradca\n\nRodzina",
    })  # fmt: skip
    assert sent.status_code == 302
    consultation.refresh_from_db()
    assert consultation.languages == ["pl"]
    assert ConsultationTranslation.objects.get(consultation=consultation).title == "Ankieta"
    multiple = QuestionTranslation.objects.get(question=q["multiple"], language="pl")
    assert multiple.choices == ["Doradca", "", "Rodzina"]
    audit = AuditEntry.objects.filter(object_type__endswith="consultation").first()
    assert audit is not None and audit.detail["fields"] == ["translation:pl"]
    assert "Ankieta" in page(consultation, "pl")


def test_too_many_translated_options_are_refused_naming_the_question() -> None:
    w = _builder()
    consultation, q = w["consultation"], w["questions"]
    url = reverse("engagement:consultation_translate", args=[consultation.pk, "pl"])
    sent = _client(w["manager"]).post(url, {f"q{q['single'].pk}_choices": "Tak\nNie\nMoże"})
    assert sent.status_code == 400
    assert "Question 2 has 2 options" in sent.content.decode()
    assert not ConsultationTranslation.objects.exists()


def test_only_the_programmes_managers_may_translate() -> None:
    w = _builder()
    url = reverse("engagement:consultation_translate", args=[w["consultation"].pk, "pl"])
    assert _client(w["other_manager"]).post(url, {"title": "X"}).status_code == 404
    assert _client(w["analyst"]).post(url, {"title": "X"}).status_code == 403
    assert Client().post(url, {"title": "X"}).status_code in (302, 403)
    not_offered = reverse("engagement:consultation_translate", args=[w["consultation"].pk, "fr"])
    assert _client(w["manager"]).get(not_offered).status_code == 404
    assert not ConsultationTranslation.objects.exists()
