"""Analyst review keeps the machine's suggestion; results suppress small numbers; report, PDF,
coded CSV export (formula injection neutralised); CSV import all-or-nothing; event notes."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from linkwork.core.models import Organisation
from linkwork.core.roles import Role
from linkwork.engagement import imports, services
from linkwork.engagement.models import Response, ThemeAssignment
from linkwork.engagement.selectors import closed_results, suppress, theme_summaries
from linkwork.engagement.views_staff import safe_cell
from tests.core.factories import OrganisationFactory, make_user
from tests.engagement.factories import ConsultationFactory, submitted, with_questions, word_embed

pytestmark = pytest.mark.django_db

BUS = ["the bus never comes", "no bus on sunday", "bus fares too dear", "bus late again"]
LONELY = ["lonely on my own", "so lonely", "lonely since my wife died", "nobody visits, lonely"]


def setup() -> dict[str, Any]:
    programme = OrganisationFactory(kind=Organisation.Kind.PROGRAMME)
    consultation = ConsultationFactory(organisation=programme)
    q = with_questions(consultation)
    for n, text in enumerate(BUS + LONELY):
        submitted(
            consultation,
            {q["open"]: {"text": text}, q["single"]: {"choices": ["Yes" if n < 6 else "No"]}},
            council_area="Fife" if n < 7 else "Moray",
        )
    analyst = make_user(Role.ANALYST, organisations=(programme,))
    return {"consultation": consultation, "q": q, "analyst": analyst}


def test_suppression_hides_small_counts_and_one_more_so_they_cannot_be_worked_out() -> None:
    assert suppress({"a": 20, "b": 3, "c": 8}) == {"a": 20, "b": None, "c": None}
    assert suppress({"a": 20, "b": 3, "c": 2}) == {"a": 20, "b": None, "c": None}
    assert suppress({"a": 20, "b": 0, "c": 8}) == {"a": 20, "b": 0, "c": 8}


def test_closed_results_count_and_percent_with_small_groups_suppressed() -> None:
    s = setup()
    table = closed_results(s["q"]["single"])
    assert table.totals["All"] == 8
    assert table.cells[("All", "No")].count is None  # 2 is fewer than 5
    assert table.cells[("All", "Yes")].count is None  # else 8 - 6 would give it away
    for _ in range(5):
        submitted(s["consultation"], {s["q"]["single"]: {"choices": ["No"]}})
    table = closed_results(s["q"]["single"])
    assert table.cells[("All", "Yes")].count == 6 and table.cells[("All", "Yes")].percent == 46.2
    assert table.cells[("All", "No")].count == 7
    by_area = closed_results(s["q"]["single"], "council_area")
    assert by_area.totals["Moray"] is None  # a group of 1 is not shown at all
    assert by_area.cells[("Moray", "No")].count is None


def test_review_renames_merges_splits_moves_and_keeps_the_machine_suggestion() -> None:
    s = setup()
    run = services.run_themes(
        actor=s["analyst"], question=s["q"]["open"], n_themes=2, embed=word_embed
    )
    first, second = list(run.themes.order_by("id"))
    services.rename_theme(actor=s["analyst"], theme=first, label="Buses")
    first.refresh_from_db()
    assert first.label == "Buses" and first.machine_label != "Buses"
    moved = ThemeAssignment.objects.filter(theme=second).first()
    assert moved is not None
    services.move_answer(actor=s["analyst"], assignment=moved, to=first)
    moved.refresh_from_db()
    assert moved.theme == first and moved.machine_theme == second
    services.mark_quote(actor=s["analyst"], assignment=moved, publish=True)
    services.merge_themes(actor=s["analyst"], theme=second, into=first)
    assert ThemeAssignment.objects.filter(run=run, theme=first).count() == 8
    assert ThemeAssignment.objects.filter(run=run, machine_theme=second).exists()
    new = services.split_theme(actor=s["analyst"], theme=first, embed=word_embed)
    assert new.split_from == first and new.assignments.exists()
    summaries = theme_summaries(run, published_only=True)
    assert {x.theme for x in summaries} == {first, new}
    assert any(moved in x.quotes for x in summaries)


def test_review_page_lists_themes_and_the_analyst_can_rename_there() -> None:
    s = setup()
    client = Client()
    client.force_login(s["analyst"])
    c, q = s["consultation"], s["q"]["open"]
    assert (
        client.post(
            reverse("engagement:run_themes", args=[c.pk, q.pk]), {"themes": "2"}
        ).status_code
        == 302
    )
    url = reverse("engagement:theme_review", args=[c.pk, q.pk])
    page = client.get(url)
    assert page.status_code == 200 and b"Confidence" in page.content
    theme = q.theme_runs.get().themes.first()
    client.post(url, {"action": "rename", "theme": theme.pk, "label": "Getting about"})
    assert "Getting about" in client.get(url).content.decode()
    assert (
        client.post(url, {"action": "rename", "theme": theme.pk, "label": "  "}).status_code == 302
    )


def test_report_page_and_pdf() -> None:
    s = setup()
    client = Client()
    client.force_login(s["analyst"])
    c = s["consultation"]
    services.run_themes(actor=s["analyst"], question=s["q"]["open"], n_themes=2, embed=word_embed)
    page = client.get(reverse("engagement:report", args=[c.pk]))
    assert (
        page.status_code == 200 and b"How we did this" in page.content and b"<svg" in page.content
    )
    pdf = client.get(reverse("engagement:report_pdf", args=[c.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_coded_export_neutralises_formulas() -> None:
    s = setup()
    submitted(s["consultation"], {s["q"]["open"]: {"text": '=HYPERLINK("http://x")'}})
    services.run_themes(actor=s["analyst"], question=s["q"]["open"], n_themes=2, embed=word_embed)
    client = Client()
    client.force_login(s["analyst"])
    body = client.get(reverse("engagement:export_csv", args=[s["consultation"].pk])).content
    rows = list(csv.reader(io.StringIO(body.decode())))
    assert rows[0][:2] == ["response", "source"] and "q1_theme" in rows[0]
    assert any(cell.startswith("'=HYPERLINK") for row in rows for cell in row)
    assert all(row[rows[0].index("q1_theme")] for row in rows[1:])
    assert safe_cell("-1+1") == "'-1+1" and safe_cell("fine") == "fine"


def test_csv_import_is_all_or_nothing_and_names_row_and_column() -> None:
    s = setup()
    before = Response.objects.count()
    bad = "q1,q2,q4,council_area,colour\nthe bus,Yes,3,Fife,red\n,Maybe,9,,\n"
    with pytest.raises(imports.ImportRejected) as rejected:
        imports.import_responses(actor=s["analyst"], consultation=s["consultation"], content=bad)
    messages = [str(p) for p in rejected.value.problems]
    assert (
        "row 1, column colour: unknown column (expected q1, q2, ... or a profile column)"
        in messages
    )
    assert any(m.startswith("row 3, column q1: an answer is required") for m in messages)
    assert any(
        m.startswith("row 3, column q2: 'Maybe' is not one of the choices") for m in messages
    )
    assert any(m.startswith("row 3, column q4: 9 is outside 1 to 5") for m in messages)
    assert Response.objects.count() == before
    good = "q1,q2,q3,q4,council_area\nthe bus,Yes,GP;Family,3,Fife\nlonely,No,,,\n"
    count = imports.import_responses(
        actor=s["analyst"], consultation=s["consultation"], content=good
    )
    assert count == 2 and Response.objects.filter(source="import").count() == 2


def test_import_page_reports_problems_and_saves_nothing() -> None:
    s = setup()
    client = Client()
    client.force_login(s["analyst"])
    url = reverse("engagement:import_responses", args=[s["consultation"].pk])
    upload = io.BytesIO(b"q1,q2\nhello,Perhaps\n")
    upload.name = "paper.csv"
    page = client.post(url, {"file": upload})
    assert page.status_code == 400
    assert "Row 2, column q2" in page.content.decode()
    binary = io.BytesIO(b"\xff\xfe\x00garbage")
    binary.name = "x.csv"
    assert client.post(url, {"file": binary}).status_code == 400


def test_event_breakout_notes_become_responses_tagged_by_event_and_group() -> None:
    s = setup()
    count = services.record_event_notes(
        actor=s["analyst"], question=s["q"]["open"], event_name="National gathering 2026",
        group="Table 4", notes=["Transport came up again", "", "Folk feel alone"],
    )  # fmt: skip
    assert count == 2
    notes = Response.objects.filter(source="event")
    assert {r.breakout_group for r in notes} == {"Table 4"}
    assert {r.event.name for r in notes} == {"National gathering 2026"}
