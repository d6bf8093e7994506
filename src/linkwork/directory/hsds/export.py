"""`export-hsds OUTDIR`: the whole directory as HSDS 3.0 JSON files, each checked on the way out.

Layout (import-hsds reads it back): taxonomies.json, taxonomy_terms.json,
organizations/organizations-NNNN.json (full organisations), services/services-NNNN.json
(fully nested services), locations/locations-NNNN.json (locations no service uses).
"""

from __future__ import annotations

import json
from pathlib import Path

from linkwork.directory.hsds import exporter, validation
from linkwork.directory.models import Location, Organization, Service, Taxonomy, TaxonomyTerm

PAGE = 500


class ExportInvalid(Exception):
    pass


def _write(path: Path, kind: str, docs: list[dict]) -> None:
    for doc in docs:
        found = validation.problems(kind, doc)
        if found:
            raise ExportInvalid(f"{path.name} {doc.get('id')}: {found[0]}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(docs, ensure_ascii=False, indent=1), encoding="utf-8")


def _pages(qs, size: int = PAGE):  # type: ignore[no-untyped-def]
    ids = list(qs.order_by("id").values_list("id", flat=True))
    for i in range(0, len(ids), size):
        yield i // size + 1, list(qs.model.objects.filter(id__in=ids[i : i + size]).order_by("id"))


def export_hsds(outdir: Path) -> dict[str, int]:
    outdir = Path(outdir)
    counts = {
        "taxonomies": 0,
        "taxonomy_terms": 0,
        "organizations": 0,
        "services": 0,
        "locations": 0,
    }
    taxonomies = list(Taxonomy.objects.order_by("id"))
    _write(outdir / "taxonomies.json", "taxonomy", exporter.build("taxonomy", taxonomies, {}))
    counts["taxonomies"] = len(taxonomies)
    terms = list(TaxonomyTerm.objects.order_by("id"))
    _write(
        outdir / "taxonomy_terms.json", "taxonomy_term", exporter.build("taxonomy_term", terms, {})
    )
    counts["taxonomy_terms"] = len(terms)
    for n, orgs in _pages(Organization.objects.all()):
        docs = exporter.build("organization", orgs, exporter.ORGANIZATION_FULL)
        _write(outdir / "organizations" / f"organizations-{n:04d}.json", "organization", docs)
        counts["organizations"] += len(docs)
    for n, services in _pages(Service.objects.all()):
        docs = exporter.build("service", services, exporter.SERVICE_FULL)
        _write(outdir / "services" / f"services-{n:04d}.json", "service", docs)
        counts["services"] += len(docs)
    lonely = Location.objects.filter(organization__isnull=True, service_at_locations__isnull=True)
    for n, locations in _pages(lonely):
        docs = exporter.build("location", locations, exporter.LOCATION_FULL)
        _write(outdir / "locations" / f"locations-{n:04d}.json", "location", docs)
        counts["locations"] += len(docs)
    return counts
