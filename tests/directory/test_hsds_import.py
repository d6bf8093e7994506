"""import-hsds: the official examples import; bad input is reported and changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from linkwork.directory.hsds.importer import ImportFailed, import_hsds
from linkwork.directory.models import (
    ChangeRecord,
    Organization,
    Phone,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)
from tests.directory import hsds_docs
from tests.directory.official import HSDS, example, require_official

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, ...]:
    return (
        Service.objects.count(),
        Organization.objects.count(),
        Phone.objects.count(),
        ServiceAtLocation.objects.count(),
        ChangeRecord.objects.count(),
    )


def write(tmp_path: Path, name: str, data: object) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data))
    return path


@pytest.mark.parametrize(
    "name",
    [
        "service_full.json",
        "organization_full.json",
        "service_at_location_full.json",
        "service_list.json",
        "location.json",
        "taxonomy_term.json",
        "csv",
    ],
)
def test_official_examples_import(name: str) -> None:
    require_official()
    import_hsds(HSDS / "examples" / name)
    if name != "location.json" and name != "taxonomy_term.json":
        service = Service.objects.get(id="ac148810-d857-441c-9679-408f346de14b")
        assert service.name == "Community Counselling"


def test_import_is_idempotent() -> None:
    require_official()
    import_hsds(HSDS / "examples" / "service_full.json")
    before = counts()
    result = import_hsds(HSDS / "examples" / "service_full.json")
    assert counts()[:4] == before[:4]
    assert not any(result.created.values()) and not any(result.updated.values())


def test_upsert_changes_only_what_changed(tmp_path: Path) -> None:
    docs = hsds_docs.services(3)
    import_hsds(write(tmp_path, "services.json", docs))
    docs[0]["name"] = "Renamed walking group"
    result = import_hsds(write(tmp_path, "services.json", docs))
    assert result.updated["service"] == 1 and result.unchanged["service"] == 2
    assert Service.objects.get(id=docs[0]["id"]).name == "Renamed walking group"
    assert ChangeRecord.objects.filter(object_id=docs[0]["id"], kind="import").count() == 2


def test_envelope_list_folder_and_derived_fields(tmp_path: Path) -> None:
    docs = hsds_docs.services(4)
    (tmp_path / "a").mkdir()
    write(tmp_path / "a", "one.json", docs[0])
    write(tmp_path / "a", "list.json", docs[1:3])
    write(tmp_path / "a", "page.json", {"total_items": 1, "contents": [docs[3]]})
    result = import_hsds(tmp_path / "a")
    assert result.created["service"] == 4
    s = Service.objects.get(id=docs[0]["id"])
    assert s.latitude == docs[0]["service_at_locations"][0]["location"]["latitude"]
    assert s.postcode == "PH1 5PH"
    assert s.is_free is True
    # "Walking" from another taxonomy is mapped to our physical activity by its name
    assert [c.code for c in s.categories.all()] == ["physical-activity"]
    assert TaxonomyTerm.objects.get(code="walking").maps_to.code == "physical-activity"


def test_unknown_terms_are_reported(tmp_path: Path) -> None:
    doc = hsds_docs.services(1)[0]
    doc["attributes"][0]["taxonomy_term"].update(code="xyzzy", name="Xyzzy")
    result = import_hsds(write(tmp_path, "s.json", doc))
    assert result.unmapped_terms == ["Xyzzy"]
    assert "Xyzzy" in result.summary()


def fails(path: Path) -> list[str]:
    before = counts()
    with pytest.raises(ImportFailed) as exc:
        import_hsds(path)
    assert counts() == before, "a failed import must change nothing"
    return [str(p) for p in exc.value.problems]


def test_malformed_json(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"id": "x", "name": ')
    (problem,) = fails(path)
    assert "bad.json" in problem and "not valid JSON" in problem and "line 1" in problem


def test_wrong_types_and_missing_fields_name_file_record_and_field(tmp_path: Path) -> None:
    good, bad = hsds_docs.services(2)
    bad["minimum_age"] = "eighteen"
    del bad["status"]
    bad["phones"][0]["number"] = 1738
    problems = fails(write(tmp_path, "services.json", [good, bad]))
    assert len(problems) == 3
    assert all("services.json" in p and bad["id"] in p for p in problems)
    assert any("field minimum_age: must be a number" in p for p in problems)
    assert any("field status: is required" in p for p in problems)
    assert any("field phones[0].number: must be text" in p for p in problems)


def test_duplicate_ids(tmp_path: Path) -> None:
    a, b = hsds_docs.services(2)
    b["id"] = a["id"]
    problems = fails(write(tmp_path, "dupes.json", [a, b]))
    assert any("used twice" in p and a["id"] in p for p in problems)


def test_same_nested_id_with_different_content(tmp_path: Path) -> None:
    a, b = hsds_docs.services(2)
    b["phones"][0]["id"] = a["phones"][0]["id"]
    problems = fails(write(tmp_path, "clash.json", [a, b]))
    assert any("appears twice with different values" in p for p in problems)


def test_bad_file_in_a_folder_stops_the_whole_run(tmp_path: Path) -> None:
    write(tmp_path, "good.json", hsds_docs.services(2))
    (tmp_path / "zbad.json").write_text("[")
    fails(tmp_path)


def test_hundred_megabyte_file_gives_a_clear_error(tmp_path: Path) -> None:
    doc = hsds_docs.services(1)[0]
    path = tmp_path / "huge.json"
    with path.open("w") as fh:  # cheap to write: one huge description
        fh.write(json.dumps(doc)[:-1] + ', "description2": "')
        chunk = "x" * (1024 * 1024)
        for _ in range(100):
            fh.write(chunk)
        fh.write('"}')
    assert path.stat().st_size > 100 * 1024 * 1024
    (problem,) = fails(path)
    assert "huge.json" in problem and "MB" in problem and "limit" in problem


def test_overlong_value_is_reported_not_crashed(tmp_path: Path) -> None:
    doc = hsds_docs.services(1)[0]
    doc["name"] = "n" * 10_000
    (problem,) = fails(write(tmp_path, "long.json", doc))
    assert "field name" in problem and "10000 characters" in problem


def test_command_exits_1_with_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{")
    with pytest.raises(CommandError) as exc:
        call_command("import-hsds", str(path))
    assert exc.value.returncode == 1
    assert "not valid JSON" in capsys.readouterr().err


def test_command_prints_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    call_command("import-hsds", str(write(tmp_path, "s.json", hsds_docs.services(2))))
    out = capsys.readouterr().out
    assert "service: 2 new" in out and "a minute" in out


def test_example_term_keeps_dangling_parent_for_export() -> None:
    term = example("taxonomy_term.json")
    require_official()
    import_hsds(HSDS / "examples" / "taxonomy_term.json")
    stored = TaxonomyTerm.objects.get(id=term["id"])
    assert stored.parent_id is None and stored.extra["parent_id"] == term["parent_id"]
