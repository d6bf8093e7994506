"""The Easy Read self-referral form: linked from the standard form, a shipped openly licensed
picture beside each question, short sentences, the attribution shown, and the same service
behind it (a request sent here is the same referral as one sent from the standard form)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

import linkwork
from linkwork.casework.forms import EasyReadSelfReferralForm
from linkwork.casework.models import Referral
from linkwork.core.roles import Role
from tests.casework.factories import PracticeFactory
from tests.core.factories import make_user

pytestmark = pytest.mark.django_db

EASY = "/ask-for-a-link-worker/easy-read/"
OPENMOJI = Path(linkwork.__file__).parent / "static" / "vendor" / "openmoji"


def test_the_standard_form_links_to_the_easy_read_version(client: Client) -> None:
    page = client.get("/ask-for-a-link-worker/").content.decode()
    assert f'href="{EASY}"' in page


def test_a_picture_beside_every_question_from_the_shipped_symbols(client: Client) -> None:
    page = client.get(EASY).content.decode()
    pictures = re.findall(r'src="/static/vendor/openmoji/([0-9A-F-]+)\.svg"', page)
    assert set(EasyReadSelfReferralForm.SYMBOLS.values()) <= set(pictures)
    for hexcode in pictures:
        assert (OPENMOJI / f"{hexcode}.svg").is_file(), hexcode
    # decorative next to the words, so screen readers skip them
    assert all('alt=""' in img for img in re.findall(r"<img [^>]*>", page))
    licence = (OPENMOJI / "LICENSE.md").read_text()
    assert "17.0.0" in licence and "CC BY-SA 4.0" in licence
    assert "OpenMoji" in page and "https://creativecommons.org/licenses/by-sa/4.0/" in page
    assert "easy-read.css" in page and "<script>" not in page.split("<main")[1]


def test_questions_are_short_and_one_idea_to_a_line(client: Client) -> None:
    form = EasyReadSelfReferralForm()
    for name, field in form.fields.items():
        for text in (field.label, field.help_text):
            for sentence in filter(None, re.split(r"(?<=[.?!])\s+", str(text or ""))):
                assert len(sentence.split()) <= 10, (name, sentence)


def test_a_request_goes_through_the_same_service(client: Client) -> None:
    practice = PracticeFactory(name="Riverside Medical Practice")
    make_user(Role.LINK_WORKER, organisations=(practice,))
    response = client.post(
        EASY,
        {
            "given_name": "Jo",
            "family_name": "Bell",
            "phone": "07700 900000",
            "safe_to_leave_message": "yes",
            "postcode": "eh11ab",
            "practice": practice.pk,
            "reasons": ["money"],
            "person_agreed": "on",
        },
    )
    assert (
        response.status_code == 302 and response["Location"] == "/ask-for-a-link-worker/thank-you/"
    )
    referral = Referral.objects.get()
    assert referral.source == Referral.Source.SELF and referral.person.family_name == "Bell"
    assert referral.person.gp_practice == practice


def test_mistakes_are_explained_in_easy_words(client: Client) -> None:
    response = client.post(EASY, {"reason_detail": ""})
    assert response.status_code == 422
    page = response.content.decode()
    assert "There is a problem" in page and "This field is required." not in page
    for message in (
        "Write your first name.",
        "Write your postcode.",
        "Choose your doctor.",
        "Choose one thing or more.",
        "Tick the box.",
    ):
        assert message in page, message
