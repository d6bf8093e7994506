"""Building a consultation on the web: details, questions of each kind with options, order,
dates, publishing; errors shown in the error summary; every write audited; another programme's
staff get 404 and change nothing, other roles 403."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from linkwork.core.models import AuditEntry, Membership, Organisation
from linkwork.core.roles import Role
from linkwork.engagement.models import Consultation, Question
from tests.core.factories import OrganisationFactory, make_user
from tests.engagement.factories import ConsultationFactory

pytestmark = pytest.mark.django_db

DETAILS = {
    "title": "Getting to appointments",
    "summary": "Tell us how you get to your GP and hospital.",
    "consent_text": "We use your answers to plan transport support.",
    "privacy_notice": "The programme keeps answers for two years.",
    "anonymous": "on",
    "ask_profile": "on",
    "opens_on": "2026-01-01",
    "closes_on": "2030-12-31",
}
QUESTIONS = [
    {"kind": "open", "text": "What makes it hard to get there?", "required": "on"},
    {"kind": "single", "text": "Do you drive?", "choices": "Yes\nNo\n\n"},
    {"kind": "multiple", "text": "How do you travel?", "choices": "Bus\nTaxi\nLift from family"},
    {"kind": "scale", "text": "How easy is it?", "scale_min": "1", "scale_max": "5",
     "scale_min_label": "Very hard", "scale_max_label": "Very easy", "symbol": "1F68C"},
]  # fmt: skip


def world() -> dict[str, Any]:
    programme = OrganisationFactory(kind=Organisation.Kind.PROGRAMME, name="North programme")
    other = OrganisationFactory(kind=Organisation.Kind.PROGRAMME, name="South programme")
    practice = OrganisationFactory(programme=programme)
    return {
        "programme": programme, "other": other,
        "manager": make_user(Role.PROGRAMME_MANAGER, organisations=(programme,)),
        "other_manager": make_user(Role.PROGRAMME_MANAGER, organisations=(other,)),
        "analyst": make_user(Role.ANALYST, organisations=(programme,)),
        "link_worker": make_user(Role.LINK_WORKER, organisations=(practice,)),
    }  # fmt: skip


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def build(client: Client, programme: Organisation) -> Consultation:
    got = client.post(
        reverse("engagement:consultation_create"), {**DETAILS, "organisation": programme.pk}
    )
    assert got.status_code == 302, got.content.decode()[:2000]
    consultation = Consultation.objects.get(title=DETAILS["title"])
    for data in QUESTIONS:
        url = reverse("engagement:question_add", args=[consultation.pk])
        assert client.post(url, data).status_code == 302
    return consultation


def test_a_manager_builds_orders_and_publishes_a_consultation_people_can_then_answer() -> None:
    w = world()
    client = client_for(w["manager"])
    consultation = build(client, w["programme"])
    assert consultation.is_draft and consultation.slug == "getting-to-appointments"
    public = reverse("engagement:respond", args=[consultation.slug])
    assert Client().get(public).status_code == 404  # a draft is not public
    questions = list(consultation.questions.order_by("position"))
    assert [q.kind for q in questions] == ["open", "single", "multiple", "scale"]
    assert questions[1].choices == ["Yes", "No"] and questions[0].required
    assert questions[3].scale_max_label == "Very easy" and questions[3].symbol == "1F68C"
    move = reverse("engagement:question_move", args=[consultation.pk, questions[3].pk])
    client.post(move, {"to": "up"})
    order = list(consultation.questions.order_by("position").values_list("kind", flat=True))
    assert order == ["open", "single", "scale", "multiple"]
    edit = reverse("engagement:question_edit", args=[consultation.pk, questions[1].pk])
    assert "Yes\nNo" in client.get(edit).content.decode()
    client.post(edit, {"kind": "single", "text": "Do you drive a car?", "choices": "Yes\nNo"})
    remove = reverse("engagement:question_remove", args=[consultation.pk, questions[2].pk])
    assert client.post(remove).status_code == 302
    assert list(consultation.questions.order_by("position").values_list("position", "text")) == [
        (1, "What makes it hard to get there?"), (2, "Do you drive a car?"),
        (3, "How easy is it?"),
    ]  # fmt: skip
    page = client.get(reverse("engagement:consultation_build", args=[consultation.pk]))
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert "vendor/openmoji/1F68C.svg" in page.content.decode()
    publish = reverse("engagement:consultation_publish", args=[consultation.pk])
    assert client.post(publish).status_code == 302
    consultation.refresh_from_db()
    assert not consultation.is_draft
    form = Client().get(public)
    assert form.status_code == 200 and "Do you drive a car?" in form.content.decode()
    kinds = set(AuditEntry.objects.filter(actor=w["manager"]).values_list("object_type", "action"))
    assert ("engagement.consultation", "create") in kinds
    assert ("engagement.question", "create") in kinds
    assert ("engagement.question", "delete") in kinds
    assert ("engagement.consultation", "update") in kinds


def test_mistakes_are_shown_in_the_error_summary_and_nothing_is_saved() -> None:
    w = world()
    client = client_for(w["manager"])
    got = client.post(
        reverse("engagement:consultation_create"),
        {**DETAILS, "title": "", "closes_on": "2025-01-01", "organisation": w["programme"].pk},
    )
    html = got.content.decode()
    assert got.status_code == 400 and "ds_error-summary" in html
    assert 'href="#id_title"' in html and 'href="#id_closes_on"' in html
    assert 'value="We use your answers to plan transport support."' not in html  # a textarea
    assert "We use your answers to plan transport support." in html  # kept as typed
    assert not Consultation.objects.exists()
    consultation = build(client, w["programme"])
    add = reverse("engagement:question_add", args=[consultation.pk])
    for data, message in [
        ({"kind": "single", "text": "Pick one", "choices": "Only"}, "at least two options"),
        ({"kind": "multiple", "text": "Pick", "choices": "A\nA"}, "Each option must be different"),
        ({"kind": "scale", "text": "Rate", "scale_min": "5", "scale_max": "2"}, "must go up"),
        ({"kind": "open", "text": ""}, "This field is required"),
        ({"kind": "nonsense", "text": "x"}, "Select a valid choice"),
    ]:
        page = client.post(add, data)
        assert page.status_code == 400 and message in page.content.decode(), message
        assert "ds_error-summary" in page.content.decode()
    assert consultation.questions.count() == len(QUESTIONS)


def test_publishing_needs_questions_and_then_the_questions_are_fixed() -> None:
    w = world()
    client = client_for(w["manager"])
    client.post(
        reverse("engagement:consultation_create"), {**DETAILS, "organisation": w["programme"].pk}
    )
    consultation = Consultation.objects.get()
    publish = reverse("engagement:consultation_publish", args=[consultation.pk])
    refused = client.post(publish)
    assert refused.status_code == 400 and "Add at least one question" in refused.content.decode()
    consultation.refresh_from_db()
    assert consultation.is_draft
    client.post(reverse("engagement:question_add", args=[consultation.pk]), QUESTIONS[0])
    assert client.post(publish).status_code == 302
    add = client.post(reverse("engagement:question_add", args=[consultation.pk]), QUESTIONS[1])
    assert add.status_code == 400 and "can no longer change" in add.content.decode()
    assert consultation.questions.count() == 1
    build_url = reverse("engagement:consultation_build", args=[consultation.pk])
    assert client.post(build_url, {"closes_on": "2031-06-30"}).status_code == 302
    consultation.refresh_from_db()
    assert consultation.closes_at is not None and consultation.closes_at.year == 2031
    assert consultation.title == DETAILS["title"]


def test_another_programmes_staff_get_404_and_change_nothing() -> None:
    w = world()
    consultation = build(client_for(w["manager"]), w["programme"])
    question = consultation.questions.order_by("position").first()
    assert question is not None
    attacker = client_for(w["other_manager"])
    reads = [
        reverse("engagement:consultation_build", args=[consultation.pk]),
        reverse("engagement:question_add", args=[consultation.pk]),
        reverse("engagement:question_edit", args=[consultation.pk, question.pk]),
    ]
    for url in reads:
        assert attacker.get(url).status_code == 404, url
    writes = [
        (reads[0], {**DETAILS, "title": "Hijacked"}),
        (reads[1], QUESTIONS[0]),
        (reads[2], {"kind": "open", "text": "Hijacked"}),
        (reverse("engagement:question_move", args=[consultation.pk, question.pk]), {"to": "down"}),
        (reverse("engagement:question_remove", args=[consultation.pk, question.pk]), {}),
        (reverse("engagement:consultation_publish", args=[consultation.pk]), {}),
    ]
    for url, data in writes:
        assert attacker.post(url, data).status_code == 404, url
    # Creating one for a programme that is not theirs: the choice is refused.
    got = attacker.post(
        reverse("engagement:consultation_create"),
        {**DETAILS, "title": "Elsewhere", "organisation": w["programme"].pk},
    )
    assert got.status_code == 400 and not Consultation.objects.filter(title="Elsewhere").exists()
    consultation.refresh_from_db()
    question.refresh_from_db()
    assert consultation.title == DETAILS["title"] and consultation.is_draft
    assert question.text == QUESTIONS[0]["text"] and question.position == 1
    assert consultation.questions.count() == len(QUESTIONS)


def test_other_roles_get_403_signed_out_people_sign_in_and_a_leaver_loses_access() -> None:
    w = world()
    consultation = build(client_for(w["manager"]), w["programme"])
    build_url = reverse("engagement:consultation_build", args=[consultation.pk])
    create_url = reverse("engagement:consultation_create")
    for who in ("analyst", "link_worker"):
        client = client_for(w[who])
        assert client.get(build_url).status_code == 403
        assert client.get(create_url).status_code == 403
        assert client.post(build_url, {**DETAILS, "title": "x"}).status_code == 403
    assert Client().get(build_url).status_code == 302
    Membership.objects.filter(user=w["manager"]).delete()
    leaver = client_for(w["manager"])
    assert leaver.get(build_url).status_code == 404
    assert leaver.post(build_url, {**DETAILS, "title": "x"}).status_code == 404
    consultation.refresh_from_db()
    assert consultation.title == DETAILS["title"]


def test_a_questions_id_from_another_consultation_is_not_found() -> None:
    w = world()
    mine = build(client_for(w["manager"]), w["programme"])
    theirs = ConsultationFactory(organisation=w["other"], is_draft=True)
    foreign = Question.objects.create(consultation=theirs, kind="open", text="Theirs")
    url = reverse("engagement:question_edit", args=[mine.pk, foreign.pk])
    client = client_for(w["manager"])
    assert client.get(url).status_code == 404
    assert client.post(url, {"kind": "open", "text": "Mine now"}).status_code == 404
    foreign.refresh_from_db()
    assert foreign.text == "Theirs"
