"""The national demo's bulk writer: the national mix at a small size (counts, every batch
keyed without collisions), the same rows for the same seed, and what services derive (status
history along the state machine, discharges, scores, SIMD from the postcode, supported links
sent to the service's owner) derived the same way."""

from __future__ import annotations

import itertools
import random
from collections import Counter
from io import StringIO
from typing import Any

import pytest
from django.db import transaction
from django.utils import timezone

from linkwork.casework import demo
from linkwork.casework import models as m
from linkwork.casework.demo_bulk import ENDED
from linkwork.casework.guards import service_writes
from linkwork.casework.states import TRANSITIONS, CaseStatus
from linkwork.core import demo as core_demo
from linkwork.core.demo_bulk import Table
from linkwork.core.models import Organisation
from linkwork.directory import demo as directory_demo
from linkwork.outcomes import demo as outcomes_demo
from linkwork.outcomes.models import Administration
from linkwork.outcomes.scoring import score
from tests.casework.factories import PersonFactory
from tests.places.factories import DataZoneFactory, PostcodeFactory

pytestmark = pytest.mark.django_db

PEOPLE = 150


@pytest.fixture
def national(monkeypatch: pytest.MonkeyPatch) -> None:
    """The national mix (900 practices cut to 20, 1% at the demo worker's practices, 8
    encounters per engaged case) at 150 people, in batches of 40 so keys are reserved more
    than once; two postcodes, one in the most and one in the least deprived quintile."""
    monkeypatch.setitem(core_demo.SCALE_PRACTICES, "national", 20)
    monkeypatch.setitem(demo.SCALES, "national", (PEOPLE, 8))
    monkeypatch.setattr(demo, "BATCH", 40)
    monkeypatch.setitem(directory_demo.SCALE_SERVICES, "national", 60)
    PostcodeFactory()
    PostcodeFactory(
        postcode="EH9 2AB",
        data_zone=DataZoneFactory(
            code="S01008888", simd_rank=6900, simd_decile=10, simd_quintile=5
        ),
    )
    out = StringIO()
    core_demo.generate(scale="national", rng=random.Random("1-core"), stdout=out)
    directory_demo.generate(scale="national", rng=random.Random("1-directory"), stdout=out)


def _generate(seed: int = 1) -> dict[str, int]:
    counts = demo.generate(
        scale="national", rng=random.Random(f"{seed}-casework"), stdout=StringIO()
    )
    counts.update(
        outcomes_demo.generate(
            scale="national", rng=random.Random(f"{seed}-outcomes"), stdout=StringIO()
        )
    )
    return counts


def _content() -> dict[str, list[tuple[Any, ...]]]:
    """Every generated row without keys of its own or of other generated rows (they differ
    between two runs on PostgreSQL, whose sequences do not roll back), in key order."""
    people = dict(m.Person.objects.values_list("id", "chi"))
    case_chi = {c: people[p] for c, p in m.Case.objects.values_list("id", "person_id")}
    out: dict[str, list[tuple[Any, ...]]] = {}
    for model in [
        m.Person,
        m.Referral,
        m.Case,
        m.StatusChange,
        m.Encounter,
        m.WhatMatters,
        m.Goal,
        m.Consent,
        m.Discharge,
        m.ServiceLink,
        Administration,
    ]:
        rows = []
        for row in model._base_manager.order_by("pk").values():
            row.pop("id")
            for key in ("created_at", "updated_at", "recorded_at"):
                row.pop(key, None)
            if "person_id" in row:
                row["person_id"] = people[row["person_id"]]
            if "case_id" in row:
                row["case_id"] = case_chi.get(row["case_id"])
            row.pop("referral_id", None)
            rows.append(tuple(sorted(row.items())))
        out[model.__name__] = rows
    return out


