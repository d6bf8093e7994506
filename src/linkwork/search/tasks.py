"""Background work of the search app (django-tasks; immediate locally, a queue in production)."""

from __future__ import annotations

from django_tasks import task

from linkwork.search import indexing


@task()
def index_services_task(service_ids: list[str]) -> int:
    """Rebuild the search documents and embeddings of these services."""
    return indexing.index_services(service_ids)


@task()
def sync_stale_task() -> int:
    """Index every service changed since it was last indexed (after bulk imports)."""
    return indexing.sync_stale()
