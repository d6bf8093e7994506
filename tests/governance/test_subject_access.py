"""Subject access: everything held about a person, scoped, logged, JSON and PDF."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from linkwork.core.models import AuditEntry
from linkwork.governance import classification as cls
from linkwork.governance import subject_access as sar
from linkwork.governance.models import SubjectAccessRequest
from tests.casework.factories import CaseFactory, PracticeFactory
from tests.core.factories import make_user
from tests.governance.factories import dpo_of, full_record

pytestmark = pytest.mark.django_db


def test_every_classified_model_is_either_reachable_from_the_person_or_declared_not_personal():
    labels = set(cls.classification())
    assert labels == set(sar.SUBJECT_PATHS) | sar.NOT_ABOUT_A_PERSON


def test_subject_access_contains_every_personal_field_the_classification_lists():
    person = full_record()
    data = sar.collect(person, organisation_ids=None)
    for label, (_path, _practice) in sar.SUBJECT_PATHS.items():
        rows = data["records"][label]
        assert rows, f"no {label} rows for the person"
        wanted = {
            name
            for name, level in cls.classification()[label].items()
            if level in (cls.PERSONAL, cls.SPECIAL)
        } - sar.WITHHELD
        for row in rows:
            missing = wanted - set(row)
            assert not missing, f"{label} lacks {sorted(missing)}"
    assert data["records"]["casework.person"][0]["family_name"] == person.family_name


def test_subject_access_includes_who_accessed_the_record():
    from linkwork.core import audit

    person = full_record()
    worker = make_user("link_worker", username="lw-seen")
    audit.record(audit.Action.VIEW, person, actor=worker)
    data = sar.collect(person, organisation_ids=None)
    assert [e["by"] for e in data["who_accessed_the_record"]] == ["lw-seen"]


def test_subject_access_is_scoped_to_the_controllers_cases():
    mine, theirs = PracticeFactory(), PracticeFactory()
    person = full_record(mine)
    CaseFactory(referral__person=person, practice=theirs)
    data = sar.collect(person, organisation_ids={mine.pk})
    assert {c["practice"] for c in data["records"]["casework.case"]} == {str(mine)}
    everything = sar.collect(person, organisation_ids=None)
    assert len(everything["records"]["casework.case"]) == 2


def test_the_dpo_logs_a_request_and_answers_it_with_dates_and_audit(client):
    practice = PracticeFactory()
    person = full_record(practice)
    dpo = dpo_of(practice)
    client.force_login(dpo)
    url = reverse("governance:subject_access", args=[person.pk])
    client.post(url, {"produce": "log"})
    request = SubjectAccessRequest.objects.get()
    assert request.due_on == request.received_on + dt.timedelta(days=30)
    page = client.get(url).content.decode()
    assert request.due_on.strftime("%Y-%m-%d") in page and "one month" in page
    response = client.post(url, {"produce": "json"})
    data = json.loads(response.content)
    assert data["request"]["received_on"] == request.received_on.isoformat()
    request.refresh_from_db()
    assert request.fulfilled_on == timezone.localdate()
    assert AuditEntry.objects.filter(action="export", detail__via="subject_access_web").exists()
    assert "no-store" in response["Cache-Control"]
    pdf = client.post(url, {"produce": "pdf"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_a_dpo_cannot_get_another_organisations_person(client):
    person = full_record(PracticeFactory())
    client.force_login(dpo_of(PracticeFactory()))
    url = reverse("governance:subject_access", args=[person.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"produce": "json"}).status_code == 403
    client.force_login(make_user("link_worker", organisations=(person.gp_practice,)))
    assert client.post(url, {"produce": "json"}).status_code == 403


def test_subject_access_command_writes_json_and_pdf(tmp_path):
    person = full_record()
    call_command("subject-access", str(person.pk), str(tmp_path / "out"))
    data = json.loads((tmp_path / "out" / "subject-access.json").read_text())
    assert data["person_id"] == person.pk
    assert (tmp_path / "out" / "subject-access.pdf").read_bytes().startswith(b"%PDF")
    assert SubjectAccessRequest.objects.get().fulfilled_on == timezone.localdate()
