"""The instrument definitions are data reviewed like code: these tests hold them to the schema,
to the published structure of each instrument, and to their licences."""

from __future__ import annotations

import json

import jsonschema
import pytest

from linkwork.outcomes import definitions

CODES = [
    "activity_days",
    "eq5d5l",
    "gad7",
    "hads",
    "ons4",
    "phq9",
    "swemwbs",
    "ucla3",
    "wemwbs",
]


def test_every_instrument_the_issue_asks_for_is_defined() -> None:
    assert definitions.codes() == CODES


@pytest.mark.parametrize("path", definitions.definition_files(), ids=lambda p: p.stem)
def test_definition_file_matches_the_schema(path) -> None:
    schema = json.loads(definitions.SCHEMA_PATH.read_text())
    jsonschema.validate(json.loads(path.read_text()), schema)


@pytest.mark.parametrize("code", CODES)
def test_scores_name_existing_items_and_bands_tile_the_range(code: str) -> None:
    inst = definitions.get(code)
    numbers = {i.number for i in inst.items}
    for s in inst.scores:
        assert set(s.items) <= numbers
        if not s.bands:
            continue
        assert s.range is not None
        assert s.bands[0].minimum == s.range[0]
        assert s.bands[-1].maximum == s.range[1]
        for lower, upper in zip(s.bands, s.bands[1:], strict=False):
            assert lower.maximum < upper.minimum
            if isinstance(s.range[0], int):
                assert upper.minimum == lower.maximum + 1, (code, s.key, lower, upper)
            else:  # decimal metric scores: no gap wider than the 2-decimal table resolution
                assert round(upper.minimum - lower.maximum, 2) == 0.01


@pytest.mark.parametrize("code", CODES)
def test_every_rule_says_where_it_comes_from(code: str) -> None:
    inst = definitions.get(code)
    assert inst.citation and inst.scoring_source and inst.missing_source
    for s in inst.scores:
        if s.bands:
            assert inst.raw["scores"][[x.key for x in inst.scores].index(s.key)]["bands_source"]
        if s.mid is not None:
            assert s.mid_source


@pytest.mark.parametrize("code", ["wemwbs", "swemwbs", "hads", "eq5d5l"])
def test_licensed_wording_is_not_shipped(code: str) -> None:
    inst = definitions.get(code)
    assert not inst.wording_included
    assert inst.licence_needed
    assert inst.instructions is None
    assert all(item.text is None for item in inst.items)
    for item in inst.items:
        if not item.response_set.is_range:
            assert all(o.label is None for o in item.response_set.options)


@pytest.mark.parametrize("code", ["phq9", "gad7", "ons4", "ucla3", "activity_days"])
def test_free_instruments_ship_their_wording(code: str) -> None:
    inst = definitions.get(code)
    assert inst.wording_included
    assert all(item.text for item in inst.items)


def test_phq9_structure() -> None:
    inst = definitions.get("phq9")
    assert len(inst.items) == 9
    assert all([o.value for o in i.response_set.options] == [0, 1, 2, 3] for i in inst.items)
    assert inst.score("total").range == (0, 27)


def test_hads_subscales_are_odd_and_even_items_in_questionnaire_order() -> None:
    inst = definitions.get("hads")
    assert inst.score("anxiety").items == (1, 3, 5, 7, 9, 11, 13)
    assert inst.score("depression").items == (2, 4, 6, 8, 10, 12, 14)
    assert [i.subscale for i in inst.items] == ["anxiety", "depression"] * 7


def test_hads_keying_follows_the_printed_form() -> None:
    inst = definitions.get("hads")
    # positively worded statements (agreement = fewer symptoms)
    assert {i.number for i in inst.items if i.reverse_keyed} == {2, 4, 6, 7, 12, 14}
    # the order the 0-3 values are printed beside the four answers, top to bottom
    printed = {i.number: [o.value for o in i.response_set.options] for i in inst.items}
    ascending = {n for n, order in printed.items() if order == [0, 1, 2, 3]}
    descending = {n for n, order in printed.items() if order == [3, 2, 1, 0]}
    assert ascending == {2, 4, 7, 9, 12, 14}
    assert descending == {1, 3, 5, 6, 8, 10, 11, 13}


def test_wemwbs_has_no_reverse_keyed_items() -> None:
    for code in ("wemwbs", "swemwbs"):
        assert not any(i.reverse_keyed for i in definitions.get(code).items)


def test_swemwbs_items_are_the_seven_wemwbs_items() -> None:
    raw = definitions.get("swemwbs").raw
    assert [i["wemwbs_item"] for i in raw["items"]] == [1, 2, 3, 6, 7, 9, 11]


def test_ons4_anxiety_is_reversed_in_meaning_only() -> None:
    inst = definitions.get("ons4")
    anxiety = inst.item(4)
    assert anxiety.reverse_keyed and anxiety.reverse_in_meaning_only
    assert not any(i.reverse_keyed for i in inst.items[:3])
    assert inst.score("anxiety").better == "lower"
    assert {inst.score(k).better for k in ("life_satisfaction", "worthwhile", "happiness")} == {
        "higher"
    }


def test_unknown_instrument_names_the_known_ones() -> None:
    with pytest.raises(definitions.UnknownInstrument) as info:
        definitions.get("beck")
    assert "phq9" in str(info.value)
