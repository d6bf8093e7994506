"""The kept facts (decision 0014): every dashboard's figures from them equal the figures
computed directly from the source rows, with every filter; they follow new and changed
encounters, referrals, people, links and outcome scores; they are read only scoped to one
programme; and pages read them in a constant number of queries."""

from __future__ import annotations

import datetime as dt
import random

import pandas as pd
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from linkwork.casework.guards import service_writes
from linkwork.casework.models import Case, Discharge, Encounter, ServiceLink
from linkwork.casework.states import CaseStatus
from linkwork.insight import kept, selectors
from linkwork.insight.activity import activity
from linkwork.insight.effects import effects, kept_frame, person_frame, primary_score
from linkwork.insight.gaps import LEVELS, gaps
from linkwork.insight.models import CaseFact, FactChange, KeptState
from linkwork.insight.reach import reach
from linkwork.insight.selectors import Filters
from tests.casework.factories import make_service
from tests.core.factories import make_user
from tests.insight import factories as f
from tests.insight.test_views import page_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> dict[str, object]:
    a, b = f.programme("Programme A"), f.programme("Programme B")
    made = f.populated(a, random.Random(1), people=40)
    f.populated(b, random.Random(2), people=12)
    worker = make_user("link_worker", username="worker-a")
    zones = f.areas()
    rng = random.Random(7)
    with service_writes():
        for i, c in enumerate(made):
            c.link_worker = worker if i % 3 else None
            c.status = [CaseStatus.ACTIVE, CaseStatus.ALLOCATED, CaseStatus.CLOSED][i % 3]
            c.save()
            c.referral.reasons = rng.sample(
                ["money", "debt", "housing", "food", "social_isolation", "weight"], i % 3
            )
            c.referral.source = ["practice", "self"][i % 2]
            c.referral.received_at = timezone.now() - dt.timedelta(days=rng.randint(3, 500))
            c.referral.save()
            if i % 4 == 0:
                ServiceLink.objects.create(
                    case=c,
                    service=make_service(),
                    kind=ServiceLink.Kind.SUPPORTED,
                    status=[ServiceLink.Status.ATTENDING, ServiceLink.Status.SENT][i % 8 // 4],
                    sent_at=timezone.now(),
                )
            if i % 5 == 0:
                Discharge.objects.create(case=c, reason="goals_met", summary="Done.")
            if i % 6 == 0:
                Encounter.objects.create(
                    case=c,
                    occurred_at=c.referral.received_at + dt.timedelta(days=3),
                    mode=Encounter.Mode.PHONE,
                    attendance=Encounter.Attendance.DID_NOT_ATTEND,
                )
    # someone born on the day of referral's month boundary, and someone with no birth date
    f.case(made[0].practice, zone=zones[0], reasons=["debt", "money"], contacts=0)
    undated = f.case(made[1].practice, contacts=2, reasons=[])
    undated.person.date_of_birth = None
    with service_writes():
        undated.person.save()
    return {"a": a, "b": b, "worker": worker, "cases": made, "zones": zones}


def _filter_sets(world: dict) -> list[Filters]:
    today = timezone.localdate()
    default = Filters.default()
    cases: list[Case] = world["cases"]  # type: ignore[assignment]
    return [
        default,
        Filters(start=today - dt.timedelta(days=600), end=today),
        Filters(start=today - dt.timedelta(days=200), end=today - dt.timedelta(days=20)),
        Filters(start=default.start, end=default.end, practice_id=cases[0].practice_id),
        Filters(start=default.start, end=default.end, hscp="S37999901"),
        Filters(start=default.start, end=default.end, link_worker_id=world["worker"].pk),
    ]


def _both(world: dict, filters: Filters) -> tuple[object, object]:
    kept.refresh()
    programme = world["a"]
    return selectors.cases(programme, filters), selectors.facts(programme, filters)


def test_every_dashboard_figure_from_the_facts_equals_the_figure_from_the_source_rows(
    world: dict,
) -> None:
    kept.refresh(full=True)
    for filters in _filter_sets(world):
        cases, facts = _both(world, filters)
        assert facts.count() == cases.count()  # type: ignore[attr-defined]
        direct, kept_ = activity(cases), activity(facts)  # type: ignore[arg-type]
        assert kept_.tables == direct.tables, filters
        assert kept_.measures == direct.measures, filters
        assert reach(facts) == reach(cases), filters  # type: ignore[arg-type]
        for level in LEVELS:
            assert gaps(facts, level) == gaps(cases, level), (filters, level)  # type: ignore[arg-type]
        assert effects(facts, with_model=False) == effects(cases, with_model=False)  # type: ignore[arg-type]


def test_the_outcome_frame_from_the_facts_equals_the_frame_from_the_administrations(
    world: dict,
) -> None:
    kept.refresh(full=True)
    cases, facts = _both(world, Filters(start=dt.date(2000, 1, 1), end=timezone.localdate()))
    direct = person_frame(cases, "swemwbs", primary_score("swemwbs").key)  # type: ignore[arg-type]
    from_facts = kept_frame(facts, "swemwbs")  # type: ignore[arg-type]
    assert len(direct) > 20
    pd.testing.assert_frame_equal(from_facts, direct, check_dtype=False)


def test_the_model_is_the_same_from_the_facts(world: dict) -> None:
    kept.refresh(full=True)
    cases, facts = _both(world, Filters(start=dt.date(2000, 1, 1), end=timezone.localdate()))
    (direct,), (from_facts,) = effects(cases), effects(facts)  # type: ignore[arg-type]
    assert from_facts.model == direct.model


def test_a_new_encounter_changes_the_figures_at_the_next_page_view(world: dict) -> None:
    kept.refresh(full=True)
    programme, filters = world["a"], Filters.default()
    before = selectors.counted(programme, filters)  # type: ignore[arg-type]
    dna_before = activity(before.rows).measures[3]
    target = before.rows.filter(contacts=0).first() or before.rows.first()
    with service_writes():
        Encounter.objects.create(
            case_id=target.pk,
            occurred_at=timezone.now(),
            mode=Encounter.Mode.PHONE,
            attendance=Encounter.Attendance.DID_NOT_ATTEND,
        )
    assert FactChange.objects.exists()
    after = selectors.counted(programme, filters)  # type: ignore[arg-type]
    assert not FactChange.objects.exists()
    dna_after = activity(after.rows).measures[3]
    assert dna_after.n == dna_before.n + 1
    assert activity(after.rows).measures == activity(selectors.cases(programme, filters)).measures  # type: ignore[arg-type]


def test_a_new_referral_and_a_changed_person_reach_the_figures(world: dict) -> None:
    kept.refresh(full=True)
    programme, filters = world["a"], Filters.default()
    cases: list[Case] = world["cases"]  # type: ignore[assignment]
    people = sum(r.people for r in reach(selectors.counted(programme, filters).rows).quintiles.rows)  # type: ignore[arg-type]
    f.case(cases[0].practice, zone=world["zones"][2], reasons=["food"])  # type: ignore[index]
    moved = selectors.facts(programme, filters).exclude(data_zone="").first()  # type: ignore[arg-type]
    person = Case.objects.get(pk=moved.pk).person
    person.sex = "male" if person.sex == "female" else "female"
    with service_writes():
        person.save()
    counted = selectors.counted(programme, filters)  # type: ignore[arg-type]
    now = reach(counted.rows)
    assert sum(r.people for r in now.quintiles.rows) == people + 1
    assert now == reach(selectors.cases(programme, filters))  # type: ignore[arg-type]
    assert CaseFact.objects.get(pk=moved.pk).sex == person.sex


def test_outcome_scores_recorded_later_reach_the_outcomes(world: dict) -> None:
    kept.refresh(full=True)
    programme = world["a"]
    filters = Filters(start=dt.date(2000, 1, 1), end=timezone.localdate())
    f.case(
        world["cases"][0].practice,  # type: ignore[index]
        zone=world["zones"][0],  # type: ignore[index]
        baseline=f.swemwbs_answers(1),
        followup=f.swemwbs_answers(5),
    )
    counted = selectors.counted(programme, filters)  # type: ignore[arg-type]
    assert effects(counted.rows, with_model=False) == effects(
        selectors.cases(programme, filters),  # type: ignore[arg-type]
        with_model=False,
    )


def test_a_deleted_case_leaves_the_facts(world: dict) -> None:
    kept.refresh(full=True)
    gone: Case = world["cases"][3]  # type: ignore[index]
    with service_writes():
        Encounter.objects.filter(case=gone).delete()
        ServiceLink.objects.filter(case=gone).delete()
        Discharge.objects.filter(case=gone).delete()
        gone.delete()
    kept.refresh()
    assert not CaseFact.objects.filter(pk=gone.pk).exists()


def test_a_practice_moving_programme_moves_its_figures(world: dict) -> None:
    kept.refresh(full=True)
    a, b = world["a"], world["b"]
    practice = world["cases"][0].practice  # type: ignore[index]
    moving = CaseFact.objects.filter(practice_id=practice.pk).count()
    assert moving
    practice.programme = b
    practice.save()
    selectors.counted(a, Filters.default())  # type: ignore[arg-type]
    assert not CaseFact.objects.filter(practice_id=practice.pk, programme_id=a.pk).exists()
    assert CaseFact.objects.filter(practice_id=practice.pk, programme_id=b.pk).count() == moving


def test_facts_are_read_only_for_the_one_programme(world: dict) -> None:
    kept.refresh(full=True)
    a, b = world["a"], world["b"]
    wide = Filters(start=dt.date(2000, 1, 1), end=timezone.localdate())
    of_a = set(selectors.facts(a, wide).values_list("pk", flat=True))  # type: ignore[arg-type]
    of_b = set(selectors.facts(b, wide).values_list("pk", flat=True))  # type: ignore[arg-type]
    assert of_a == set(selectors.cases(a, wide).values_list("pk", flat=True))  # type: ignore[arg-type]
    assert of_b == set(selectors.cases(b, wide).values_list("pk", flat=True))  # type: ignore[arg-type]
    assert of_a and of_b and not of_a & of_b
    # B's link worker or practice as a filter of A finds nothing of B
    b_fact = CaseFact.objects.filter(programme_id=b.pk).first()
    assert not selectors.facts(  # type: ignore[arg-type]
        a, Filters(start=wide.start, end=wide.end, practice_id=b_fact.practice_id)
    ).exists()


def test_a_manager_of_a_sees_nothing_of_b_from_the_facts(world: dict) -> None:
    kept.refresh(full=True)
    manager = f.manager(world["a"])  # type: ignore[arg-type]
    client = Client()
    client.force_login(manager)
    b = world["b"]
    for page in ("insight:activity", "insight:reach", "insight:gaps", "insight:report"):
        assert client.get(reverse(page), {"programme": b.pk}).status_code == 403  # type: ignore[attr-defined]


def test_pages_say_when_their_figures_are_from(world: dict) -> None:
    client = Client()
    client.force_login(f.analyst(world["a"]))  # type: ignore[arg-type]
    response = client.get(reverse("insight:activity"))
    assert response.status_code == 200
    assert response.context["as_of"] == KeptState.objects.get(pk=1).refreshed_at
    assert "Figures as of" in response.content.decode()


def test_a_backlog_is_left_to_the_worker_and_the_page_reads_the_facts_as_they_stand(
    world: dict, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: object
) -> None:
    kept.refresh(full=True)
    as_of = KeptState.objects.get(pk=1).refreshed_at
    monkeypatch.setattr(kept, "SYNC_CHANGES", 0)
    f.case(world["cases"][0].practice, reasons=["food"])  # type: ignore[index]
    with django_capture_on_commit_callbacks() as callbacks:  # type: ignore[operator]
        counted = selectors.counted(world["a"], Filters.default())  # type: ignore[arg-type]
    assert counted.as_of == as_of and counted.rows.model is CaseFact
    assert FactChange.objects.exists()
    assert len(callbacks) == 1
    callbacks[0]()  # the task (run at once by the immediate backend of the tests)
    assert not FactChange.objects.exists()
    assert KeptState.objects.get(pk=1).refreshed_at > as_of


def test_a_big_database_without_facts_is_counted_from_the_source_rows(
    world: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kept, "SYNC_BUILD_CASES", 0)
    KeptState.objects.update(built=False)
    counted = selectors.counted(world["a"], Filters.default())  # type: ignore[arg-type]
    assert counted.rows.model is Case and counted.as_of is None


def test_reading_the_facts_takes_as_many_queries_however_many_cases(world: dict) -> None:
    client = Client()
    client.force_login(f.analyst(world["a"]))  # type: ignore[arg-type]
    client.get(reverse("insight:activity"))  # builds the facts
    counts = []
    for people in (0, 25):
        if people:
            f.populated(world["a"], random.Random(9), people=people)  # type: ignore[arg-type]
            kept.refresh()
        for page, params in (
            ("insight:activity", {}),
            ("insight:reach", {}),
            ("insight:outcomes", {}),
            ("insight:gaps", {"level": "intermediate_zone"}),
        ):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(reverse(page), params).status_code == 200
            counts.append((page, page_queries(queries)))
    assert counts[:4] == counts[4:]


def test_the_insight_refresh_command_rebuilds_everything(world: dict) -> None:
    from django.core.management import call_command

    CaseFact.objects.all().delete()
    call_command("insight-refresh", "--full")
    assert CaseFact.objects.count() == Case.objects.count()


def test_warming_draws_the_default_charts_and_fits_the_models_into_the_shared_cache(
    world: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.core.cache import caches

    from linkwork.insight import charts
    from linkwork.insight import statistics as st
    from linkwork.insight.warm import warm

    kept.refresh(full=True)
    caches["shared"].clear()
    charts._svg.cache_clear()
    assert warm(world["a"]) > 5  # type: ignore[arg-type]
    fits: list[int] = []
    monkeypatch.setattr(st, "fit_outcome_model", lambda frame: fits.append(1))
    charts._svg.cache_clear()  # another process: only the shared cache
    drawn = []
    import vl_convert

    monkeypatch.setattr(vl_convert, "vegalite_to_svg", lambda spec: drawn.append(spec) or "")
    client = Client()
    client.force_login(f.analyst(world["a"]))  # type: ignore[arg-type]
    for page in ("insight:activity", "insight:reach", "insight:outcomes"):
        assert client.get(reverse(page)).status_code == 200
    assert not fits and not drawn
