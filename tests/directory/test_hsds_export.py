"""export-hsds validates against the official schemas; import -> export -> import is lossless."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from linkwork.directory.hsds.export import export_hsds
from linkwork.directory.hsds.importer import import_hsds
from linkwork.directory.models import Service
from tests.directory import factories as f
from tests.directory import hsds_docs
from tests.directory.official import (
    HSDS,
    example,
    official_errors,
    require_official,
    uk_profile_service_errors,
)

pytestmark = pytest.mark.django_db


def canonical(doc: Any) -> Any:
    """Drop our extension property and order lists by id (export keeps order; this makes the
    comparison say what differs, not where)."""
    if isinstance(doc, dict):
        return {k: canonical(v) for k, v in doc.items() if k != "linkwork"}
    if isinstance(doc, list):
        items = [canonical(v) for v in doc]
        return sorted(items, key=lambda x: x.get("id", "") if isinstance(x, dict) else str(x))
    return doc


def load(outdir: Path, pattern: str) -> list[dict]:
    docs: list[dict] = []
    for path in sorted(outdir.glob(pattern)):
        docs += json.loads(path.read_text())
    return docs


def export_all(outdir: Path) -> dict[str, list[dict]]:
    export_hsds(outdir)
    return {
        "services": load(outdir, "services/*.json"),
        "organizations": load(outdir, "organizations/*.json"),
        "terms": load(outdir, "taxonomy_terms.json"),
        "taxonomies": load(outdir, "taxonomies.json"),
    }


def assert_officially_valid(exported: dict[str, list[dict]]) -> None:
    kinds = {
        "services": "service",
        "organizations": "organization",
        "terms": "taxonomy_term",
        "taxonomies": "taxonomy",
    }
    for key, kind in kinds.items():
        for doc in exported[key]:
            assert official_errors(kind, doc) == [], (kind, doc["id"])


def test_official_service_example_round_trips_exactly(tmp_path: Path) -> None:
    require_official()
    import_hsds(HSDS / "examples" / "service_full.json")
    exported = export_all(tmp_path / "out")
    assert_officially_valid(exported)
    (service,) = exported["services"]
    assert canonical(service) == canonical(example("service_full.json"))


def test_official_organization_example_round_trips(tmp_path: Path) -> None:
    from linkwork.directory.hsds import exporter
    from linkwork.directory.models import Organization

    require_official()
    import_hsds(HSDS / "examples" / "organization_full.json")
    exported = export_all(tmp_path / "out")
    assert_officially_valid(exported)
    orgs = list(Organization.objects.all())
    (doc,) = exporter.build("organization", orgs, exporter.ORGANIZATION_WITH_SERVICES)
    assert official_errors("organization", doc) == []
    assert canonical(doc) == canonical(example("organization_full.json"))


def test_official_service_at_location_example_round_trips() -> None:
    from linkwork.directory.hsds import exporter
    from linkwork.directory.models import ServiceAtLocation

    require_official()
    import_hsds(HSDS / "examples" / "service_at_location_full.json")
    (doc,) = exporter.build(
        "service_at_location", list(ServiceAtLocation.objects.all()), exporter.SAT_FULL
    )
    assert official_errors("service_at_location", doc) == []
    assert canonical(doc) == canonical(example("service_at_location_full.json"))


def test_generated_data_round_trips_through_a_fresh_database(tmp_path: Path) -> None:
    import_hsds_docs = hsds_docs.services(12)
    (tmp_path / "in.json").write_text(json.dumps(import_hsds_docs))
    import_hsds(tmp_path / "in.json")
    # plus records made in Linkwork itself: categories, areas, our own fields
    own = f.ServiceFactory(categories=["befriending", "older-people"], summary="Tea and chat")
    f.place_service(own)
    f.serve_area(own, "S12000048")
    f.open_on(own, "WE")
    first = export_all(tmp_path / "one")
    assert_officially_valid(first)
    for doc in first["services"]:  # and the UK profile, whose fields our data fits
        assert uk_profile_service_errors(doc) == [], doc["id"]
    Service.objects.all().delete()
    from linkwork.directory.models import Organization

    Organization.objects.all().delete()
    import_hsds(tmp_path / "one")
    second = export_all(tmp_path / "two")
    assert canonical(second) == canonical(first)
    assert second["services"] == first["services"]  # our extension too, in order
    again = Service.objects.get(id=own.id)
    assert {c.code for c in again.categories.all()} == {"befriending", "older-people"}
    assert again.summary == "Tea and chat" and again.service_areas.get().gss_code == "S12000048"


def test_export_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f.ServiceFactory()
    call_command("export-hsds", str(tmp_path / "out"))
    assert "1 services" in capsys.readouterr().out
    assert len(load(tmp_path / "out", "services/*.json")) == 1
