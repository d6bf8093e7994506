"""export-hsds --format tabular: the HSDS tabular data package passes `frictionless validate`
and reads back into the same directory."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from linkwork.directory.hsds.importer import import_hsds
from linkwork.directory.hsds.tabular import export_tabular, header
from linkwork.directory.models import Organization, Service
from tests.directory import factories as f
from tests.directory import hsds_docs
from tests.directory.official import HSDS, require_official
from tests.directory.test_hsds_export import canonical, export_all

pytestmark = pytest.mark.django_db


def frictionless_report(folder: Path) -> dict:
    """Run the frictionless command-line validator as another tool would."""
    exe = Path(sys.executable).parent / "frictionless"
    done = subprocess.run(
        [str(exe), "validate", "--json", str(folder / "datapackage.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    return json.loads(done.stdout)


def errors(report: dict) -> list[str]:
    return [f"{t['name']}: {e['message']}" for t in report["tasks"] for e in t["errors"]][:10]


def _wipe_directory() -> None:
    Service.objects.all().delete()
    Organization.objects.all().delete()


def test_tabular_export_passes_frictionless_and_reimports_losslessly(tmp_path: Path) -> None:
    (tmp_path / "in.json").write_text(json.dumps(hsds_docs.services(8)))
    import_hsds(tmp_path / "in.json")
    own = f.ServiceFactory(categories=["befriending"], summary="Tea and chat")
    f.place_service(own)
    f.open_on(own, "WE")
    before = export_all(tmp_path / "json-before")

    counts = export_tabular(tmp_path / "tabular")
    assert counts["services.csv"] == Service.objects.count() == 9
    report = frictionless_report(tmp_path / "tabular")
    assert report["valid"], errors(report)

    _wipe_directory()
    import_hsds(tmp_path / "tabular")
    after = export_all(tmp_path / "json-after")
    assert canonical(after["services"]) == canonical(before["services"])
    assert canonical(after["organizations"]) == canonical(before["organizations"])
    again = Service.objects.get(id=own.id)
    assert {c.code for c in again.categories.all()} == {"befriending"}


def test_official_example_survives_the_tabular_form(tmp_path: Path) -> None:
    require_official()
    import_hsds(HSDS / "examples" / "service_full.json")
    before = export_all(tmp_path / "before")
    export_tabular(tmp_path / "tabular")
    report = frictionless_report(tmp_path / "tabular")
    assert report["valid"], errors(report)
    _wipe_directory()
    import_hsds(tmp_path / "tabular")
    after = export_all(tmp_path / "after")
    assert canonical(after["services"]) == canonical(before["services"])


def test_columns_follow_the_standards_csv_files() -> None:
    """Our headers are the official example CSVs' headers (same names, same order)."""
    require_official()
    from linkwork.directory.hsds.tables import TABLES

    for kind, table in TABLES.items():
        official = HSDS / "examples" / "csv" / table.csv
        if not official.exists():
            continue
        with official.open(newline="", encoding="utf-8-sig") as fh:
            expected = next(csv.reader(fh))
        assert set(header(kind)) <= set(expected), (kind, set(header(kind)) - set(expected))


def test_export_command_takes_the_format(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    f.ServiceFactory()
    call_command("export-hsds", str(tmp_path / "out"), "--format", "tabular")
    assert "1 services.csv" in capsys.readouterr().out
    assert (tmp_path / "out" / "datapackage.json").exists()
