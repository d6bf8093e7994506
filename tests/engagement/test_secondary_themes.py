"""Answers that touch two themes: the secondary theme is shown in review and exported, and
follows the analyst's merges."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse

from linkwork.engagement import services
from linkwork.engagement.models import ThemeAssignment
from linkwork.engagement.selectors import theme_summaries
from tests.engagement.factories import word_embed
from tests.engagement.test_review_and_results import setup

pytestmark = pytest.mark.django_db


def _two_theme_run() -> tuple[dict[str, object], object, object, ThemeAssignment]:
    s = setup()
    run = services.run_themes(
        actor=s["analyst"], question=s["q"]["open"], n_themes=2, embed=word_embed
    )
    first, second = list(run.themes.order_by("id"))
    touching = ThemeAssignment.objects.filter(run=run, theme=first).first()
    assert touching is not None
    ThemeAssignment.objects.filter(run=run).update(secondary_theme=None)
    touching.secondary_theme = second
    touching.save()
    return s, first, second, touching


def test_review_page_shows_the_secondary_theme_and_counts_it() -> None:
    s, first, second, touching = _two_theme_run()
    summaries = {x.theme: x for x in theme_summaries(touching.run)}
    assert summaries[second].also_in == 1 and summaries[first].also_in == 0
    client = Client()
    client.force_login(s["analyst"])
    c, q = s["consultation"], s["q"]["open"]
    url = reverse("engagement:theme_review", args=[c.pk, q.pk])
    overview = client.get(url).content.decode()
    assert "1 answer in another theme touches this theme too" in overview
    page = client.get(url, {"theme": first.pk}).content.decode()
    assert "Secondary theme" in page
    row = page.split(touching.answer.text, 1)[1].split("</tr>", 1)[0]
    assert second.label in row


def test_csv_export_has_the_secondary_theme_and_it_follows_a_merge() -> None:
    s, first, second, touching = _two_theme_run()
    client = Client()
    client.force_login(s["analyst"])
    url = reverse("engagement:export_csv", args=[s["consultation"].pk])

    def rows() -> list[dict[str, str]]:
        return list(csv.DictReader(io.StringIO(client.get(url).content.decode())))

    by_response = {r["response"]: r for r in rows()}
    row = by_response[str(touching.answer.response_id)]
    assert row["q1_theme"] == first.label and row["q1_theme2"] == second.label
    assert sum(1 for r in by_response.values() if r["q1_theme2"]) == 1
    services.merge_themes(actor=s["analyst"], theme=second, into=first)
    row = {r["response"]: r for r in rows()}[str(touching.answer.response_id)]
    assert row["q1_theme2"] == ""  # merged into its main theme: no longer a second one
