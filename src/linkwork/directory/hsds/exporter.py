"""Build HSDS 3.0 documents from the database in a fixed number of queries per page.

A *shape* names the nested properties to fill at each level (the standard's compiled
documents: a full service, a service in a list, ...). Rows are fetched one query per edge of
the shape for all parents at once, then attributes and metadata for every object at once, so
the number of queries does not grow with the number of services.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC
from typing import Any

from linkwork.directory.hsds.tables import EXTENSION, TABLES
from linkwork.directory.models import (
    Accessibility,
    Attribute,
    HsdsModel,
    Metadata,
    Service,
    ServiceArea,
    Taxonomy,
    TaxonomyTerm,
)

Shape = dict[str, "Shape"]
_SKIP = {"attributes", "metadata"}
#: Relations back up the tree, nested only where a document asks for them.
_BACK = {("organization", "services"), ("service_at_location", "service")}


def full_shape(kind: str, *, without: frozenset[tuple[str, str]] = frozenset()) -> Shape:
    """Every nested property, recursively (the standard's relations have no cycles)."""
    out: Shape = {}
    for prop, nested in TABLES[kind].nested.items():
        if prop in _SKIP or (kind, prop) in without or (kind, prop) in _BACK:
            continue
        out[prop] = full_shape(nested.kind, without=without)
    return out


SERVICE_FULL = full_shape("service")
SERVICE_BRIEF: Shape = {"organization": {}, "program": {}}
ORGANIZATION_FULL = full_shape("organization")
ORGANIZATION_WITH_SERVICES: Shape = {
    **ORGANIZATION_FULL,
    "services": full_shape("service", without=frozenset({("service", "organization")})),
}
ORGANIZATION_WITH_SERVICE_IDS: Shape = {**ORGANIZATION_FULL, "services": {}}
SAT_FULL: Shape = {
    **full_shape("service_at_location", without=frozenset({("service_at_location", "service")})),
    "service": full_shape("service", without=frozenset({("service", "service_at_locations")})),
}
SAT_BRIEF: Shape = {"location": {}, "service": SERVICE_BRIEF}
LOCATION_FULL = full_shape("location")
TERM_FULL: Shape = {"taxonomy_detail": {}}


class Node:
    __slots__ = ("children", "kind", "obj")

    def __init__(self, kind: str, obj: HsdsModel) -> None:
        self.kind = kind
        self.obj = obj
        self.children: dict[str, list[Node]] = {}


def _number(value: float | None) -> float | int | None:
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


class Builder:
    def __init__(self, *, attributes: bool = True, extension: bool = True) -> None:
        self.with_attributes = attributes
        self.extension = extension
        self.all_ids: set[uuid.UUID] = set()

    def build(self, kind: str, objs: Sequence[HsdsModel], shape: Shape) -> list[dict[str, Any]]:
        nodes = [Node(kind, o) for o in objs]
        self._expand(kind, nodes, shape)
        attributes: dict[uuid.UUID, list[Attribute]] = {}
        metadata: dict[uuid.UUID, list[Metadata]] = {}
        if self.with_attributes:
            attributes, metadata = self._attributes_and_metadata(nodes)
        self._attr, self._meta = attributes, metadata
        return [self._render(n, top=True, doc_ids=self._ids(n)) for n in nodes]

    # -- fetching ---------------------------------------------------------------------------
    def _expand(self, kind: str, nodes: list[Node], shape: Shape) -> None:
        if not nodes:
            return
        table = TABLES[kind]
        for prop, sub in shape.items():
            nested = table.nested[prop]
            model = TABLES[nested.kind].model
            if nested.link == "child":
                ids = [n.obj.pk for n in nodes]
                by_parent: dict[uuid.UUID, list[Node]] = defaultdict(list)
                kids = model._default_manager.filter(**{f"{nested.fk}__in": ids}).order_by(
                    "position", "id"
                )
                all_kids = []
                for child in kids:
                    node = Node(nested.kind, child)
                    by_parent[getattr(child, nested.fk)].append(node)
                    all_kids.append(node)
                for n in nodes:
                    n.children[prop] = by_parent.get(n.obj.pk, [])
            else:  # ref
                refs = {getattr(n.obj, nested.fk) for n in nodes} - {None}
                found = {o.pk: o for o in model._default_manager.filter(id__in=refs)}
                all_kids = []
                cache: dict[uuid.UUID, Node] = {}
                for n in nodes:
                    ref = getattr(n.obj, nested.fk)
                    if ref in found:
                        node = cache.setdefault(ref, Node(nested.kind, found[ref]))
                        n.children[prop] = [node]
                        all_kids.append(node)
                    else:
                        n.children[prop] = []
                all_kids = list({id(k): k for k in all_kids}.values())
            self._expand(nested.kind, all_kids, sub)

    def _walk(self, nodes: list[Node]) -> list[Node]:
        out, stack = [], list(nodes)
        while stack:
            n = stack.pop()
            out.append(n)
            for kids in n.children.values():
                stack.extend(kids)
        return out

    def _ids(self, node: Node) -> set[uuid.UUID]:
        return {n.obj.pk for n in self._walk([node])}

    def _attributes_and_metadata(
        self, nodes: list[Node]
    ) -> tuple[dict[uuid.UUID, list[Attribute]], dict[uuid.UUID, list[Metadata]]]:
        ids = [n.obj.pk for n in self._walk(nodes)]
        attrs: dict[uuid.UUID, list[Attribute]] = defaultdict(list)
        for a in Attribute.objects.filter(link_id__in=ids).order_by("position", "id"):
            if a.link_id is not None:  # always: filtered on it
                attrs[a.link_id].append(a)
        terms = {
            t.pk: t
            for t in TaxonomyTerm.objects.filter(
                id__in={a.taxonomy_term_id for v in attrs.values() for a in v if a.taxonomy_term_id}
            )
        }
        self._synthesise_categories(nodes, attrs, terms)
        taxonomies = {
            t.pk: t
            for t in Taxonomy.objects.filter(
                id__in={t.taxonomy_ref_id for t in terms.values() if t.taxonomy_ref_id}
            )
        }
        meta_ids = ids + [a.pk for v in attrs.values() for a in v] + list(terms) + list(taxonomies)
        meta: dict[uuid.UUID, list[Metadata]] = defaultdict(list)
        for m in Metadata.objects.filter(resource_id__in=meta_ids).order_by("position", "id"):
            if m.resource_id is not None:  # always: filtered on it
                meta[m.resource_id].append(m)
        self._terms, self._taxonomies = terms, taxonomies
        return attrs, meta

    def _synthesise_categories(self, nodes: list[Node], attrs: dict, terms: dict) -> None:
        """Categories set in Linkwork (not from an import) go out as attributes too."""

        services = [n.obj.pk for n in self._walk(nodes) if n.kind == "service"]
        through = Service.categories.through.objects.filter(service_id__in=services)
        pairs = list(through.values_list("service_id", "taxonomyterm_id"))
        missing = {t for _, t in pairs} - set(terms)
        terms.update({t.pk: t for t in TaxonomyTerm.objects.filter(id__in=missing)})
        for service_id, term_id in pairs:
            have = {a.taxonomy_term_id for a in attrs[service_id]}
            mapped = {terms[t].maps_to_id for t in have if t in terms}
            if term_id in have or term_id in mapped:
                continue
            attrs[service_id].append(
                Attribute(
                    id=uuid.uuid5(service_id, str(term_id)),
                    link_id=service_id,
                    taxonomy_term_id=term_id,
                    link_entity="service",
                    link_type="category",
                    position=10_000,
                )
            )

    # -- rendering ------------------------------------------------------------------------
    def _fields(self, kind: str, obj: HsdsModel, doc_ids: set[uuid.UUID]) -> dict[str, Any]:
        table = TABLES[kind]
        out: dict[str, Any] = {"id": str(obj.pk)}
        for col in table.columns:
            value = getattr(obj, col)
            if value is None or value == "":
                continue
            out[col] = _number(value)
        for prop, attr in table.fks.items():
            value = getattr(obj, attr)
            if value is not None and value not in doc_ids:
                out[prop] = str(value)
        if isinstance(obj, Attribute) and obj.link_id and obj.link_id not in doc_ids:
            out["link_id"] = str(obj.link_id)
        if isinstance(obj, Metadata) and obj.resource_id and obj.resource_id not in doc_ids:
            out["resource_id"] = str(obj.resource_id)
        if isinstance(obj, Service) and "last_modified" not in obj.extra and obj.last_modified:
            stamp = obj.last_modified.astimezone(UTC).isoformat(timespec="milliseconds")
            out["last_modified"] = stamp.replace("+00:00", "Z")
        out.update(obj.extra)
        if self.extension:
            ours = _extension(kind, obj)
            if ours:
                out[EXTENSION] = ours
        return out

    def _render(self, node: Node, *, top: bool, doc_ids: set[uuid.UUID]) -> dict[str, Any]:
        out = self._fields(node.kind, node.obj, doc_ids)
        table = TABLES[node.kind]
        for prop, kids in node.children.items():
            if table.nested[prop].many:
                out[prop] = [self._render(k, top=False, doc_ids=doc_ids) for k in kids]
            elif kids:
                out[prop] = self._render(kids[0], top=False, doc_ids=doc_ids)
        if self.with_attributes:
            self._add_generic(out, node.kind, node.obj.pk, doc_ids)
        return out

    def _add_generic(self, out: dict[str, Any], kind: str, pk: uuid.UUID, doc_ids: set) -> None:
        if "attributes" in TABLES[kind].nested and self._attr.get(pk):
            rendered = []
            for a in self._attr[pk]:
                ids = doc_ids | {pk}
                if a.taxonomy_term_id in self._terms:
                    ids = ids | {a.taxonomy_term_id}
                item = self._fields("attribute", a, ids)
                term = self._terms.get(a.taxonomy_term_id) if a.taxonomy_term_id else None
                if term is not None:
                    item["taxonomy_term"] = self._term(term, ids)
                self._add_generic(item, "attribute", a.pk, ids)
                rendered.append(item)
            out["attributes"] = rendered
        if "metadata" in TABLES[kind].nested and self._meta.get(pk):
            out["metadata"] = [self._fields("metadata", m, doc_ids | {pk}) for m in self._meta[pk]]

    def _term(self, term: TaxonomyTerm, doc_ids: set[uuid.UUID]) -> dict[str, Any]:
        tax = self._taxonomies.get(term.taxonomy_ref_id) if term.taxonomy_ref_id else None
        ids = doc_ids | ({tax.pk} if tax else set())
        out = self._fields("taxonomy_term", term, ids)
        if tax is not None:
            detail = self._fields("taxonomy", tax, ids)
            self._add_generic(detail, "taxonomy", tax.pk, ids)
            out["taxonomy_detail"] = detail
        self._add_generic(out, "taxonomy_term", term.pk, ids)
        return out


def _extension(kind: str, obj: HsdsModel) -> dict[str, Any]:
    if isinstance(obj, Service):
        out: dict[str, Any] = {"delivery_modes": obj.delivery_modes}
        if obj.summary:
            out["summary"] = obj.summary
        if obj.access:
            out["access"] = obj.access
        if obj.is_free is not None:
            out["is_free"] = obj.is_free
        if obj.last_reviewed_at:
            out["last_reviewed_at"] = obj.last_reviewed_at.isoformat()
        return out
    if isinstance(obj, ServiceArea) and (obj.gss_code or obj.kind):
        return {"gss_code": obj.gss_code, "kind": obj.kind}
    if isinstance(obj, Accessibility) and obj.code:
        return {"code": obj.code}
    if isinstance(obj, TaxonomyTerm) and obj.synonyms:
        return {"synonyms": obj.synonyms}
    return {}


def build(
    kind: str, objs: Sequence[HsdsModel], shape: Shape, **options: bool
) -> list[dict[str, Any]]:
    return Builder(**options).build(kind, objs, shape)


def synthesised_category_attributes(services: Sequence[Service]) -> list[Attribute]:
    """Attributes (not stored) that carry categories set in Linkwork, as the JSON export nests
    them under each service: the tabular export writes them as rows of attributes.csv."""
    attributes, _ = Builder()._attributes_and_metadata([Node("service", s) for s in services])
    return [a for found in attributes.values() for a in found if a._state.adding]


def flat_row(kind: str, obj: HsdsModel) -> dict[str, Any]:
    """One record's own fields and foreign keys, nothing nested: a row of the tabular form."""
    return Builder(attributes=False, extension=False)._fields(kind, obj, set())