def test_national_mix_at_a_small_size_counts_what_it_writes(national: None) -> None:
    counts = _generate()
    assert counts["people"] == m.Person.objects.count() == PEOPLE
    assert counts["referrals"] == counts["cases"] == m.Case.objects.count() == PEOPLE
    assert counts["encounters"] == m.Encounter.objects.count() > PEOPLE
    assert counts["goals"] == m.Goal.objects.count() == counts["what_matters"]
    assert counts["links"] == m.ServiceLink.objects.count() > 0
    assert counts["administrations"] == Administration.objects.count() > PEOPLE / 2
    # Keys reserved batch by batch: every case has its own referral and person.
    assert m.Case.objects.values("referral").distinct().count() == PEOPLE
    assert set(m.Case.objects.values_list("person_id", flat=True)) == set(
        m.Person.objects.values_list("id", flat=True)
    )
    # People spread over the practices; most are not at the demo link worker's two.
    practices = Counter(m.Person.objects.values_list("gp_practice", flat=True))
    home = list(Organisation.objects.filter(kind="gp_practice").order_by("id")[:2])
    assert len(practices) > 10
    assert sum(practices[p.pk] for p in home) < PEOPLE / 4
    # The application goes on after the demo: new rows take keys past the reserved ones.
    with service_writes():
        later = PersonFactory()
    assert later.pk > max(m.Person.objects.exclude(pk=later.pk).values_list("pk", flat=True))


def test_the_same_seed_gives_the_same_rows_and_another_seed_other_rows(
    national: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: now)  # dates are drawn back from now
    for seed in (1, 2):
        with transaction.atomic():
            _generate(seed)
            if seed == 1:
                first = _content()
            else:
                other = _content()
            transaction.set_rollback(True)
    assert not m.Person.objects.exists()
    _generate(1)
    assert _content() == first
    assert other["Person"] != first["Person"] and other["Encounter"] != first["Encounter"]


def test_derived_fields_are_what_the_services_would_write(national: None) -> None:
    _generate()
    cases = m.Case.objects.all()
    for case in cases:
        steps = list(
            case.status_changes.order_by("at", "id").values_list("from_status", "to_status")
        )
        assert steps[0] == ("", CaseStatus.RECEIVED)
        for (_, before), (after_from, after) in itertools.pairwise(steps):
            assert after_from == before and after in TRANSITIONS[before]
        assert steps[-1][1] == case.status
        ended = case.status in ENDED
        assert (case.closed_at is not None) == ended
        assert hasattr(case, "discharge") == ended
        assert (case.next_follow_up is not None) == (case.status == CaseStatus.ACTIVE)
        assert case.version == 1
    person = m.Person.objects.order_by("id").first()
    assert person is not None and person.created_at is not None and person.version == 1
    for p in m.Person.objects.all():
        expected = {"DG1 1AA": (1, 1), "EH9 2AB": (10, 5)}[p.postcode]
        assert (p.simd_decile, p.simd_quintile) == expected
        assert p.simd_version and p.data_zone
    for link in m.ServiceLink.objects.select_related("service__organization"):
        owner = link.service.owner_id or (
            link.service.organization.owner_id if link.service.organization else None
        )
        assert link.receiving_organisation_id == owner
        assert (link.kind == "supported") == (owner is not None)
        assert link.changes.exists()
    for a in Administration.objects.all():
        result = score(a.instrument, a.answers)
        assert a.result == {**result.as_dict(), "reasons": result.reasons}
        assert a.valid == result.valid
    assert Administration.objects.filter(instrument="phq9").exists()


def test_more_deprived_postcodes_are_referred_more(national: None) -> None:
    _generate()
    by_quintile = Counter(m.Person.objects.values_list("simd_quintile", flat=True))
    # Quintile 1 is weighted five times quintile 5.
    assert by_quintile[1] > 3 * by_quintile[5] > 0


def test_table_writes_json_and_fills_defaults_and_refuses_an_unknown_column() -> None:
    now = timezone.now()
    table = Table(m.Person, ["id", "given_name", "contact_methods"], now=now)
    first = table.reserve(2)
    with service_writes():
        assert table.write([(first, "Ada", ["sms", "phone"]), (first + 1, "Bea", [])]) == 2
    ada, bea = m.Person.objects.order_by("id")
    assert (ada.pk, ada.given_name, ada.contact_methods) == (first, "Ada", ["sms", "phone"])
    assert bea.contact_methods == [] and bea.family_name == "" and bea.version == 1
    # The time the table was opened (COPY), or the time of the insert (bulk_create's save).
    assert now <= ada.created_at <= ada.updated_at <= timezone.now()
    assert table.reserve(1) > first + 1
    with pytest.raises(ValueError, match="no column shoe_size"):
        Table(m.Person, ["shoe_size"], now=now)
