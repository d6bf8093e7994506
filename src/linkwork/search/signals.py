"""Keep the index in step with directory edits: each change queues a background task."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Iterable

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from linkwork.directory.models import (
    ContentTranslation,
    Organization,
    Service,
    ServiceArea,
    TaxonomyTerm,
)

logger = logging.getLogger(__name__)
SYNC_CHECK_SECONDS = 15.0
_last_sync_check = 0.0


def queue_indexing(service_ids: Iterable[uuid.UUID | str]) -> None:
    ids = sorted({str(i) for i in service_ids})
    if not ids:
        return

    def enqueue() -> None:
        from linkwork.search.tasks import index_services_task

        for start in range(0, len(ids), 1000):
            index_services_task.enqueue(ids[start : start + 1000])

    transaction.on_commit(enqueue)


def _service_saved(sender, instance: Service, raw: bool = False, **kwargs) -> None:  # type: ignore[no-untyped-def]
    if not raw:
        queue_indexing([instance.pk])


def _categories_changed(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:  # type: ignore[no-untyped-def]
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if not reverse:
        queue_indexing([instance.pk])
    elif pk_set:
        queue_indexing(pk_set)


def _term_saved(sender, instance: TaxonomyTerm, raw: bool = False, **kwargs) -> None:  # type: ignore[no-untyped-def]
    if raw:
        return
    from linkwork.search.indexing import services_in_terms

    queue_indexing(services_in_terms([instance.pk]))


def _organisation_saved(sender, instance: Organization, raw: bool = False, **kwargs) -> None:  # type: ignore[no-untyped-def]
    if not raw:
        queue_indexing(instance.services.values_list("id", flat=True))


def _area_changed(sender, instance: ServiceArea, raw: bool = False, **kwargs) -> None:  # type: ignore[no-untyped-def]
    # A service's areas are part of its place keys and of the facets of the vector index.
    if not raw and instance.service_id:
        queue_indexing([instance.service_id])


def _translation_changed(sender, instance: ContentTranslation, raw: bool = False, **kwargs) -> None:  # type: ignore[no-untyped-def]
    # Translated names and descriptions are indexed with the service (an organisation's
    # translated name with each of its services).
    if raw:
        return
    if instance.service_id:
        queue_indexing([instance.service_id])
    elif instance.organization_id:
        queue_indexing(
            Service.objects.filter(organization_id=instance.organization_id).values_list(
                "id", flat=True
            )
        )


def _service_deleted(sender, instance: Service, **kwargs) -> None:  # type: ignore[no-untyped-def]
    from linkwork.search import vectors

    vectors.mark_stale()


def maybe_sync_stale() -> None:
    """Now and then, index services that changed without signals (bulk imports, demo data)."""
    global _last_sync_check
    now = time.monotonic()
    if now - _last_sync_check < SYNC_CHECK_SECONDS:
        return
    _last_sync_check = now
    from linkwork.search.indexing import changed_service_ids

    ids = changed_service_ids(limit=50_000)
    if ids:
        logger.info("search index: %d services changed without a signal; indexing", len(ids))
        queue_indexing(ids)
    _reembed_other_models_once()


_models_checked = False
#: Services re-embedded on their own when the embedding model changed; above this, a log line
#: asks for `linkwork rebuild-search-index` (it would take too long inside a request).
REEMBED_AUTOMATICALLY = 5000


def _reembed_other_models_once() -> None:
    """Once per process: re-embed documents that another embedding model made (an upgrade
    from the static vectors to the transformer, decision 0008)."""
    global _models_checked
    if _models_checked:
        return
    _models_checked = True
    from linkwork.search.embedding import get_embedder
    from linkwork.search.models import SearchDocument

    others = SearchDocument.objects.exclude(embedding_model=get_embedder().name)
    ids = list(others.values_list("service_id", flat=True)[: REEMBED_AUTOMATICALLY + 1])
    if len(ids) > REEMBED_AUTOMATICALLY:
        logger.warning(
            "search index: services embedded by another model; run "
            "`linkwork rebuild-search-index` for semantic search to use them"
        )
    elif ids:
        logger.info("search index: re-embedding %d services for the current model", len(ids))
        queue_indexing(ids)


def reset_sync_clock() -> None:
    global _last_sync_check, _models_checked
    _last_sync_check = 0.0
    _models_checked = False


def connect() -> None:
    post_save.connect(_service_saved, sender=Service, dispatch_uid="search.service_saved")
    post_delete.connect(_service_deleted, sender=Service, dispatch_uid="search.service_deleted")
    post_save.connect(_area_changed, sender=ServiceArea, dispatch_uid="search.area_saved")
    post_delete.connect(_area_changed, sender=ServiceArea, dispatch_uid="search.area_deleted")
    m2m_changed.connect(
        _categories_changed, sender=Service.categories.through, dispatch_uid="search.categories"
    )
    post_save.connect(
        _translation_changed, sender=ContentTranslation, dispatch_uid="search.translation_saved"
    )
    post_delete.connect(
        _translation_changed, sender=ContentTranslation, dispatch_uid="search.translation_deleted"
    )
    post_save.connect(_term_saved, sender=TaxonomyTerm, dispatch_uid="search.term_saved")
    post_save.connect(
        _organisation_saved, sender=Organization, dispatch_uid="search.organisation_saved"
    )
