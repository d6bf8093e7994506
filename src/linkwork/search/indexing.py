"""Keeping the search index in step with the directory (writes of the search app).

`index_services(ids)` (re)builds the documents and embeddings of some services;
`rebuild_index()` does all of them; `sync_stale()` finds services changed since they were last
indexed (edits, bulk imports that send no signals) and indexes them. Signals and the
background task in `search.tasks` call these.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from itertools import islice

import numpy as np
from django.db import transaction
from django.db.models import Max, Prefetch
from django.utils import timezone

from linkwork.directory.models import ContentTranslation, Service, ServiceArea, TaxonomyTerm
from linkwork.directory.selectors import reached_from_anywhere
from linkwork.search.embedding import get_embedder
from linkwork.search.models import SearchDocument
from linkwork.search.place_keys import document_keys
from linkwork.search.query import index_text

BATCH = 1000


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _services(ids: Iterable[uuid.UUID] | None):  # type: ignore[no-untyped-def]
    texts = ContentTranslation.objects.only(
        "service_id", "organization_id", "language", "name", "description"
    )
    qs = Service.objects.select_related("organization").prefetch_related(
        Prefetch("translations", queryset=texts, to_attr="all_translations"),
        Prefetch("organization__translations", queryset=texts, to_attr="own_translations"),
        Prefetch(
            "categories",
            queryset=TaxonomyTerm.objects.filter(taxonomy_ref__is_default=True),
            to_attr="our_categories",
        ),
        Prefetch(
            "service_areas", queryset=ServiceArea.objects.only("service_id", "gss_code", "kind")
        ),
    )
    return qs if ids is None else qs.filter(id__in=list(ids))


def embedding_text(service: Service) -> str:
    """What the embedding model reads for a service: name, categories, summary, description."""
    categories = ", ".join(t.name for t in getattr(service, "our_categories", []))
    parts = [service.name, categories, service.summary, service.description]
    return ". ".join(p.strip() for p in parts if p and p.strip())[:2000]


def translations(record: object, attr: str = "all_translations") -> list[ContentTranslation]:
    """A service's (or with attr "own_translations" its organisation's) translations, as
    `_services` prefetched them."""
    found = getattr(record, attr, None)
    return list(found) if found is not None else []


def translated_texts(service: Service) -> list[str]:
    """What the embedding model reads for each translation of a service (its name and
    description in that language); the service's vector is the mean of these and the
    original's, so a query in any of the languages lands near it."""
    texts = []
    for t in translations(service):
        text = ". ".join(p.strip() for p in (t.name, t.description) if p and p.strip())
        if text:
            texts.append(text[:2000])
    return texts


def document_fields(service: Service) -> dict:
    terms = getattr(service, "our_categories", [])
    taxonomy = " ".join(" ".join([t.name, *(t.synonyms or [])]) for t in terms)
    org = service.organization.name if service.organization_id and service.organization else ""
    own = translations(service)
    org_translations = translations(service.organization, "own_translations") if org else []
    org_names = " ".join(t.name for t in org_translations)
    names = " ".join(t.name for t in own)
    descriptions = " ".join(t.description for t in own)
    return {
        "name_text": index_text(f"{service.name} {service.alternate_name} {names}"),
        "taxonomy_text": index_text(taxonomy),
        "summary_text": index_text(f"{service.summary} {org} {org_names}"),
        "description_text": index_text(
            f"{service.description} {service.eligibility_description} {descriptions}"[:40_000]
        ),
        "category_codes": " ".join(t.code for t in terms if t.code)[:500],
        "place_keys": document_keys(
            service.latitude,
            service.longitude,
            remote=reached_from_anywhere(
                phone=service.delivery_phone,
                online=service.delivery_online,
                latitude=service.latitude,
                longitude=service.longitude,
            ),
            area_codes=[
                ServiceArea.SCOTLAND_CODE if a.kind == ServiceArea.Kind.SCOTLAND else a.gss_code
                for a in service.service_areas.all()
            ],
        ),
        "source_modified": service.last_modified,
    }


