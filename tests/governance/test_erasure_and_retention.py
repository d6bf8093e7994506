"""Anonymisation leaves no personal value behind; retention's dry run equals its real run."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.utils import timezone

from linkwork.casework.guards import service_writes
from linkwork.casework.models import Case, Person
from linkwork.core import audit
from linkwork.core.models import AuditEntry
from linkwork.governance import classification as cls
from linkwork.governance import erasure
from linkwork.governance.subject_access import SUBJECT_PATHS
from linkwork.outcomes.models import SelfCompletionLink
from tests.casework.factories import PracticeFactory
from tests.core.factories import make_user
from tests.governance.factories import dpo_of, full_record

pytestmark = pytest.mark.django_db


def _personal_text_values(person: Person) -> set[str]:
    """Every identifying or free-text value about the person, from the classification."""
    found: set[str] = set()
    for label, (path, _practice) in SUBJECT_PATHS.items():
        model = apps.get_model(label)
        wanted = set(erasure.erased_values(label))
        for row in model._default_manager.filter(**{path: person.pk}).values():
            for column, value in row.items():
                if column in wanted and isinstance(value, str) and value:
                    found.add(value)
    return found


def _every_column_of_every_record(person: Person) -> list[object]:
    values: list[object] = []
    for label, (path, _practice) in SUBJECT_PATHS.items():
        model = apps.get_model(label)
        for row in model._default_manager.filter(**{path: person.pk}).values():
            values.extend(row.values())
    return values


def test_anonymisation_leaves_no_personal_value_in_any_column():
    person = full_record()
    secrets = _personal_text_values(person)
    assert {person.chi, person.given_name, person.family_name} <= secrets
    assert any("Secret encounter notes" in s for s in secrets)
    erasure.anonymise_person(actor=None, person=person, reason_code="request")
    remaining = _every_column_of_every_record(person)
    leaked = [v for v in remaining if isinstance(v, str) and v in secrets]
    assert leaked == []
    person.refresh_from_db()
    assert person.date_of_birth is None and person.email == "" and person.postcode == ""
    assert erasure.is_anonymised(person)


def test_anonymisation_covers_every_personal_field_except_those_kept_for_aggregates():
    for label in SUBJECT_PATHS:
        erased = set(erasure.erased_values(label))
        model = apps.get_model(label)
        for name in cls.personal_fields(model):
            if label == "casework.person":
                assert name in erased or name in erasure.PERSON_KEEP, name
            else:
                f = model._meta.get_field(name)
                free_text = f.get_internal_type() in ("CharField", "TextField") and not f.choices
                if free_text and (label, name) not in erasure.CODED_TEXT:
                    assert name in erased, f"{label}.{name}"


def test_anonymisation_keeps_the_rows_and_audits_that_it_happened_without_content():
    person = full_record()
    name = person.family_name
    cases = Case.objects.filter(person=person).count()
    erasure.anonymise_person(actor=None, person=person, reason_code="request")
    assert Person.objects.filter(pk=person.pk).exists()
    assert Case.objects.filter(person=person).count() == cases
    entry = AuditEntry.objects.get(detail__via="anonymise")
    assert entry.object_id == str(person.pk) and entry.detail["reason_code"] == "request"
    assert name not in str(entry.detail)
    assert audit.verify_chain().ok


def test_only_a_dpo_in_scope_may_anonymise():
    practice = PracticeFactory()
    person = full_record(practice)
    with pytest.raises(PermissionDenied):
        erasure.anonymise_person(
            actor=make_user("link_worker", organisations=(practice,)),
            person=person,
            reason_code="request",
        )
    with pytest.raises(PermissionDenied):
        erasure.anonymise_person(
            actor=dpo_of(PracticeFactory()), person=person, reason_code="request"
        )
    erasure.anonymise_person(actor=dpo_of(practice), person=person, reason_code="request")


def _retention_scenario() -> tuple[Person, Person]:
    old, recent = full_record(), full_record()
    long_ago = timezone.now() - dt.timedelta(days=7 * 365)
    with service_writes():
        Case.objects.filter(person=old).update(status="closed", closed_at=long_ago)
        Case.objects.filter(person=recent).update(
            status="closed", closed_at=timezone.now() - dt.timedelta(days=10)
        )
        SelfCompletionLink.objects.filter(person=old).update(expires_at=long_ago)
    return old, recent


def test_retention_anonymises_people_whose_cases_closed_long_ago_only():
    old, recent = _retention_scenario()
    plan = erasure.apply_retention(dry_run=False)
    assert plan.people_to_anonymise == [old.pk]
    old.refresh_from_db()
    recent.refresh_from_db()
    assert erasure.is_anonymised(old) and not erasure.is_anonymised(recent)
    assert not SelfCompletionLink.objects.filter(person=old).exists()
    assert SelfCompletionLink.objects.filter(person=recent).exists()
    assert erasure.plan_retention().people_to_anonymise == []  # nothing left to do
    assert AuditEntry.objects.filter(detail__via="retention").exists()


def test_retention_dry_run_prints_exactly_what_the_real_run_does():
    old, _recent = _retention_scenario()
    before = _every_column_of_every_record(old)
    dry = io.StringIO()
    call_command("apply-retention", "--dry-run", stdout=dry)
    assert _every_column_of_every_record(old) == before  # the dry run changed nothing
    real = io.StringIO()
    call_command("apply-retention", stdout=real)
    dry_lines = [line.removeprefix("would ") for line in dry.getvalue().splitlines()]
    assert dry_lines == real.getvalue().splitlines()
    assert AuditEntry.objects.filter(detail__via="retention_dry_run").exists()
