"""Background work of insight (django-tasks): bringing the kept facts up to date after a
backlog of changes (`kept.current` queues it) or on a schedule (`linkwork insight-refresh`
from cron does the same)."""

from __future__ import annotations

from django_tasks import task

from linkwork.insight import kept


@task()
def refresh_kept_task(full: bool = False) -> int:
    """Apply the waiting changes to the kept facts (or rebuild them all), then draw the default
    dashboards' charts and fit their models (`warm`); the cases rebuilt."""
    from linkwork.insight.warm import warm_all

    done = kept.refresh(full=full).cases
    warm_all()
    return done
