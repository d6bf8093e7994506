"""Background work of insight (django-tasks): bringing the kept facts up to date after a
backlog of changes (`kept.current` queues it) or on a schedule (`linkwork insight-refresh`
from cron does the same)."""

from __future__ import annotations

from django_tasks import task

from linkwork.insight import kept


@task()
def refresh_kept_task(full: bool = False) -> int:
    """Apply the waiting changes to the kept facts (or rebuild them all); the cases rebuilt."""
    return kept.refresh(full=full).cases
