"""Notes from engagement events and focus groups: entered on a page, one answer per line,
tagged by event and group, analysed with the other answers; refused to other programmes."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from linkwork.core.models import AuditEntry, Organisation
from linkwork.core.roles import Role
from linkwork.engagement import services
from linkwork.engagement.models import Answer, Response
from tests.core.factories import OrganisationFactory, make_user
from tests.engagement.factories import ConsultationFactory, with_questions, word_embed

pytestmark = pytest.mark.django_db


def _setup() -> tuple[object, dict[str, object], object, object]:
    programme = OrganisationFactory(kind=Organisation.Kind.PROGRAMME)
    consultation = ConsultationFactory(organisation=programme)
    questions = with_questions(consultation)
    analyst = make_user(Role.ANALYST, organisations=(programme,))
    other = make_user(
        Role.PROGRAMME_MANAGER,
        organisations=(OrganisationFactory(kind=Organisation.Kind.PROGRAMME),),
    )
    return consultation, questions, analyst, other


def test_notes_become_tagged_answers_that_the_theme_analysis_includes() -> None:
    consultation, questions, analyst, _other = _setup()
    client = Client()
    client.force_login(analyst)
    url = reverse("engagement:event_notes", args=[consultation.pk])
    page = client.get(url)
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    got = client.post(url, {
        "question": questions["open"].pk, "event_name": "Perth gathering",
        "held_on": "2026-03-12", "group": "Table 3",
        "notes": "the bus never comes\n\n  naebody came back to us  \nbus fares too dear\n",
    })  # fmt: skip
    assert got.status_code == 302
    responses = Response.objects.filter(consultation=consultation, source="event")
    assert responses.count() == 3
    assert {r.breakout_group for r in responses} == {"Table 3"}
    assert {r.event.name for r in responses} == {"Perth gathering"}  # type: ignore[union-attr]
    assert responses.first().event.held_on.isoformat() == "2026-03-12"  # type: ignore[union-attr]
    texts = set(Answer.objects.filter(response__in=responses).values_list("text", flat=True))
    assert "naebody came back to us" in texts
    assert AuditEntry.objects.filter(object_type="engagement.event", actor=analyst).exists()
    run = services.run_themes(
        actor=analyst, question=questions["open"], n_themes=2, embed=word_embed
    )
    analysed = set(run.assignments.values_list("answer__text", flat=True))
    assert texts <= analysed


def test_mistakes_are_shown_in_the_error_summary() -> None:
    consultation, questions, analyst, _other = _setup()
    client = Client()
    client.force_login(analyst)
    url = reverse("engagement:event_notes", args=[consultation.pk])
    got = client.post(url, {"question": questions["single"].pk, "event_name": "", "notes": "  "})
    html = got.content.decode()
    assert got.status_code == 400 and "ds_error-summary" in html
    assert "Select a valid choice" in html  # only open questions take notes
    assert 'href="#id_event_name"' in html and 'href="#id_notes"' in html
    too_many = "\n".join(f"note {n}" for n in range(501))
    got = client.post(
        url, {"question": questions["open"].pk, "event_name": "Big", "notes": too_many}
    )
    assert got.status_code == 400 and "at most 500 notes" in got.content.decode()
    assert not Response.objects.exists()


def test_another_programmes_staff_and_other_roles_cannot_read_or_write() -> None:
    consultation, questions, _analyst, other = _setup()
    url = reverse("engagement:event_notes", args=[consultation.pk])
    data = {"question": questions["open"].pk, "event_name": "Fake", "notes": "spam"}
    attacker = Client()
    attacker.force_login(other)
    assert attacker.get(url).status_code == 404
    assert attacker.post(url, data).status_code == 404
    worker = Client()
    worker.force_login(make_user(Role.LINK_WORKER))
    assert worker.get(url).status_code == 403 and worker.post(url, data).status_code == 403
    assert Client().post(url, data).status_code == 302  # to sign in
    # A question of another consultation, smuggled into the form, is refused.
    theirs = ConsultationFactory(organisation=consultation.organisation)
    foreign = with_questions(theirs)["open"]
    own = Client()
    own.force_login(_analyst)
    got = own.post(url, {**data, "question": foreign.pk})
    assert got.status_code == 400
    assert not Response.objects.exists()
