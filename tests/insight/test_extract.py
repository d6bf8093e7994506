"""The pseudonymised record-level extract: analysts with an active approval only, purpose
recorded, audited, and nothing identifying in it."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from linkwork.casework.models import Person
from linkwork.core.models import AuditEntry
from linkwork.insight.models import ExtractApproval, ResearchExtract

pytestmark = pytest.mark.django_db
URL = "insight:extract"
PURPOSE = "Dose-response analysis, section 4 of the approved plan"


def approve(user: object, programme: object, *, days: int = 30) -> ExtractApproval:
    return ExtractApproval.objects.create(
        analyst=user,
        programme=programme,
        approval_reference="PBPP 2526-0001",
        purpose="Evaluation of link working outcomes",
        expires_on=timezone.localdate() + dt.timedelta(days=days),
    )


def client_for(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_analyst_without_approval_gets_only_aggregates(world: dict) -> None:
    assert client_for(world["analyst_a"]).get(reverse(URL)).status_code == 403


def test_manager_cannot_take_an_extract_even_with_an_approval(world: dict) -> None:
    approve(world["manager_a"], world["a"])
    assert client_for(world["manager_a"]).get(reverse(URL)).status_code == 403


def test_expired_approval_is_refused(world: dict) -> None:
    approve(world["analyst_a"], world["a"], days=-1)
    assert client_for(world["analyst_a"]).get(reverse(URL)).status_code == 403


def test_approval_for_another_programme_does_not_open_this_one(world: dict) -> None:
    approve(world["analyst_a"], world["b"])
    client = client_for(world["analyst_a"])
    assert client.get(reverse(URL)).status_code == 403
    assert client.get(reverse(URL), {"programme": world["b"].pk}).status_code == 403


def test_purpose_is_required(world: dict) -> None:
    approve(world["analyst_a"], world["a"])
    response = client_for(world["analyst_a"]).post(reverse(URL), {"purpose": ""})
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    assert not ResearchExtract.objects.exists()


def test_extract_is_pseudonymised_recorded_and_audited(world: dict) -> None:
    approve(world["analyst_a"], world["a"])
    response = client_for(world["analyst_a"]).post(reverse(URL), {"purpose": PURPOSE})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 42  # one SWEMWBS row per case in programme A
    body = response.content.decode()
    for person in Person.objects.all():
        assert person.chi not in body
        assert person.family_name not in body
    assert all(len(r["referral_month"]) == 7 for r in rows)
    assert all(len(r["birth_month"]) in (0, 7) for r in rows)
    assert {r["data_zone"] for r in rows} <= {"", *[f"S019999{d:02d}" for d in range(10)]}
    assert len({r["pseudonym"] for r in rows}) == 42
    record = ResearchExtract.objects.get()
    assert record.purpose == PURPOSE and record.rows == 42
    entry = AuditEntry.objects.get(object_type="insight.researchextract")
    assert entry.action == "export" and entry.detail["count"] == 42
    assert PURPOSE not in str(entry.detail)


def test_pseudonyms_are_stable_within_an_approval_and_differ_across(world: dict) -> None:
    first = approve(world["analyst_a"], world["a"])
    client = client_for(world["analyst_a"])

    def pseudonyms() -> set[str]:
        body = client.post(reverse(URL), {"purpose": PURPOSE}).content.decode()
        return {r["pseudonym"] for r in csv.DictReader(io.StringIO(body))}

    one, two = pseudonyms(), pseudonyms()
    assert one == two
    first.revoked_at = timezone.now()
    first.save()
    approve(world["analyst_a"], world["a"])
    assert pseudonyms().isdisjoint(one)
