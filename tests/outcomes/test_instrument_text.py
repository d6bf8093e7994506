"""`linkwork load-instrument-text FILE`: licensed wording is checked against the definition and
loaded all or nothing, with errors that say where. The wording below is placeholder text, not
any instrument's real wording."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from linkwork.core.models import AuditEntry
from linkwork.outcomes.instrument_text import FORMAT
from linkwork.outcomes.models import InstrumentText

pytestmark = pytest.mark.django_db


def wemwbs(**changes: Any) -> dict[str, Any]:
    entry = {
        "instrument": "wemwbs",
        "licence_reference": "Test registration 0001",
        "instructions": "Placeholder instructions.",
        "options": ["Label A", "Label B", "Label C", "Label D", "Label E"],
        "items": [{"number": n, "text": f"Placeholder statement {n}"} for n in range(1, 15)],
    }
    entry.update(changes)
    return entry


def hads() -> dict[str, Any]:
    return {
        "instrument": "hads",
        "licence_reference": "Test licence 0002",
        "items": [
            {"number": n, "text": f"Placeholder {n}", "options": ["W", "X", "Y", "Z"]}
            for n in range(1, 15)
        ],
    }


def write(tmp_path: Path, data: Any, name: str = "text.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data) if not isinstance(data, str) else data)
    return path


def load(path: Path) -> str:
    out = StringIO()
    call_command("load-instrument-text", str(path), stdout=out)
    return out.getvalue()


def test_loads_every_instrument_in_the_file_and_audits_it(tmp_path: Path) -> None:
    out = load(write(tmp_path, {"format": FORMAT, "instruments": [wemwbs(), hads()]}))
    assert "loaded wemwbs (en-GB): 14 items" in out
    text = InstrumentText.objects.get(instrument="wemwbs")
    assert text.item(3) == {"number": 3, "text": "Placeholder statement 3", "options": [
        "Label A", "Label B", "Label C", "Label D", "Label E"]}  # fmt: skip
    assert InstrumentText.objects.get(instrument="hads").item(14)["options"] == ["W", "X", "Y", "Z"]
    entries = AuditEntry.objects.filter(object_type="outcomes.instrumenttext")
    assert sorted(e.detail["instrument"] for e in entries) == ["hads", "wemwbs"]


def test_a_single_instrument_object_is_accepted_and_reloading_replaces(tmp_path: Path) -> None:
    load(write(tmp_path, {"format": FORMAT, **wemwbs()}))
    load(write(tmp_path, {"format": FORMAT, **wemwbs(licence_reference="Renewed 0003")}))
    assert InstrumentText.objects.get().licence_reference == "Renewed 0003"


def test_eq5d_vas_takes_two_end_labels(tmp_path: Path) -> None:
    items = [{"number": n, "text": f"Dimension {n}", "options": list("abcde")} for n in range(1, 6)]
    items.append({"number": 6, "text": "Scale", "options": ["worst", "best"]})
    load(write(tmp_path, {"format": FORMAT, "instrument": "eq5d5l", "licence_reference": "R",
                          "items": items}))  # fmt: skip
    assert InstrumentText.objects.get().item(6)["options"] == ["worst", "best"]


@pytest.mark.parametrize(
    "entry,message",
    [
        (wemwbs(items=wemwbs()["items"][:13]), "WEMWBS has 14 items; the file gives 13"),
        (wemwbs(options=["A", "B", "C"]), "items[0].options: item 1 has 5 answers for values"),
        (wemwbs(licence_reference=""), "licence_reference: say which licence"),
        (wemwbs(instrument="beck"), "instrument: unknown instrument 'beck'"),
        (wemwbs(colour="red"), "colour: unknown field"),
        (wemwbs(options=None), "items[0].options: item 1 needs 5 answer labels"),
    ],
)
def test_bad_files_load_nothing_and_say_where(
    tmp_path: Path, entry: dict[str, Any], message: str
) -> None:
    path = write(tmp_path, {"format": FORMAT, "instruments": [hads(), entry]})
    with pytest.raises(CommandError) as info:
        load(path)
    assert "nothing was loaded" in str(info.value)
    assert message in str(info.value)
    assert not InstrumentText.objects.exists()  # the good HADS entry was not loaded either


def test_item_out_of_order_or_without_text(tmp_path: Path) -> None:
    entry = wemwbs()
    entry["items"][4] = {"number": 6, "text": " "}
    with pytest.raises(CommandError) as info:
        load(write(tmp_path, {"format": FORMAT, **entry}))
    assert "items[4].number: expected 5" in str(info.value)
    assert "items[4].text: item 5 needs its wording" in str(info.value)


@pytest.mark.parametrize(
    "content,message",
    [
        ("{not json", "not valid JSON (line 1"),
        (json.dumps({"format": "other", **wemwbs()}), "'format' must be"),
        (json.dumps([1, 2]), "must hold a JSON object"),
        (json.dumps({"format": FORMAT, "instruments": []}), "non-empty list"),
    ],
)
def test_malformed_files(tmp_path: Path, content: str, message: str) -> None:
    with pytest.raises(CommandError, match="nothing was loaded") as info:
        load(write(tmp_path, content))
    assert message in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="cannot be read"):
        load(tmp_path / "absent.json")
