"""Theme extraction: deterministic, empty answers set aside, Scots read as English, labels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from linkwork.engagement.themes import class_tfidf_keywords, extract_themes, normalise
from tests.engagement.factories import word_embed

TEXTS = [
    "the bus never comes", "no bus on sunday", "bus fares too dear", "bus was late again",
    "lonely on my own", "naebody came to see me", "so lonely since my wife died",
    "nobody visits me, lonely", "cannae afford the heating", "money for heating is short",
    "heating bills too high", "afford food and heating",
]  # fmt: skip


def test_scots_and_text_speak_are_read_in_standard_spelling() -> None:
    assert normalise("Couldnae get through") == "could not get through"
    assert normalise("naebody came") == "nobody came"
    assert normalise("The weans cannae get tae school") == "the children can not get to school"


def test_same_seed_gives_the_same_themes_and_assignments() -> None:
    first = extract_themes(TEXTS, n_themes=3, seed=4, embed=word_embed, strip_function_words=True)
    second = extract_themes(TEXTS, n_themes=3, seed=4, embed=word_embed, strip_function_words=True)
    assert first == second


def test_given_number_of_themes_groups_answers_by_what_they_are_about() -> None:
    # The fake embedder is a bag of words, like a static model: embed content words only.
    result = extract_themes(TEXTS, n_themes=3, seed=0, embed=word_embed, strip_function_words=True)
    assert len(result.themes) == 3
    bus = {result.assignments[i] for i in range(4)}
    heating = {result.assignments[i] for i in range(8, 12)}
    assert len(bus) == 1 and len(heating) == 1 and bus != heating
    assert sum(t.size for t in result.themes) == len(TEXTS)
    assert [t.id for t in result.themes] == [1, 2, 3]


def test_empty_answers_are_reported_not_assigned() -> None:
    result = extract_themes(["", "the bus", "  ", "?!", "no bus"], n_themes=1, embed=word_embed)
    assert result.empty == [0, 2, 3]
    assert set(result.assignments) == {1, 4}


def test_automatic_number_of_themes_comes_with_a_confidence_statement() -> None:
    result = extract_themes(TEXTS, seed=0, embed=word_embed)
    assert 2 <= len(result.themes) <= 6
    assert result.confidence in {"high", "medium", "low"}
    assert "silhouette" in result.confidence_note and result.scores


def test_keywords_are_the_words_typical_of_each_class() -> None:
    keywords = class_tfidf_keywords(
        ["bus late", "bus cancelled", "heating cold", "heating bills"], [0, 0, 1, 1]
    )
    assert keywords[0][0] == "bus" and keywords[1][0] == "heating"


def test_the_search_embedder_is_used_by_default() -> None:
    result = extract_themes(TEXTS, n_themes=3, seed=0)
    assert len(result.themes) == 3 and len(result.assignments) == len(TEXTS)


def _csv(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "answers.csv"
    path.write_text("id,comment\n" + "".join(f"{i},{r}\n" for i, r in enumerate(rows)), "utf-8")
    return path


def test_cli_prints_themes_assignments_by_row_number_and_empty_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _csv(tmp_path, ["the bus never comes", "", "no bus on sunday", "lonely", "so lonely"])
    call_command("themes", "--input", str(path), "--text-column", "comment", "--themes", "2")
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"themes", "assignments", "empty"}
    assert set(out["themes"][0]) == {"id", "label", "keywords", "size"}
    assert set(out["assignments"]) == {"1", "3", "4", "5"}
    assert out["empty"] == [2]
    assert out["assignments"]["1"] == out["assignments"]["3"]


def test_cli_missing_file_or_column_exits_2_naming_it(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match=r"not found: .*nothere\.csv") as missing:
        call_command("themes", "--input", str(tmp_path / "nothere.csv"), "--text-column", "x")
    assert missing.value.returncode == 2
    path = _csv(tmp_path, ["a"])
    with pytest.raises(CommandError, match="'answer' is not in") as column:
        call_command("themes", "--input", str(path), "--text-column", "answer")
    assert column.value.returncode == 2