def _embed(services: list[Service]) -> tuple[list[bytes], str]:
    """One unit vector per service: its text's, or with translations the normalised mean of
    the original's and each translation's."""
    embedder = get_embedder()
    texts: list[str] = []
    spans: list[tuple[int, int]] = []
    for s in services:
        start = len(texts)
        texts.append(embedding_text(s))
        texts.extend(translated_texts(s))
        spans.append((start, len(texts)))
    encoded = embedder.encode(texts)
    vectors = np.zeros((len(services), encoded.shape[1] if len(texts) else 0), dtype=np.float32)
    for i, (start, end) in enumerate(spans):
        mean = encoded[start:end].mean(axis=0)
        norm = float(np.linalg.norm(mean))
        vectors[i] = mean / norm if norm > 0 else mean
    return [v.tobytes() for v in vectors.astype(np.float16)], embedder.name


def index_services(service_ids: Iterable[uuid.UUID | str]) -> int:
    """Build or refresh the documents of these services (gone ones lose theirs by cascade)."""
    ids = [uuid.UUID(str(i)) for i in service_ids]
    done = 0
    for chunk in _batches(ids, BATCH):
        services = list(_services(chunk))
        fields = [document_fields(s) for s in services]
        embeddings, model = _embed(services)
        now = timezone.now()
        with transaction.atomic():
            existing = dict(
                SearchDocument.objects.filter(service_id__in=[s.id for s in services]).values_list(
                    "service_id", "id"
                )
            )
            for service, f, emb in zip(services, fields, embeddings, strict=True):
                # update() leaves auto_now alone: stamp it, so every process's in-memory
                # index (vectors) sees the change.
                values = {**f, "embedding": emb, "embedding_model": model, "updated_at": now}
                if service.id in existing:
                    SearchDocument.objects.filter(id=existing[service.id]).update(**values)
                else:
                    SearchDocument.objects.create(service=service, **values)
            done += len(services)
    _notify_changed()
    return done


def rebuild_index(*, stdout=None, batch: int = BATCH) -> int:  # type: ignore[no-untyped-def]
    """Recreate every document from the directory (all services, active or not)."""
    SearchDocument.objects.all().delete()
    total = 0
    ids = list(Service.objects.order_by("id").values_list("id", flat=True))
    for chunk in _batches(ids, batch):
        services = list(_services(chunk))
        fields = [document_fields(s) for s in services]
        embeddings, model = _embed(services)
        with transaction.atomic():
            SearchDocument.objects.bulk_create(
                [
                    SearchDocument(service=s, embedding=e, embedding_model=model, **f)
                    for s, f, e in zip(services, fields, embeddings, strict=True)
                ],
                batch_size=500,
            )
        total += len(services)
        if stdout is not None:
            stdout.write(f"  indexed {total} of {len(ids)} services")
    analyse_tables()
    _notify_changed()
    return total


def analyse_tables() -> None:
    """Refresh the query planner's statistics after a big change (an import, a rebuild).

    Without them SQLite picks the status index for `status = 'active' AND id IN (...)` and
    scans every active service instead of looking up a hundred ids."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def changed_service_ids(limit: int | None = None) -> list[uuid.UUID]:
    """Services changed since the newest indexed change (cheap: two indexed lookups).

    Bulk imports send no signals but stamp `last_modified`, so they show up here."""
    latest = SearchDocument.objects.aggregate(m=Max("source_modified"))["m"]
    qs = Service.objects.all()
    if latest is not None:
        qs = qs.filter(last_modified__gt=latest)
    ids = qs.values_list("id", flat=True)
    return list(ids[:limit] if limit else ids)


def stale_service_ids() -> list[uuid.UUID]:
    """Services never indexed, or changed since they were (the full check)."""
    missing = Service.objects.filter(search_document__isnull=True).values_list("id", flat=True)
    return sorted({*changed_service_ids(), *missing})


def sync_stale() -> int:
    ids = stale_service_ids()
    if not ids:
        return 0
    done = index_services(ids)
    if done > 1000:
        analyse_tables()
    return done


def services_in_terms(term_ids: Iterable[uuid.UUID]) -> list[uuid.UUID]:
    return list(
        Service.categories.through.objects.filter(taxonomyterm_id__in=list(term_ids))
        .values_list("service_id", flat=True)
        .distinct()
    )


def _notify_changed() -> None:
    from linkwork.search import vectors, vocabulary

    vectors.mark_stale()
    vocabulary.mark_stale()
