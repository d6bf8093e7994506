"""Attack test (2026-11-29): Insight as a manager or analyst of another programme, and
disclosure control in what leaves the app (/api/v1/insight)."""

from __future__ import annotations

import pytest
from django.test import Client

from linkwork.core.models import Membership
from tests.insight import factories as inf

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme_with_one_small_quintile() -> inf.Programme:
    """Quintiles 1-4 hold 5 people each; quintile 5 holds 2 (below the threshold of 5)."""
    prog = inf.programme("Programme A")
    zones = inf.areas()
    practice = inf.practice(prog, "Practice A")
    for zone_index, people in {0: 5, 2: 5, 4: 5, 6: 5, 8: 2}.items():
        for _ in range(people):
            inf.case(practice, zone=zones[zone_index])
    return prog


def test_the_reach_api_does_not_let_a_small_count_be_recovered_by_subtraction(
    client: Client, programme_with_one_small_quintile: inf.Programme
) -> None:
    prog = programme_with_one_small_quintile
    client.force_login(inf.manager(prog))
    body = client.get(f"/api/v1/insight/programmes/{prog.pk}/reach").json()
    rows = body["simd_quintiles"]
    shown = [row["people"] for row in rows]
    # One hidden cell and a published total would give it back by subtraction: at least two go.
    assert shown.count(None) >= 2
    hidden_rows = [row for row in rows if row["people"] is None]
    assert all(row["per_1000"] is None and row["rate_ratio"] is None for row in hidden_rows)


def test_the_csv_export_applies_secondary_suppression(
    client: Client, programme_with_one_small_quintile: inf.Programme
) -> None:
    prog = programme_with_one_small_quintile
    client.force_login(inf.manager(prog))
    body = client.get(f"/insight/export.csv?programme={prog.pk}").content.decode()
    section = body.split("People by SIMD quintile")[1].split("\r\n\r\n")[0]
    assert section.count(",*") >= 2


def test_another_programmes_insight_is_refused_everywhere(client: Client) -> None:
    mine, theirs = inf.programme("Mine"), inf.programme("Theirs")
    for who in (inf.manager(mine, "m1"), inf.analyst(mine, "a1")):
        client.force_login(who)
        for url in (
            f"/insight/?programme={theirs.pk}",
            f"/insight/reach/?programme={theirs.pk}",
            f"/insight/export.csv?programme={theirs.pk}",
            f"/insight/report.pdf?programme={theirs.pk}",
            f"/insight/extract/?programme={theirs.pk}",
        ):
            response = client.get(url)
            assert response.status_code in (200, 403), url
            assert b"Theirs" not in response.content, url
        for part in ("activity", "reach", "outcomes"):
            response = client.get(f"/api/v1/insight/programmes/{theirs.pk}/{part}")
            assert response.status_code == 403, part
        ids = [p["id"] for p in client.get("/api/v1/insight/programmes").json()]
        assert ids == [mine.pk]


def test_a_manager_removed_from_the_programme_loses_insight(client: Client) -> None:
    prog = inf.programme("Mine")
    who = inf.manager(prog, "leaver")
    client.force_login(who)
    assert client.get(f"/api/v1/insight/programmes/{prog.pk}/activity").status_code == 200
    Membership.objects.filter(user=who).delete()
    assert client.get(f"/api/v1/insight/programmes/{prog.pk}/activity").status_code == 403
    assert client.get("/insight/").status_code == 403
